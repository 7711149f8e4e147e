import type { Identity } from './identity.ts';

/** How long a verified token is taken on trust before its signature is checked again. */
export const VERIFIED_TOKEN_TTL_MS = 60_000;
/** Tokens remembered at most; past it the oldest are forgotten first. */
const MAX_ENTRIES = 10_000;

/**
 * Tokens whose signature and claims were checked recently, so a caller who sends the same token
 * on every request (a dashboard polling, ten thousand agencies subscribing) costs one signature
 * check per minute instead of one per request: an ES256 verification is ~0.1 ms of CPU, paid by
 * the gateway and again by every subgraph the operation reaches.
 *
 * An entry never outlives the token's own `exp`, nor `VERIFIED_TOKEN_TTL_MS` (so a rotated-out
 * signing key stops being honoured within a minute). Refused tokens are not remembered: a
 * refusal must not be cheaper to provoke than an acceptance.
 */
export class VerifiedTokens {
  readonly #entries = new Map<string, { identity: Identity; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(token: string): Identity | undefined {
    const entry = this.#entries.get(token);
    if (!entry) return undefined;
    if (this.now() < entry.until) return entry.identity;
    this.#entries.delete(token);
    return undefined;
  }

  /** Remembers `identity` for `token`, whose `exp` claim (seconds) is `expiresAt` if it has one. */
  remember(token: string, identity: Identity, expiresAt: unknown): void {
    const now = this.now();
    const expiry = typeof expiresAt === 'number' ? expiresAt * 1000 : Infinity;
    const until = Math.min(expiry, now + VERIFIED_TOKEN_TTL_MS);
    if (until <= now) return;
    if (this.#entries.size >= MAX_ENTRIES) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(token, { identity, until });
  }

  get size(): number {
    return this.#entries.size;
  }
}
