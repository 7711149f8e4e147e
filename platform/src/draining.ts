import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from './errors.ts';

/** How long a graceful shutdown waits for in-flight requests when nothing else is configured. */
export const DEFAULT_DRAIN_TIMEOUT_MS = 8_000;

/**
 * Counts the HTTP requests a server is answering, so a shutdown can stop taking new ones and
 * wait for those already started instead of cutting them off.
 */
export class InFlightRequests {
  #count = 0;
  #closing = false;
  #onIdle: (() => void)[] = [];

  /** True once a shutdown began: new requests are refused with 503. */
  get closing(): boolean {
    return this.#closing;
  }

  get count(): number {
    return this.#count;
  }

  /**
   * Registers a request. During a shutdown it is refused instead (503, `Connection: close`), and
   * the caller must not handle it.
   * @returns false when the request was refused.
   */
  admit(_req: IncomingMessage, res: ServerResponse): boolean {
    if (this.#closing) {
      res.writeHead(503, {
        'content-type': 'application/json; charset=utf-8',
        connection: 'close',
        'retry-after': '1',
      });
      res.end(
        JSON.stringify({
          errors: [
            { message: 'The server is shutting down.', extensions: { code: ErrorCode.ServiceUnavailable } },
          ],
        }),
      );
      return false;
    }
    this.#count += 1;
    res.once('close', () => {
      this.#count -= 1;
      if (this.#count === 0) for (const resolve of this.#onIdle.splice(0)) resolve();
    });
    return true;
  }

  /** Stops admitting and resolves when every admitted request has finished, or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<'drained' | 'timed out'> {
    this.#closing = true;
    if (this.#count === 0) return Promise.resolve('drained');
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve('timed out'), timeoutMs);
      timer.unref();
      this.#onIdle.push(() => {
        clearTimeout(timer);
        resolve('drained');
      });
    });
  }
}

/** `SHUTDOWN_DRAIN_MS`: how long a shutting-down server waits for in-flight requests. */
export function drainTimeoutFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env['SHUTDOWN_DRAIN_MS'];
  if (!raw) return DEFAULT_DRAIN_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`SHUTDOWN_DRAIN_MS=${raw} must be a non-negative integer.`);
  return value;
}

/** `SHUTDOWN_DEADLINE_MS`: after this, a shutting-down process exits non-zero whatever is left. */
export function shutdownDeadlineFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env['SHUTDOWN_DEADLINE_MS'];
  if (!raw) return 10_000;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`SHUTDOWN_DEADLINE_MS=${raw} must be a positive integer.`);
  return value;
}
