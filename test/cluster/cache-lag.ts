/**
 * Measures the response cache (docs/configuration.md, "Response cache"): invalidation lag across
 * two gateway replicas, stale reads after a mutation, hit ratio and memory under a many-users
 * dashboard poll with writes mixed in. Prints figures; asserts nothing (see BENCHMARKS.md for
 * throughput). Both gateways run in this process in front of the same four subgraphs.
 *
 *   node --import tsx test/cluster/cache-lag.ts [rounds=200]        # PGlite, memory cache
 *   DATABASE_URL=postgres://… REDIS_URL=redis://127.0.0.1:6379 node --import tsx test/cluster/cache-lag.ts
 *   DATABASE_URL=postgres://… REDIS_URL=… node --import tsx test/cluster/cache-lag.ts 200 --cluster
 *
 * With `--cluster`, every subgraph (two replicas each) and both gateways are processes of their own
 * started from their production entries (test/cluster/cluster.ts), as deployed.
 *
 * DATABASE_URL must name an empty database of your own: it is migrated and seeded.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '@cadg/db';
import {
  composeFromSchemaFiles,
  createGateway,
  subgraphs,
  type ProtectionOptions,
  type ResponseCacheOptions,
} from '@cadg/gateway';
import { Role, signDevToken } from '@cadg/platform';
import { migrateSeedAndVerify, startStack } from '@cadg/stack';
import { startCluster } from './cluster.ts';

const rounds = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 200);
const asCluster = process.argv.includes('--cluster');
const redisUrl = process.env['REDIS_URL'];
const cache: ResponseCacheOptions = redisUrl
  ? { mode: 'redis', redisUrl, redisPrefix: `cadg-lag-${randomUUID()}:` }
  : { mode: 'memory' };
const OVERVIEW = `query Overview { incidents(first: 50) { totalCount edges { node { id title tlp } } } }`;
const REPORT = `mutation Report($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`;
const ORGS = ['my-mycert', 'sg-csa', 'th-thaicert', 'vn-vncert', 'ph-certph', 'id-bssn'];
const ROLE_SETS: Role[][] = [[Role.Member], [Role.OrgAdmin], [Role.Member, Role.OrgAdmin]];

const keyDir = await mkdtemp(join(tmpdir(), 'cadg-cache-lag-'));
const database = await createDatabase({ url: process.env['DATABASE_URL'] });
const verifier = await migrateSeedAndVerify(database, keyDir);
let a: string;
let b: string;
let stop: () => Promise<void>;
if (asCluster) {
  if (database.kind !== 'postgres') throw new Error('--cluster needs DATABASE_URL.');
  const cluster = await startCluster({
    databaseUrl: process.env['DATABASE_URL']!,
    keyDir,
    env: {
      RATE_LIMIT: 'off',
      ...(cache.mode === 'redis'
        ? { REDIS_URL: cache.redisUrl!, RESPONSE_CACHE_REDIS_PREFIX: cache.redisPrefix! }
        : { RESPONSE_CACHE: 'memory' }),
    },
  });
  [a, b] = cluster.gateways.map((gateway) => `http://127.0.0.1:${gateway.port}/graphql`) as [string, string];
  stop = () => cluster.close();
} else {
  const protection: ProtectionOptions = {
    rateLimit: null,
    subgraphSigningSecret: randomUUID() + randomUUID(),
    responseCache: cache,
  };
  const stack = await startStack({ database, verifier, logging: false, protection });
  const replica = createGateway({
    supergraphSdl: await composeFromSchemaFiles(subgraphs, (s) => stack.subgraphUrls[s.name] ?? ''),
    verifier,
    logging: false,
    ...protection,
  });
  [a, b] = [stack.gatewayUrl, (await replica.listen(0, '127.0.0.1')).url];
  stop = async () => {
    await replica.close();
    await stack.close();
  };
}
const token = (org: string, roles: Role[], n: number) =>
  signDevToken(keyDir, { sub: `lag-${org}-${roles.join('-')}-${n}`, org, roles, expiresIn: '1h' });

async function gql(url: string, query: string, variables: object, bearer?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: { incidents?: { edges: { node: { title: string } }[] } };
    errors?: unknown[];
  };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return {
    cache: response.headers.get('x-response-cache'),
    titles: body.data?.incidents?.edges.map((e) => e.node.title) ?? [],
  };
}
const report = (url: string, title: string, bearer: string) =>
  gql(
    url,
    REPORT,
    {
      input: {
        title,
        summary: 'Cache lag measurement.',
        category: 'DDOS',
        severity: 'LOW',
        tlp: 'GREEN',
        affectedCountryCodes: ['MY'],
      },
    },
    bearer,
  );
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
async function metric(url: string, name: string, outcome?: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && (!outcome || l.includes(`outcome="${outcome}"`)));
  return line ? Number(line.split(' ').pop()) : 0;
}

// 1. Invalidation lag and stale reads.
const writer = await token('my-mycert', [Role.Member], 0);
const lags: number[] = [];
let staleOnWriter = 0;
for (let round = 0; round < rounds; round++) {
  const [from, to] = round % 2 === 0 ? [a, b] : [b, a];
  await gql(to, OVERVIEW, {}, writer);
  await gql(to, OVERVIEW, {}, writer);
  const title = `lag ${round} ${randomUUID()}`;
  await report(from, title, writer);
  const answered = performance.now();
  // The replica that answered the mutation and the other one, asked at the same moment.
  const own = gql(from, OVERVIEW, {}, writer).then((answer) => {
    if (!answer.titles.includes(title)) staleOnWriter++;
  });
  for (;;) {
    const started = performance.now();
    if ((await gql(to, OVERVIEW, {}, writer)).titles.includes(title)) {
      lags.push(started - answered);
      break;
    }
  }
  await own;
}
console.log(
  `database: ${database.kind}; cache: ${cache.mode}; ${asCluster ? 'one process per service' : 'one process'}; rounds: ${rounds}`,
);
console.log(`stale reads on the replica that served the mutation: ${staleOnWriter}`);
console.log(
  `other replica, mutation answered → first poll that saw it started (ms): p50 ${percentile(lags, 50).toFixed(1)}, p99 ${percentile(lags, 99).toFixed(1)}, max ${percentile(lags, 100).toFixed(1)}`,
);

// 2. Hit ratio and memory: 1,000 users over 6 organizations × 3 role sets polling the same
// query, read-only and then with 5% writes (each report changes every member scope's list).
const users = await Promise.all(
  Array.from({ length: 1000 }, (_, n) => token(ORGS[n % ORGS.length]!, ROLE_SETS[n % ROLE_SETS.length]!, n)),
);
for (const writeEvery of [0, 20]) {
  const before = {
    hits: await metric(a, 'gateway_response_cache_lookups_total', 'hit'),
    misses: await metric(a, 'gateway_response_cache_lookups_total', 'miss'),
  };
  const requests = 4000;
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < requests) {
        const n = next++;
        const user = users[n % users.length]!;
        if (writeEvery && n % writeEvery === 0) await report(a, `mix ${n}`, user);
        else await gql(a, OVERVIEW, {}, user);
      }
    }),
  );
  const hits = (await metric(a, 'gateway_response_cache_lookups_total', 'hit')) - before.hits;
  const misses = (await metric(a, 'gateway_response_cache_lookups_total', 'miss')) - before.misses;
  console.log(
    `1000 tokens, 18 scopes, ${writeEvery ? `${100 / writeEvery}% writes` : 'read-only'}, ${requests} requests: hit ratio ${((100 * hits) / (hits + misses)).toFixed(1)}% (${hits} hits, ${misses} misses); cache memory ${((await metric(a, 'gateway_response_cache_bytes')) / 1024).toFixed(1)} KiB`,
  );
}
console.log(
  `process RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB (this process${asCluster ? '' : ': four subgraphs and two gateways'})`,
);

await stop();
await database.close();
await rm(keyDir, { recursive: true, force: true });
