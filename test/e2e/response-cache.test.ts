import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeFeedSignature, Role } from '@cadg/platform';
import { startGraph, type Graph } from './harness.ts';
import { cachedProtection, post, until } from './response-cache-harness.ts';

// The visibility-scoped response cache in the embedded default (one gateway, memory).
const LIST = /* GraphQL */ `
  query CachedList($first: Int) {
    incidents(first: $first) {
      totalCount
      edges {
        node {
          id
          title
          tlp
        }
      }
    }
  }
`;
const REPORT = /* GraphQL */ `
  mutation CachedReport($input: ReportIncidentInput!) {
    reportIncident(input: $input) {
      id
    }
  }
`;
const DASHBOARD = /* GraphQL */ `
  query CachedDashboard {
    incidents(first: 10) {
      edges {
        node {
          title
          reportedBy {
            name
          }
        }
      }
    }
  }
`;
/** The cache's counters on the gateway's `/metrics`: its lookups, and its subgraph calls. */
async function counters(gatewayUrl: string) {
  const text = await (await fetch(new URL('/metrics', gatewayUrl))).text();
  const count = (metric: string, outcome: string) =>
    Number(new RegExp(`^${metric}\\{[^}]*outcome="${outcome}"[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1]);
  const lookups = 'gateway_response_cache_lookups_total';
  const calls = 'gateway_response_cache_subgraph_calls_total';
  return {
    lookups: {
      hit: count(lookups, 'hit'),
      miss: count(lookups, 'miss'),
      coalesced: count(lookups, 'coalesced'),
    },
    calls: { hit: count(calls, 'hit'), miss: count(calls, 'miss') },
  };
}
type Dashboard = { incidents: { edges: { node: { title: string; reportedBy: { name: string } } }[] } };
const input = (title: string, tlp = 'GREEN') => ({
  title,
  summary: 'Response cache test data.',
  category: 'PHISHING',
  severity: 'LOW',
  tlp,
  affectedCountryCodes: ['MY'],
});
type List = { incidents: { totalCount: number; edges: { node: { id: string; title: string } }[] } };
const titles = (list: List | null | undefined) => list?.incidents.edges.map((edge) => edge.node.title) ?? [];

describe('the response cache (embedded default)', () => {
  let graph: Graph;
  let member: string;
  const protection = cachedProtection();

  beforeAll(async () => {
    graph = await startGraph({ protection });
    member = await graph.token('my-mycert', [Role.Member]);
  });
  afterAll(() => graph?.close());

  it('answers a repeated query from the cache, byte for byte', async () => {
    const first = await post<List>(graph.gatewayUrl, { query: LIST }, { first: 5 }, member);
    expect(first.body.errors).toBeUndefined();
    expect(first.cache).toBe('miss');
    const second = await post<List>(graph.gatewayUrl, { query: LIST }, { first: 5 }, member);
    expect(second.cache).toBe('hit');
    expect(second.text).toBe(first.text);
    // Other variables are another entry.
    expect((await post(graph.gatewayUrl, { query: LIST }, { first: 6 }, member)).cache).toBe('miss');
    // Mutations are never looked up.
    const reported = await post(graph.gatewayUrl, { query: REPORT }, { input: input('RC plain') }, member);
    expect(reported.cache).toBeNull();
  });

  it('reads its own writes: a query after a mutation through this gateway sees it', async () => {
    for (let round = 0; round < 5; round++) {
      await post<List>(graph.gatewayUrl, { query: LIST }, { first: 100 }, member);
      const cached = await post<List>(graph.gatewayUrl, { query: LIST }, { first: 100 }, member);
      expect(cached.cache).toBe('hit');
      const title = `RC read-your-writes ${round}`;
      const reported = await post(graph.gatewayUrl, { query: REPORT }, { input: input(title) }, member);
      expect(reported.body.errors).toBeUndefined();
      // Started after the mutation's answer arrived: never the old entry, not even once.
      const after = await post<List>(graph.gatewayUrl, { query: LIST }, { first: 100 }, member);
      expect(after.cache).toBe('miss');
      expect(titles(after.body.data)).toContain(title);
      expect(after.body.data!.incidents.totalCount).toBe(cached.body.data!.incidents.totalCount + 1);
    }
  });

  it('drops entries on a change that did not go through the gateway (a signed write straight to the subgraph)', async () => {
    const before = await post<List>(graph.gatewayUrl, { query: LIST }, { first: 100 }, member);
    expect((await post(graph.gatewayUrl, { query: LIST }, { first: 100 }, member)).cache).toBe('hit');
    const title = 'RC written behind the gateway';
    const direct = await post(
      graph.subgraphUrls['incidents']!,
      { query: REPORT },
      { input: input(title) },
      member,
    );
    expect(direct.body.errors).toBeUndefined();
    const { value, elapsedMs } = await until(
      () => post<List>(graph.gatewayUrl, { query: LIST }, { first: 100 }, member),
      (answer) => titles(answer.body.data).includes(title),
    );
    expect(value.body.data!.incidents.totalCount).toBe(before.body.data!.incidents.totalCount + 1);
    expect(elapsedMs).toBeLessThan(10_000);
    // And from then on only the new data, from the cache again.
    const again = await post<List>(graph.gatewayUrl, { query: LIST }, { first: 100 }, member);
    expect(again.cache).toBe('hit');
    expect(titles(again.body.data)).toContain(title);
  });

  it('gives anonymous answers an ETag and Cache-Control, answers 304 while current, and none to members', async () => {
    const anonymous = await post<List>(graph.gatewayUrl, { query: LIST }, { first: 3 });
    const etag = anonymous.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{43}\.[\w-]{22}"$/);
    expect(anonymous.headers.get('cache-control')).toBe('public, no-cache');
    const revalidated = await post(graph.gatewayUrl, { query: LIST }, { first: 3 }, undefined, {
      'if-none-match': etag!,
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
    // A member's answer carries neither, and the anonymous validator means nothing with a token.
    const withToken = await post(graph.gatewayUrl, { query: LIST }, { first: 3 }, member, {
      'if-none-match': etag!,
    });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('etag')).toBeNull();
    expect(withToken.headers.get('cache-control')).not.toBe('public, no-cache');
    // A CLEAR incident changes what anonymous callers see: the old validator no longer matches.
    await post(graph.gatewayUrl, { query: REPORT }, { input: input('RC clear', 'CLEAR') }, member);
    const changed = await post<List>(graph.gatewayUrl, { query: LIST }, { first: 3 }, undefined, {
      'if-none-match': etag!,
    });
    expect(changed.status).toBe(200);
    expect(titles(changed.body.data)).toContain('RC clear');
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('after a write re-sends only the calls to the subgraph that changed, per scope, and still reads its own writes', async () => {
    const calls = async () => (await counters(graph.gatewayUrl)).calls;
    const read = (token: string) => post<Dashboard>(graph.gatewayUrl, { query: DASHBOARD }, {}, token);
    // The writer's organization heads the page from now on, so its next report asks no new one.
    await post(graph.gatewayUrl, { query: REPORT }, { input: input('RC calls 0', 'CLEAR') }, member);
    const first = await read(member);
    expect(first.body.errors).toBeUndefined();
    for (let round = 1; round <= 3; round++) {
      const title = `RC calls ${round}`;
      await post(graph.gatewayUrl, { query: REPORT }, { input: input(title, 'CLEAR') }, member);
      const before = await calls();
      const after = await read(member);
      const delta = await calls();
      // The whole answer is gone, the incidents call is sent again, the organizations come from
      // the cache: and the answer shows the write.
      expect(after.cache).toBe('miss');
      expect(after.body.data!.incidents.edges[0]!.node).toMatchObject({
        title,
        reportedBy: { name: first.body.data!.incidents.edges[0]!.node.reportedBy.name },
      });
      expect(delta.miss - before.miss).toBe(1);
      expect(delta.hit - before.hit).toBe(1);
    }
    // Another organization (same roles) gets none of them: both its calls are sent.
    const other = await graph.token('sg-csa', [Role.Member]);
    const before = await calls();
    const answer = await read(other);
    expect(answer.body.errors).toBeUndefined();
    const delta = await calls();
    expect(delta.miss - before.miss).toBe(2);
    expect(delta.hit - before.hit).toBe(0);
  });

  it('runs identical queries arriving together once, per scope', async () => {
    // A write first, so no entry is current and every one of them misses the cache.
    await post(graph.gatewayUrl, { query: REPORT }, { input: input('RC together', 'CLEAR') }, member);
    const other = await graph.token('sg-csa', [Role.Member]);
    const before = await counters(graph.gatewayUrl);
    const answers = await Promise.all(
      [member, other, member, other, member, other, member, other].map((token) =>
        post<Dashboard>(graph.gatewayUrl, { query: DASHBOARD }, {}, token),
      ),
    );
    const after = await counters(graph.gatewayUrl);
    // One execution per scope; the others waited for it (or came after it and hit).
    expect(after.lookups.miss - before.lookups.miss).toBe(2);
    expect(after.lookups.hit + after.lookups.coalesced - before.lookups.hit - before.lookups.coalesced).toBe(
      6,
    );
    answers.forEach((answer, i) => {
      expect(answer.body.data!.incidents.edges[0]!.node.title).toBe('RC together');
      expect(answer.text).toBe(answers[i % 2]!.text);
    });
  });

  it('serves the change feed only to the gateway', async () => {
    const feedUrl = new URL('/changes', graph.subgraphUrls['contacts']).toString();
    expect((await fetch(feedUrl)).status).toBe(401);
    const forged = await fetch(feedUrl, {
      headers: { 'x-cadg-feed-signature': changeFeedSignature('not the secret', Date.now()) },
    });
    expect(forged.status).toBe(401);
    const controller = new AbortController();
    const signed = await fetch(`${feedUrl}?heartbeatMs=100`, {
      headers: {
        'x-cadg-feed-signature': changeFeedSignature(protection.subgraphSigningSecret!, Date.now()),
      },
      signal: controller.signal,
    });
    expect(signed.status).toBe(200);
    const reader = signed.body!.pipeThrough(new TextDecoderStream()).getReader();
    const { value } = await reader.read();
    expect(JSON.parse(value!.split('\n')[0]!)).toMatchObject({ version: expect.any(Number) });
    controller.abort();
  });
});
