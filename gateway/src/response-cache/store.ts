import { LRUCache } from 'lru-cache';
import { Redis } from 'ioredis';
import type { ExecutionResult } from 'graphql';

/** One cached answer: what it depends on, who may be served it, and the answer. */
export interface CachedAnswer {
  /** The data version of each subgraph the answer was computed from, at the time it started. */
  readonly deps: Readonly<Record<string, number>>;
  /** The visibility scope it was computed for (scope.ts); part of the key too. */
  readonly scope: string;
  /** An HTTP validator of this answer's exact bytes. */
  readonly etag: string;
  readonly result: ExecutionResult;
  /** Its serialized size in bytes, what the memory budget counts. */
  readonly size: number;
}

/** What Redis holds: the answer serialized (the result as the JSON it was sent as). */
interface StoredAnswer {
  deps: Record<string, number>;
  scope: string;
  etag: string;
  body: string;
  /** Unix ms after which the entry is gone: kept in memory in front only until then. */
  expiresAt: number;
}

export interface AnswerStore {
  get(key: string): Promise<CachedAnswer | undefined> | CachedAnswer | undefined;
  set(key: string, answer: CachedAnswer, body: string, ttlMs: number): void;
  /** Bytes held in this gateway's memory. */
  readonly bytes: number;
  readonly entries: number;
  close(): Promise<void>;
}

/** Least recently used entries go first once the byte budget is spent. */
export class MemoryStore implements AnswerStore {
  readonly #entries: LRUCache<string, CachedAnswer>;

  constructor(maxBytes: number, ttlMs: number) {
    this.#entries = new LRUCache<string, CachedAnswer>({
      maxSize: maxBytes,
      sizeCalculation: (answer) => Math.max(1, answer.size),
      ttl: ttlMs,
    });
  }

  get(key: string): CachedAnswer | undefined {
    return this.#entries.get(key);
  }

  set(key: string, answer: CachedAnswer, _body: string, ttlMs: number): void {
    // An answer larger than the whole budget is not kept (lru-cache refuses it too).
    this.#entries.set(key, answer, { ttl: ttlMs });
  }

  get bytes(): number {
    return this.#entries.calculatedSize;
  }

  get entries(): number {
    return this.#entries.size;
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }
}

export const DEFAULT_REDIS_PREFIX = 'cadg:response-cache:';

/**
 * Shared by every gateway replica through Redis, with this gateway's memory in front. Entries
 * expire in Redis after the TTL cap (memory there is bounded by the TTL and the traffic; give
 * Redis a `maxmemory` with an LRU policy as well). Redis being down or slow never fails a request:
 * reads that fail or take longer than `timeoutMs` are misses, writes that fail are dropped.
 */
export class RedisStore implements AnswerStore {
  readonly #memory: MemoryStore;
  readonly #redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
    maxBytes: number,
    ttlMs: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.#memory = new MemoryStore(maxBytes, ttlMs);
    this.#redis = new Redis(url, {
      // No queue while disconnected: a command then fails at once and the request goes on uncached.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 250,
      lazyConnect: false,
    });
    this.#redis.on('error', onError);
  }

  get(key: string): CachedAnswer | Promise<CachedAnswer | undefined> {
    const local = this.#memory.get(key);
    if (local) return local;
    return this.#redis.get(this.prefix + key).then(
      (raw) => {
        if (raw === null) return undefined;
        const stored = JSON.parse(raw) as StoredAnswer;
        const remainingMs = stored.expiresAt - Date.now();
        if (remainingMs <= 0) return undefined;
        const answer: CachedAnswer = {
          deps: stored.deps,
          scope: stored.scope,
          etag: stored.etag,
          result: JSON.parse(stored.body) as ExecutionResult,
          size: Buffer.byteLength(stored.body),
        };
        this.#memory.set(key, answer, stored.body, remainingMs);
        return answer;
      },
      (error: unknown) => {
        this.onError(error);
        return undefined;
      },
    );
  }

  set(key: string, answer: CachedAnswer, body: string, ttlMs: number): void {
    this.#memory.set(key, answer, body, ttlMs);
    const stored: StoredAnswer = {
      deps: { ...answer.deps },
      scope: answer.scope,
      etag: answer.etag,
      body,
      expiresAt: Date.now() + ttlMs,
    };
    this.#redis.set(this.prefix + key, JSON.stringify(stored), 'PX', ttlMs).catch(this.onError);
  }

  get bytes(): number {
    return this.#memory.bytes;
  }

  get entries(): number {
    return this.#memory.entries;
  }

  async close(): Promise<void> {
    await this.#memory.close();
    this.#redis.disconnect();
  }
}
