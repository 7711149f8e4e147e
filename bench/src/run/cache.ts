import { randomUUID } from 'node:crypto';
import { signDevToken } from '@cadg/platform';
import { measureCache } from '../../../test/cluster/cache-measure.ts';
import { startCluster } from '../../../test/cluster/cluster.ts';
import { ms, percentile, table } from '../stats.ts';
import { config, log } from './options.ts';
import { results, targets } from './state.ts';

/**
 * The response cache on the scale-out topology (`npm run start:cluster`'s two gateways, each in
 * front of its own replica of every subgraph, on the bench's database): invalidation lag between
 * the replicas, stale reads on the replica that served a mutation, and the hit ratio and memory of
 * a many-users poll, read-only and with 5% writes (test/cluster/cache-measure.ts). The gateways
 * share entries through Redis when REDIS_URL is set (as a deployment would), otherwise each keeps
 * its own in memory; either way the other replica learns of a change from the subgraphs' feeds.
 */
export async function cacheOnCluster(databaseUrl: string, keyDir: string): Promise<string> {
  const redisUrl = process.env['REDIS_URL'];
  const store = redisUrl ? 'redis' : 'memory';
  log(`Response cache on the cluster (${store}): ${config.cacheRounds} rounds…`);
  const cluster = await startCluster({
    databaseUrl,
    keyDir,
    env: {
      RATE_LIMIT: 'off',
      ...(redisUrl
        ? {
            RESPONSE_CACHE: 'redis',
            REDIS_URL: redisUrl,
            RESPONSE_CACHE_REDIS_PREFIX: `cadg-bench-${randomUUID()}:`,
          }
        : { RESPONSE_CACHE: 'memory' }),
    },
  });
  try {
    const [a, b] = cluster.gateways;
    if (!a || !b) throw new Error('The cluster started fewer than two gateways.');
    const figures = await measureCache({
      gateways: [a.url, b.url],
      token: (org, roles, n) =>
        signDevToken(keyDir, {
          sub: `bench-cache-${org}-${roles.join('-')}-${n}`,
          org,
          roles,
          expiresIn: '2h',
        }),
      rounds: config.cacheRounds,
      users: config.readers,
      requests: config.cacheRequests,
    });
    const lagMs = {
      p50: percentile(figures.lagsMs, 50),
      p99: percentile(figures.lagsMs, 99),
      max: percentile(figures.lagsMs, 100),
    };
    results.cache = {
      store,
      rounds: figures.rounds,
      staleOnWriter: figures.staleOnWriter,
      lagMs,
      runs: figures.runs.map((run) => ({ ...run })),
    };
    targets.cache = { lagP99: lagMs.p99, staleOnWriter: figures.staleOnWriter, rounds: figures.rounds };
    return [
      '## Response cache on the cluster',
      '',
      `The topology of \`npm run start:cluster\`: two gateways, each in front of its own replica of every subgraph, on the bench's PostgreSQL database; ` +
        (redisUrl
          ? 'the gateways share their entries through Redis (`REDIS_URL`). '
          : 'each gateway keeps its entries in its own memory (no `REDIS_URL`). ') +
        `${figures.rounds} rounds, alternating the replicas: a member polls \`incidents(first: 50)\` (with \`totalCount\`) on one replica twice (so it holds the list), reports a GREEN incident through the other, and as soon as that mutation is answered asks both again. ` +
        '"Stale on the writer" counts answers of the replica that served the mutation that miss it (read-your-writes: must be 0). ' +
        '"Lag" is, on the other replica, the time from the mutation\'s answer to the start of the first poll that saw it (polls back to back), which it learns from the subgraphs\' change feeds.',
      '',
      table(
        ['rounds', 'stale on the writer', 'lag p50', 'lag p99', 'lag max'],
        [
          [
            String(figures.rounds),
            String(figures.staleOnWriter),
            ms(lagMs.p50),
            ms(lagMs.p99),
            ms(lagMs.max),
          ],
        ],
      ),
      '',
      `Hit ratio and memory: ${config.readers.toLocaleString('en')} users, dealt over 6 organizations × 3 role sets (18 visibility scopes), poll the same query on gateway A, 8 at a time; with writes, every 20th request reports an incident, which changes every member scope's list. Memory is the gateway's \`gateway_response_cache_bytes\` after the run (answers and subgraph calls held).`,
      '',
      table(
        ['traffic', 'requests', 'hits', 'misses', 'hit ratio', 'cache memory'],
        figures.runs.map((run) => [
          run.writeEvery ? `${100 / run.writeEvery}% writes` : 'read-only',
          String(run.requests),
          String(run.hits),
          String(run.misses),
          run.hits + run.misses > 0 ? `${((100 * run.hits) / (run.hits + run.misses)).toFixed(1)}%` : '–',
          `${(run.cacheBytes / 1024).toFixed(0)} KiB`,
        ]),
      ),
    ].join('\n');
  } finally {
    await cluster.close();
  }
}
