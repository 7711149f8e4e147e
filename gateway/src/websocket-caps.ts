import { ErrorCode, positiveIntegersFromEnv } from '@cadg/platform';
import { GraphQLError } from 'graphql';

/**
 * The close code for a graphql-ws connection refused because its caller has too many open:
 * graphql-ws's own 4429, which its clients treat as final and do not retry into a storm.
 */
export const TOO_MANY_CONNECTIONS_CLOSE_CODE = 4429;
/** The close reason sent with it. */
export const TOO_MANY_CONNECTIONS_REASON = 'Too many connections';

/** How much of the gateway's graphql-ws endpoint one client may hold. */
export interface WebSocketCaps {
  /**
   * Open connections from one client address (see `TRUST_PROXY`) that are anonymous. A
   * connection counts here from its upgrade until its `connection_init` carries a valid token,
   * then against that token's subject instead.
   * @default 50
   */
  maxConnectionsPerAddress: number;
  /** Open connections per token subject (`sub`), from any number of addresses. @default 500 */
  maxConnectionsPerSubject: number;
  /**
   * Operations running at once on one connection: subscriptions, and queries until answered.
   * One more is refused with an `error` message coded RATE_LIMITED; the connection stays open.
   * @default 100
   */
  maxSubscriptionsPerConnection: number;
}

export const DEFAULT_WEBSOCKET_CAPS: Readonly<WebSocketCaps> = {
  maxConnectionsPerAddress: 50,
  maxConnectionsPerSubject: 500,
  maxSubscriptionsPerConnection: 100,
};

const ENV_NAMES: Record<keyof WebSocketCaps, string> = {
  maxConnectionsPerAddress: 'WS_MAX_CONNECTIONS_PER_ADDRESS',
  maxConnectionsPerSubject: 'WS_MAX_CONNECTIONS_PER_SUBJECT',
  maxSubscriptionsPerConnection: 'WS_MAX_SUBSCRIPTIONS_PER_CONNECTION',
};

/** Reads `WS_MAX_*` over the defaults, refusing values that are not positive integers. */
export function webSocketCapsFromEnv(env: NodeJS.ProcessEnv): WebSocketCaps {
  return positiveIntegersFromEnv(env, DEFAULT_WEBSOCKET_CAPS, ENV_NAMES);
}

/** The refusal of one operation too many on a connection. */
export function tooManySubscriptions(limit: number): GraphQLError {
  return new GraphQLError(
    `Too many operations on this connection (at most ${limit} at once): complete one first, or open another connection.`,
    { extensions: { code: ErrorCode.RateLimited, limit: 'maxSubscriptionsPerConnection' } },
  );
}

/**
 * Open connections per key (`address:…` or `subject:…`), each connection counted against one key
 * at a time. In this gateway process only: with several replicas, a client may hold up to
 * replicas × the cap, as with the rate limit.
 */
export class ConnectionCounts {
  readonly #counts = new Map<string, number>();
  readonly #held = new WeakMap<object, string>();

  /**
   * Counts `connection` against `key`, moving it off the key it counted against before.
   * @returns false, changing nothing, when `key` already has `cap` connections
   */
  hold(connection: object, key: string, cap: number): boolean {
    const current = this.#held.get(connection);
    if (current === key) return true;
    const count = this.#counts.get(key) ?? 0;
    if (count >= cap) return false;
    this.release(connection);
    this.#counts.set(key, count + 1);
    this.#held.set(connection, key);
    return true;
  }

  /** Stops counting `connection`; safe to call more than once. */
  release(connection: object): void {
    const key = this.#held.get(connection);
    if (key === undefined) return;
    this.#held.delete(connection);
    const count = (this.#counts.get(key) ?? 1) - 1;
    if (count > 0) this.#counts.set(key, count);
    else this.#counts.delete(key);
  }
}
