/**
 * graphql-ws close code for a subscriber that stopped reading. Application-defined (4000–4999)
 * like graphql-ws's own codes; clients reconnect and resume with the cursor of the last event
 * they processed.
 */
export const SUBSCRIBER_TOO_SLOW_CLOSE_CODE = 4413;

/** When a subscriber counts as too slow (see `drainEagerly`). */
export interface DrainLimits {
  /** Events that may wait while the consumer keeps taking them. */
  maxQueued: number;
  /** With more than `maxQueued` waiting, how long the consumer may take nothing. */
  stallMs: number;
}

export const DEFAULT_DRAIN_LIMITS: Readonly<DrainLimits> = { maxQueued: 1_000, stallMs: 5_000 };

/** Past this many times the limit the queue overflows even if the consumer still trickles. */
const HARD_CAP_FACTOR = 10;

/** How long a closed slow socket may keep its buffers before it is cut. */
const TERMINATE_AFTER_MS = 5_000;

interface ClosableSocket {
  readonly readyState: number;
  close(code: number, reason: string): void;
  terminate(): void;
}

/** Closes a socket as too slow, and cuts it if the peer does not read the close frame either. */
export function closeAsTooSlow(socket: ClosableSocket): void {
  if (socket.readyState !== 1) return;
  socket.close(SUBSCRIBER_TOO_SLOW_CLOSE_CODE, 'Subscriber too slow: resume with the last cursor received.');
  setTimeout(() => socket.terminate(), TERMINATE_AFTER_MS).unref();
}

/**
 * Reads `source` as fast as it produces and queues values for a consumer that may be slower.
 * graphql-ws sends one message at a time and waits until the socket has flushed it, so a peer
 * that stops reading stops the consumer; without this the events would pile up unbounded
 * upstream. The queue overflows when it holds more than `maxQueued` values and the consumer has
 * taken none for `stallMs` (a replay after a reconnect is a burst, not a stall), or when it holds
 * ten times `maxQueued` whatever the consumer does. On overflow `onOverflow` runs, the source is
 * released, and the consumer ends.
 */
export function drainEagerly<T>(
  source: AsyncIterable<T>,
  limits: DrainLimits,
  onOverflow: () => void,
  now: () => number = () => performance.now(),
): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const queue: T[] = [];
  let lastTakenAt = now();
  let done = false;
  let failure: { error: unknown } | null = null;
  let waiter: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | null =
    null;

  const settle = () => {
    if (!waiter) return;
    const current = waiter;
    if (queue.length > 0) {
      waiter = null;
      current.resolve({ value: queue.shift()!, done: false });
    } else if (failure) {
      waiter = null;
      current.reject(failure.error);
    } else if (done) {
      waiter = null;
      current.resolve({ value: undefined, done: true });
    }
  };
  const stop = () => {
    if (done) return;
    done = true;
    void iterator.return?.();
  };

  void (async () => {
    try {
      for (;;) {
        const next = await iterator.next();
        if (done) return;
        if (next.done) break;
        if (queue.length === 0) lastTakenAt = now();
        queue.push(next.value);
        const stalled = queue.length > limits.maxQueued && now() - lastTakenAt > limits.stallMs;
        if (stalled || queue.length > limits.maxQueued * HARD_CAP_FACTOR) {
          queue.length = 0;
          stop();
          onOverflow();
          break;
        }
        settle();
      }
    } catch (error) {
      failure = { error };
    }
    done = true;
    settle();
  })();

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      lastTakenAt = now();
      if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
      if (failure) return Promise.reject(failure.error);
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => {
        waiter = { resolve, reject };
      });
    },
    return() {
      queue.length = 0;
      stop();
      settle();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error: unknown) {
      queue.length = 0;
      stop();
      settle();
      return Promise.reject(error);
    },
  };
}

/** `WS_MAX_QUEUED_EVENTS` and `WS_STALL_MS`, or the defaults. */
export function drainLimitsFromEnv(env: NodeJS.ProcessEnv): DrainLimits {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 1)
      throw new Error(`${name}=${raw} must be a positive integer.`);
    return value;
  };
  return {
    maxQueued: read('WS_MAX_QUEUED_EVENTS', DEFAULT_DRAIN_LIMITS.maxQueued),
    stallMs: read('WS_STALL_MS', DEFAULT_DRAIN_LIMITS.stallMs),
  };
}

export const isAsyncIterable = <T>(value: T | AsyncIterable<T>): value is AsyncIterable<T> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
