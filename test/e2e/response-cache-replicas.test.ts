import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentId,
  readManifest,
  trustedDocumentsDir,
  type Gateway,
  type ResponseCacheOptions,
} from '@cadg/gateway';
import { Role, signedExtensions } from '@cadg/platform';
import { startGraph, type Graph } from './harness.ts';
import { cachedProtection, post, startReplica, until } from './response-cache-harness.ts';

// Two gateway replicas in production mode (trusted documents enforced, signed subgraph calls)
// sharing their entries through Redis (the machine's, at 127.0.0.1:6379, under a prefix of this run).
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
type Overview = {
  incidents: { totalCount: number; edges: { node: { id: string; title: string; tlp: string } }[] };
};
const titles = (answer: { body: { data?: Overview | null } }) =>
  answer.body.data?.incidents.edges.map((edge) => edge.node.title) ?? [];

describe('the response cache across replicas through Redis, in production mode', () => {
  let graph: Graph;
  let replica: Gateway;
  let replicaUrl: string;
  let member: string;
  let outsider: string;
  let overview: { documentId: string };
  let report: { documentId: string };
  let reportText: string;
  const cache: ResponseCacheOptions = {
    mode: 'redis',
    redisUrl: REDIS_URL,
    redisPrefix: `cadg-test-${randomUUID()}:`,
  };
  const protection = cachedProtection({ production: true, responseCache: cache });

  const registered = async (file: string) => {
    const text = (await readFile(join(trustedDocumentsDir, file), 'utf8')).trim();
    return { id: documentId(text), text };
  };
  let counter = 0;
  const input = (tlp = 'GREEN') => ({
    title: `RC replica ${++counter} ${tlp}`,
    summary: 'Response cache replica test data.',
    category: 'DDOS',
    severity: 'SEVERE',
    tlp,
    affectedCountryCodes: ['VN'],
  });

  beforeAll(async () => {
    const manifest = await readManifest();
    graph = await startGraph({
      protection: { ...protection, trustedDocuments: { mode: 'enforce', manifest } },
    });
    ({ gateway: replica, url: replicaUrl } = await startReplica(
      graph,
      { ...protection, trustedDocuments: { mode: 'enforce', manifest } },
      cache,
    ));
    member = await graph.token('my-mycert', [Role.Member]);
    outsider = await graph.token('th-thaicert', [Role.Member]);
    overview = { documentId: (await registered('dashboard/DashboardOverview.graphql')).id };
    const reportDocument = await registered('dashboard/ReportIncident.graphql');
    report = { documentId: reportDocument.id };
    reportText = reportDocument.text;
  });
  afterAll(async () => {
    await replica?.close();
    await graph?.close();
  });

  it('runs only registered documents and caches them: a hit on one replica, then on the other through Redis', async () => {
    const first = await post<Overview>(graph.gatewayUrl, overview, { first: 50 }, member);
    expect(first.body.errors).toBeUndefined();
    expect(first.cache).toBe('miss');
    expect((await post(graph.gatewayUrl, overview, { first: 50 }, member)).cache).toBe('hit');
    // The other replica never computed it: Redis holds the entry.
    const other = await post<Overview>(replicaUrl, overview, { first: 50 }, member);
    expect(other.cache).toBe('hit');
    expect(other.text).toBe(first.text);
  });

  it('reads its own writes on the replica that served the mutation, and the other replica follows', async () => {
    const lags: number[] = [];
    for (let round = 0; round < 5; round++) {
      const [writer, reader] =
        round % 2 === 0 ? [replicaUrl, graph.gatewayUrl] : [graph.gatewayUrl, replicaUrl];
      await post(reader, overview, { first: 50 }, member);
      expect((await post(reader, overview, { first: 50 }, member)).cache).toBe('hit');
      const reported = await post<{ reportIncident: { id: string } }>(
        writer,
        report,
        { input: input() },
        member,
      );
      expect(reported.body.errors).toBeUndefined();
      const title = `RC replica ${counter} GREEN`;
      // The replica that answered the mutation: never older, on the first try.
      expect(titles(await post<Overview>(writer, overview, { first: 50 }, member))).toContain(title);
      // The other: as soon as the subgraph's change feed reaches it.
      const { elapsedMs } = await until(
        () => post<Overview>(reader, overview, { first: 50 }, member),
        (answer) => titles(answer).includes(title),
      );
      lags.push(elapsedMs);
      // Once fresh, never stale again.
      expect(titles(await post<Overview>(reader, overview, { first: 50 }, member))).toContain(title);
    }
    console.log(
      `cross-replica freshness after a mutation (ms): ${lags.map((lag) => lag.toFixed(1)).join(', ')}`,
    );
  });

  it('drops entries on both replicas after a signed write straight to the incidents subgraph', async () => {
    for (const url of [graph.gatewayUrl, replicaUrl]) {
      await post(url, overview, { first: 50 }, member);
      expect((await post(url, overview, { first: 50 }, member)).cache).toBe('hit');
    }
    const variables = { input: input() };
    const direct = await post(
      graph.subgraphUrls['incidents']!,
      {
        query: reportText,
        extensions: signedExtensions(protection.subgraphSigningSecret!, { query: reportText, variables }),
      },
      variables,
      member,
    );
    expect(direct.body.errors).toBeUndefined();
    for (const url of [graph.gatewayUrl, replicaUrl]) {
      await until(
        () => post<Overview>(url, overview, { first: 50 }, member),
        (answer) => titles(answer).includes(variables.input.title),
      );
    }
  });

  it('keeps an AMBER incident of one organization from another organization’s entries on either replica', async () => {
    const amber = input('AMBER');
    await post(graph.gatewayUrl, overview, { first: 50 }, outsider);
    const reported = await post(graph.gatewayUrl, report, { input: amber }, member);
    expect(reported.body.errors).toBeUndefined();
    const inside = await post<Overview>(graph.gatewayUrl, overview, { first: 50 }, member);
    expect(titles(inside)).toContain(amber.title);
    for (const url of [graph.gatewayUrl, replicaUrl]) {
      for (const token of [outsider, undefined]) {
        const outside = await post<Overview>(url, overview, { first: 50 }, token);
        expect(outside.body.errors).toBeUndefined();
        expect(titles(outside)).not.toContain(amber.title);
      }
    }
    // Anonymous answers are public: validators work across replicas, as a CDN in front would use them.
    const anonymous = await post(graph.gatewayUrl, overview, { first: 50 });
    const etag = anonymous.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const revalidated = await post(replicaUrl, overview, { first: 50 }, undefined, { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
  });

  it('answers uncached, and correctly, while Redis is unreachable', async () => {
    const { gateway, url } = await startReplica(
      graph,
      { ...protection, trustedDocuments: { mode: 'enforce', manifest: await readManifest() } },
      { ...cache, redisUrl: 'redis://127.0.0.1:1' },
    );
    try {
      const expected = await post<Overview>(graph.gatewayUrl, overview, { first: 50 }, member);
      const answer = await post<Overview>(url, overview, { first: 50 }, member);
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(titles(answer)).toEqual(titles(expected));
    } finally {
      await gateway.close();
    }
  });
});
