/** How many requests a caller may make: a token bucket refilled continuously. */
export interface RateLimitOptions {
  /** Requests a caller may burst. @default 300 */
  burst: number;
  /** Requests per second sustained. @default 50 */
  perSecond: number;
  /** Callers tracked at most; the least recently seen are forgotten first. @default 100000 */
  maxTracked?: number;
}

export const DEFAULT_RATE_LIMIT: Readonly<RateLimitOptions> = { burst: 300, perSecond: 50 };

export function rateLimitFromEnv(env: NodeJS.ProcessEnv): RateLimitOptions | null {
  if (env['RATE_LIMIT'] === 'off') return null;
  const burst = Number(env['RATE_LIMIT_BURST'] || DEFAULT_RATE_LIMIT.burst);
  const perSecond = Number(env['RATE_LIMIT_PER_SECOND'] || DEFAULT_RATE_LIMIT.perSecond);
  if (!(burst >= 1) || !(perSecond > 0))
    throw new Error('RATE_LIMIT_BURST and RATE_LIMIT_PER_SECOND must be positive.');
  return { burst, perSecond };
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Per-caller token buckets, kept in this gateway process (each replica limits on its own; the
 * limit per caller is then at most replicas × the configured rate). Keys are the token's subject
 * for authenticated callers and the client address for anonymous ones.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #maxTracked: number;

  constructor(
    readonly options: RateLimitOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#maxTracked = options.maxTracked ?? 100_000;
  }

  /** Takes one request from the caller's bucket: 0 if allowed, else the seconds until one is. */
  take(key: string): number {
    const now = this.now();
    let bucket = this.#buckets.get(key);
    if (bucket) {
      this.#buckets.delete(key);
      bucket.tokens = Math.min(
        this.options.burst,
        bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.options.perSecond,
      );
      bucket.updatedAt = now;
    } else {
      bucket = { tokens: this.options.burst, updatedAt: now };
      if (this.#buckets.size >= this.#maxTracked) {
        const oldest = this.#buckets.keys().next().value;
        if (oldest !== undefined) this.#buckets.delete(oldest);
      }
    }
    // Re-inserted so Map order is least recently seen first.
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.options.perSecond));
  }
}
