/**
 * Measures the response cache (docs/configuration.md, "Response cache"): invalidation lag across
 * two gateway replicas, stale reads after a mutation, hit ratio and memory under a many-users
 * dashboard poll with writes mixed in (cache-measure.ts, which `npm run bench` runs on the cluster
 * in its `cache` section). Prints figures; asserts nothing. Both gateways run in this process in
 * front of the same four subgraphs, or, with `--cluster`, as processes of their own.
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
import { percentile } from '@cadg/bench/stats';
import { Role, signDevToken } from '@cadg/platform';
import { migrateSeedAndVerify, startStack } from '@cadg/stack';
import { measureCache } from './cache-measure.ts';
import { startCluster } from './cluster.ts';

const rounds = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 200);
const asCluster = process.argv.includes('--cluster');
const redisUrl = process.env['REDIS_URL'];
const cache: ResponseCacheOptions = redisUrl
  ? { mode: 'redis', redisUrl, redisPrefix: `cadg-lag-${randomUUID()}:` }
  : { mode: 'memory' };

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

const figures = await measureCache({ gateways: [a, b], token, rounds, users: 1000, requests: 4000 });
const { lagsMs } = figures;
console.log(
  `database: ${database.kind}; cache: ${cache.mode}; ${asCluster ? 'one process per service' : 'one process'}; rounds: ${rounds}`,
);
console.log(`stale reads on the replica that served the mutation: ${figures.staleOnWriter}`);
console.log(
  `other replica, mutation answered → first poll that saw it started (ms): p50 ${percentile(lagsMs, 50).toFixed(1)}, p99 ${percentile(lagsMs, 99).toFixed(1)}, max ${percentile(lagsMs, 100).toFixed(1)}`,
);
// 1,000 users over 6 organizations × 3 role sets polling the same query, read-only and then with
// 5% writes (each report changes every member scope's list).
for (const run of figures.runs) {
  console.log(
    `1000 tokens, 18 scopes, ${run.writeEvery ? `${100 / run.writeEvery}% writes` : 'read-only'}, ${run.requests} requests: hit ratio ${((100 * run.hits) / (run.hits + run.misses)).toFixed(1)}% (${run.hits} hits, ${run.misses} misses); cache memory ${(run.cacheBytes / 1024).toFixed(1)} KiB`,
  );
}
console.log(
  `process RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB (this process${asCluster ? '' : ': four subgraphs and two gateways'})`,
);

await stop();
await database.close();
await rm(keyDir, { recursive: true, force: true });
