/**
 * Subgraph ports in production mode (issue #16, finding 1): nothing runs unless the gateway signed
 * it, and the gateway's own signed calls keep the whole graph working. The embedded default's
 * limits on the same ports are in subgraph-ports.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, SIGNATURE_EXTENSION, signedExtensions } from '@cadg/platform';
import { codesOf, startGraph, type Graph } from './harness.ts';
import { codesInWsError, overWebSocket, post, SUBGRAPHS } from './subgraph-port-clients.ts';

describe('subgraph ports in production mode', () => {
  const secret = randomBytes(32).toString('base64url');
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({
      protection: { production: true, rateLimit: null, subgraphSigningSecret: secret },
    });
  });
  afterAll(() => graph?.close());

  it.each(SUBGRAPHS)('refuses an unsigned request on the %s port, token or not', async (name) => {
    const url = graph.subgraphUrls[name]!;
    const token = await graph.token('asean-secretariat', [Role.Secretariat]);
    for (const headers of [{}, { authorization: `Bearer ${token}` }]) {
      const answer = await post(url, { query: '{ __typename }' }, headers);
      expect(answer.status).toBe(403);
      expect(codesOf(answer)).toEqual(['FORBIDDEN']);
      expect(answer.data ?? null).toBeNull();
    }
  });

  it('refuses a request signed with another secret or signed for another query', async () => {
    const url = graph.subgraphUrls['contacts']!;
    const query = '{ _service { sdl } }';
    const forged = await post(url, {
      query,
      extensions: signedExtensions(randomBytes(32).toString('base64url'), { query }),
    });
    expect([forged.status, codesOf(forged)]).toEqual([403, ['FORBIDDEN']]);
    const replayed = await post(url, {
      query,
      extensions: signedExtensions(secret, { query: '{ __typename }' }),
    });
    expect([replayed.status, codesOf(replayed)]).toEqual([403, ['FORBIDDEN']]);
    const garbage = await post(url, { query, extensions: { [SIGNATURE_EXTENSION]: 42 } });
    expect([garbage.status, codesOf(garbage)]).toEqual([403, ['FORBIDDEN']]);
  });

  it('answers a request signed with the shared secret, _service included (the gateway’s rights)', async () => {
    const query = '{ _service { sdl } }';
    const answer = await post(graph.subgraphUrls['contacts']!, {
      query,
      extensions: signedExtensions(secret, { query }),
    });
    expect(answer.errors).toBeUndefined();
    expect((answer.data?.['_service'] as { sdl: string }).sdl).toContain('type Country');
  });

  it('refuses unsigned subscriptions on the incidents port over graphql-ws', async () => {
    const { error } = await overWebSocket(graph.subgraphUrls['incidents']!, {
      query: 'subscription { majorIncidentUpdates { cursor } }',
    });
    expect(codesInWsError(error)).toEqual(['FORBIDDEN']);
  });

  it('serves clients through the gateway: queries, a report that checks contacts, subscriptions and readiness', async () => {
    const ready = await fetch(new URL('/readyz', graph.baseUrl));
    expect(ready.status).toBe(200);

    const token = await graph.token('my-mycert', [Role.Member]);
    const before = await graph.query<{ incidentEventCursor: string | null }>(
      '{ incidentEventCursor }',
      {},
      token,
    );
    const read = await graph.query(
      '{ incidents(first: 5) { totalCount edges { node { title reportedBy { name } affectedCountries { name } } } } }',
      {},
      token,
    );
    expect(read.errors).toBeUndefined();

    const events = overWebSocket(
      graph.wsUrl.replace(/^ws/, 'http'),
      {
        query:
          'subscription($after: String) { majorIncidentUpdates(minSeverity: HIGH, after: $after) { type incident { title reportedBy { name } } } }',
        variables: { after: before.data?.incidentEventCursor ?? null },
      },
      token,
    );
    // The report goes gateway → incidents → contacts (checking the countries and organization exist):
    // every hop signed.
    const reported = await graph.query(
      `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id reportedBy { name } } }`,
      {
        input: {
          title: 'Exercise: signed hops in production',
          summary: 'Checks that every internal call is signed.',
          category: 'PHISHING',
          severity: 'HIGH',
          tlp: 'GREEN',
          affectedCountryCodes: ['MY', 'SG'],
        },
      },
      token,
    );
    expect(reported.errors).toBeUndefined();
    const { result, error } = await events;
    expect(error).toBeUndefined();
    expect(result?.data).toMatchObject({
      majorIncidentUpdates: { type: 'REPORTED', incident: { title: 'Exercise: signed hops in production' } },
    });
  });
});
