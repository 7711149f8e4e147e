import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { GatewayContextAdditions } from '../authentication.ts';
import {
  DEFAULT_RESPONSE_CACHE_MAX_BYTES,
  DEFAULT_RESPONSE_CACHE_TTL_MS,
  type ResponseCacheOptions,
} from './config.ts';
import { FeedClient } from './feed-client.ts';
import {
  ANONYMOUS_CACHE_CONTROL,
  CACHE_STATUS_HEADER,
  responseCachePlugin,
  type CacheStats,
} from './plugin.ts';
import { ANONYMOUS_SCOPE, keyOfEtag } from './scope.ts';
import { DEFAULT_REDIS_PREFIX, MemoryStore, RedisStore, type AnswerStore } from './store.ts';
import { SubgraphCallCache, type SubgraphCacheStats } from './subgraph-cache.ts';
import { DataVersions } from './versions.ts';

export { responseCacheFromEnv, type ResponseCacheOptions } from './config.ts';
export { CACHE_STATUS_HEADER } from './plugin.ts';

export interface ResponseCache {
  readonly plugin: GatewayPlugin<GatewayContextAdditions>;
  readonly versions: DataVersions;
  readonly stats: Readonly<CacheStats>;
  /** The subgraph calls of queries not answered whole (subgraph-cache.ts). */
  readonly subgraphCalls: Readonly<SubgraphCacheStats>;
  /** Bytes (answers and subgraph calls) and entries (answers) in this gateway's memory. */
  memory(): { bytes: number; entries: number };
  /**
   * Answers 304 to an anonymous request whose `If-None-Match` names a current anonymous entry
   * with the same bytes; calls `next` for every other request.
   */
  answerNotModified(req: IncomingMessage, res: ServerResponse, next: () => void): void;
  /**
   * Starts following the subgraphs' change feeds and waits (up to 2 s) until every one has said
   * where its data is; until then, answers are computed and not stored.
   */
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createResponseCache(
  options: ResponseCacheOptions,
  subgraphUrls: Readonly<Record<string, string>>,
  signingSecret: string | undefined,
  log: { warn(details: Record<string, unknown>, message: string): void },
  /** Where its counters and gauges go (the gateway's `/metrics`). */
  registry: Registry,
): ResponseCache {
  const ttlMs = options.ttlMs ?? DEFAULT_RESPONSE_CACHE_TTL_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_RESPONSE_CACHE_MAX_BYTES;
  const versions = new DataVersions(Object.keys(subgraphUrls));
  const stats: CacheStats = { hits: 0, misses: 0, bypasses: 0, stores: 0, notModified: 0, coalesced: 0 };
  let lastRedisError = 0;
  const store: AnswerStore =
    options.mode === 'redis'
      ? new RedisStore(
          requiredUrl(options.redisUrl),
          options.redisPrefix ?? DEFAULT_REDIS_PREFIX,
          maxBytes,
          ttlMs,
          (error) => {
            // At most one line a minute while Redis is unreachable.
            if (Date.now() - lastRedisError < 60_000) return;
            lastRedisError = Date.now();
            log.warn({ error: String(error) }, 'response cache: Redis unavailable, answering uncached');
          },
        )
      : new MemoryStore(maxBytes, ttlMs);
  const calls = new SubgraphCallCache(versions, maxBytes, ttlMs);
  const feeds = Object.entries(subgraphUrls).map(
    ([name, url]) =>
      new FeedClient(name, url, versions, {
        signingSecret,
        heartbeatMs: options.heartbeatMs ?? 1_000,
        onError: (subgraph, error) =>
          log.warn({ subgraph, error: String(error) }, 'response cache: change feed lost, reconnecting'),
      }),
  );

  const cache: ResponseCache = {
    plugin: responseCachePlugin(store, versions, ttlMs, stats, calls),
    versions,
    stats,
    subgraphCalls: calls.stats,
    memory: () => ({ bytes: store.bytes + calls.bytes, entries: store.entries }),
    answerNotModified(req, res, next) {
      const etag = req.headers['if-none-match'];
      const key = typeof etag === 'string' && !req.headers.authorization ? keyOfEtag(etag) : null;
      if (!key || (req.method !== 'GET' && req.method !== 'POST')) return next();
      Promise.resolve(store.get(key)).then(
        (answer) => {
          if (!answer || answer.scope !== ANONYMOUS_SCOPE || answer.etag !== etag?.trim()) return next();
          if (!versions.isCurrent(answer.deps)) return next();
          stats.notModified++;
          res.writeHead(304, {
            etag: answer.etag,
            'cache-control': ANONYMOUS_CACHE_CONTROL,
            [CACHE_STATUS_HEADER]: 'hit',
          });
          res.end();
        },
        () => next(),
      );
    },
    async start() {
      for (const feed of feeds) feed.start();
      const names = Object.keys(subgraphUrls);
      await versions
        .until(() => names.every((name) => versions.version(name) !== undefined), 2_000)
        .catch(() => log.warn({ subgraphs: names }, 'response cache: a change feed is not connected yet'));
    },
    async close() {
      await Promise.all(feeds.map((feed) => feed.stop()));
      await store.close();
      calls.clear();
    },
  };
  observeResponseCache(cache, registry);
  return cache;
}

/** Counters and gauges of the cache on the gateway's `/metrics`. */
function observeResponseCache(cache: ResponseCache, registry: Registry): void {
  const outcomes = new Counter({
    name: 'gateway_response_cache_lookups_total',
    help: 'Queries by what the response cache did: hit, miss, bypass, not_modified, coalesced (waited for an identical miss).',
    labelNames: ['outcome'],
    registers: [registry],
    collect() {
      this.reset();
      this.inc({ outcome: 'hit' }, cache.stats.hits);
      this.inc({ outcome: 'miss' }, cache.stats.misses);
      this.inc({ outcome: 'bypass' }, cache.stats.bypasses);
      this.inc({ outcome: 'not_modified' }, cache.stats.notModified);
      this.inc({ outcome: 'coalesced' }, cache.stats.coalesced);
    },
  });
  void outcomes;
  new Counter({
    name: 'gateway_response_cache_subgraph_calls_total',
    help: 'Subgraph query calls of uncached queries: hit (from the cache), coalesced (joined one in flight), miss (sent).',
    labelNames: ['outcome'],
    registers: [registry],
    collect() {
      this.reset();
      for (const outcome of ['hit', 'coalesced', 'miss'] as const)
        this.inc(
          { outcome },
          cache.subgraphCalls[outcome === 'hit' ? 'hits' : outcome === 'miss' ? 'misses' : outcome],
        );
    },
  });
  new Gauge({
    name: 'gateway_response_cache_bytes',
    help: "Bytes of answers and subgraph calls in this gateway's memory.",
    registers: [registry],
    collect() {
      this.set(cache.memory().bytes);
    },
  });
}

function requiredUrl(url: string | undefined): string {
  if (!url) throw new Error('RESPONSE_CACHE=redis needs REDIS_URL.');
  return url;
}
