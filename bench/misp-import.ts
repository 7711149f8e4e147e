/**
 * `npm run bench:misp-import [-- --count 10000]` (DATABASE_URL for PostgreSQL; PGlite in memory
 * otherwise)
 *
 * MISP import throughput, as a MISP feed delivers an event: the whole graph in this process, one
 * event of `count` attributes (mixed types, a tenth not for detection, a few in MISP objects)
 * served by a feed on 127.0.0.1, registered with `addMispFeed` and pulled by the incidents
 * service; timed from the registration until the feed records its pull. Then the event again with
 * a newer timestamp (every attribute rewritten: the update path). Prints attributes per second.
 * (`importMispEvent` takes events up to the gateway's body limit; an event this large comes
 * through a feed.)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Role, signDevToken } from '@cadg/platform';
import { startStandaloneGraph } from '@cadg/stack';

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' } } });
const count = Number(values.count);
const EVENT = '5e1f0c2a-7b3d-4e8f-9a6b-1c2d3e4f5a6b';
const hex = (n: number, length: number) => n.toString(16).padStart(length, '0').slice(-length);

/** Attribute `n` of the event: a type of the mix and a value valid for it. */
function attribute(n: number, timestamp: number) {
  // The same uuid in every version of the event; the timestamp says which version it is.
  const kinds: [string, string][] = [
    ['domain', `host-${n}.misp-bench.example`],
    ['ip-dst', `198.51.${(n >> 8) & 255}.${n & 255}`],
    ['url', `https://misp-bench.example/p/${n}`],
    ['sha256', hex(n, 8).repeat(8)],
    ['md5', hex(n, 8).repeat(4)],
    ['email-src', `sender-${n}@misp-bench.example`],
    ['ip-src|port', `203.0.${(n >> 8) & 255}.${n & 255}|443`],
    ['filename|sha1', `payload-${n}.exe|${hex(n, 8).repeat(5)}`],
  ];
  const [type, value] = kinds[n % kinds.length]!;
  return {
    uuid: `${hex(n, 8)}-0000-4000-8000-${hex(n, 12)}`,
    type,
    category: 'Network activity',
    to_ids: n % 10 !== 0,
    value,
    comment: '',
    timestamp: String(timestamp),
  };
}

function event(timestamp: number) {
  const attributes = Array.from({ length: count }, (_, n) => attribute(n, timestamp));
  // A few attributes sit in MISP objects, as MISP's file and domain-ip objects hold them.
  const inObjects = attributes.splice(0, Math.min(100, Math.floor(count / 10)));
  return {
    Event: {
      uuid: EVENT,
      info: `MISP import benchmark (${count} attributes)`,
      date: '2026-12-01',
      threat_level_id: '2',
      analysis: '2',
      timestamp: String(timestamp),
      Orgc: { name: 'Benchmark CERT', uuid: '5e1f0c2a-0000-4000-8000-000000000001' },
      Tag: [{ name: 'tlp:green' }],
      Attribute: attributes,
      Object: [
        {
          uuid: '5e1f0c2a-0000-4000-8000-000000000002',
          name: 'domain-ip',
          timestamp: String(timestamp),
          Attribute: inObjects,
        },
      ],
    },
  };
}

let served = event(1_764_316_800);
const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://feed').pathname;
  const { Event } = served;
  const body =
    path === '/feed/manifest.json'
      ? {
          [EVENT]: { info: Event.info, date: Event.date, timestamp: Number(Event.timestamp), Tag: Event.Tag },
        }
      : path === `/feed/${EVENT}.json`
        ? served
        : null;
  if (!body) return void response.writeHead(404).end();
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;

const graph = await startStandaloneGraph({ databaseUrl: process.env['DATABASE_URL'] });
try {
  const token = await signDevToken(graph.keyDir, {
    sub: 'bench-misp-import',
    org: 'my-mycert',
    roles: [Role.OrgAdmin],
    expiresIn: '30m',
  });
  const query = async <T>(text: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: text, variables }),
    });
    const result = (await response.json()) as { data?: T; errors?: unknown[] };
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };
  const size = Buffer.byteLength(JSON.stringify(served));
  console.log(`${count} attributes, ${(size / 1_048_576).toFixed(1)} MiB, database ${graph.database}`);

  type Feeds = {
    mispFeeds: {
      id: string;
      lastPulledAt: string | null;
      lastError: string | null;
      eventsImported: number;
    }[];
  };
  /** Polls the feed (20 ms apart, as a client would) until a pull newer than `after` is recorded. */
  const pulled = async (after: string | null) => {
    for (;;) {
      const [feed] = (await query<Feeds>('{ mispFeeds { id lastPulledAt lastError eventsImported } }'))
        .mispFeeds;
      if (feed?.lastPulledAt && feed.lastPulledAt !== after) return feed;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const report = (name: string, started: number, feed: Feeds['mispFeeds'][number]) => {
    const seconds = (performance.now() - started) / 1000;
    if (feed.lastError) throw new Error(feed.lastError);
    console.log(`${name}: ${seconds.toFixed(1)} s, ${Math.round(count / seconds)} attributes/s`);
  };

  let started = performance.now();
  await query('mutation ($url: String!) { addMispFeed(input: { url: $url }) { id } }', { url: feedUrl });
  const first = await pulled(null);
  report('first import', started, first);

  served = event(1_764_400_000);
  started = performance.now();
  await query('mutation ($id: ID!) { pullMispFeed(id: $id) { id } }', { id: first.id });
  report('newer version (every attribute updated)', started, await pulled(first.lastPulledAt));
} finally {
  await graph.close();
  server.close();
}
