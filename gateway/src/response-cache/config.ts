/**
 * The response cache's settings (docs/configuration.md, "Response cache"):
 *
 * - `RESPONSE_CACHE`: `off`, `memory` (one gateway's memory) or `redis` (shared by every replica
 *   through `REDIS_URL`, with each gateway's memory in front). Default: `redis` when `REDIS_URL` is
 *   set, else `memory`.
 * - `RESPONSE_CACHE_TTL_MS`: the longest an entry is kept (entries are dropped on change long
 *   before; the cap bounds memory and fields computed from the clock). Default 300000.
 * - `RESPONSE_CACHE_MAX_BYTES`: the byte budget of each gateway's memory for answers, and as much
 *   again for subgraph calls (least recently used entries go first). Default 67108864 (64 MiB).
 * - `RESPONSE_CACHE_REDIS_PREFIX`: the prefix of its Redis keys, one per database. Default
 *   `cadg:response-cache:`.
 */
export interface ResponseCacheOptions {
  mode: 'memory' | 'redis';
  /** Required for `redis`. */
  redisUrl?: string | undefined;
  /** @default 300000 */
  ttlMs?: number | undefined;
  /** @default 64 MiB */
  maxBytes?: number | undefined;
  /**
   * Where in Redis the entries live. Versions count per database: give each deployment (each
   * database) sharing one Redis its own prefix. @default 'cadg:response-cache:'
   */
  redisPrefix?: string | undefined;
  /** How often subgraphs repeat their data version on the change feed. @default 1000 */
  heartbeatMs?: number | undefined;
}

export const DEFAULT_RESPONSE_CACHE_TTL_MS = 300_000;
export const DEFAULT_RESPONSE_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/** `null` when `RESPONSE_CACHE=off`. */
export function responseCacheFromEnv(env: NodeJS.ProcessEnv): ResponseCacheOptions | null {
  const redisUrl = env['REDIS_URL']?.trim() || undefined;
  const mode = env['RESPONSE_CACHE']?.trim() || (redisUrl ? 'redis' : 'memory');
  if (mode === 'off') return null;
  if (mode !== 'memory' && mode !== 'redis')
    throw new Error(`RESPONSE_CACHE=${mode} is not one of off, memory, redis.`);
  if (mode === 'redis' && !redisUrl) throw new Error('RESPONSE_CACHE=redis needs REDIS_URL.');
  return {
    mode,
    redisUrl,
    redisPrefix: env['RESPONSE_CACHE_REDIS_PREFIX']?.trim() || undefined,
    ttlMs: positive(env, 'RESPONSE_CACHE_TTL_MS'),
    maxBytes: positive(env, 'RESPONSE_CACHE_MAX_BYTES'),
  };
}

function positive(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`${name}=${raw} is not a positive integer.`);
  return value;
}
