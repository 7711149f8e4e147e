import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@cadg/platform';
import { DEFAULT_SUBGRAPH_CALLS } from './subgraph-calls.ts';

/** The overall time limit of one HTTP request when REQUEST_TIMEOUT_MS does not set one. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

// The deadline of each request in flight, for subgraph-calls.ts to cancel its calls by.
const deadlines = new WeakMap<Request, AbortSignal>();

/** The signal aborted when `request`'s time is up (undefined for requests without a deadline). */
export function deadlineOf(request: Request): AbortSignal | undefined {
  return deadlines.get(request);
}

/**
 * The overall time limit of an HTTP request, from its arrival to its response (streamed responses,
 * subscriptions and incremental delivery, count until their first part). When it runs out the
 * request's deadline signal is aborted, which cancels its subgraph calls (subgraph-calls.ts
 * listens to it beside the request's own signal), and the client gets 504 with a GATEWAY_TIMEOUT
 * error.
 *
 * Written here rather than using the runtime's `requestDeadline` (`useRequestDeadline` of
 * @whatwg-node/server): that answers with a text body, where GraphQL clients need a GraphQL error,
 * and it replaces every request's signal with one joined from two (`abortSignalAny`: weak
 * references and a finalization registry entry per request, garbage the collector must trace).
 * Here a request costs one controller and one cleared timer.
 */
export function useRequestTimeout(timeoutMs: number): GatewayPlugin {
  const timedOut = () =>
    new Response(
      JSON.stringify({
        errors: [
          {
            message: `The request took longer than ${timeoutMs} ms.`,
            extensions: { code: ErrorCode.GatewayTimeout },
          },
        ],
      }),
      { status: 504, headers: { 'content-type': 'application/json; charset=utf-8' } },
    );
  return {
    onRequest({ request, requestHandler, setRequestHandler }) {
      const deadline = new AbortController();
      deadlines.set(request, deadline.signal);
      setRequestHandler((req, serverContext) => {
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise<Response>((resolve) => {
          timer = setTimeout(() => {
            deadline.abort(new Error(`The request took longer than ${timeoutMs} ms.`));
            resolve(timedOut());
          }, timeoutMs);
        });
        const answered = Promise.resolve(requestHandler(req, serverContext)).finally(() =>
          clearTimeout(timer),
        );
        return Promise.race([answered, expired]);
      });
    },
  };
}

/** `REQUEST_TIMEOUT_MS`, `SUBGRAPH_TIMEOUT_MS` and `SUBGRAPH_RETRIES`, with their defaults. */
export function timeoutsFromEnv(env: NodeJS.ProcessEnv): {
  requestTimeoutMs: number;
  subgraphTimeoutMs: number;
  subgraphRetries: number;
} {
  return {
    requestTimeoutMs: wholeNumber(env, 'REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS, 1),
    subgraphTimeoutMs: wholeNumber(env, 'SUBGRAPH_TIMEOUT_MS', DEFAULT_SUBGRAPH_CALLS.timeoutMs, 1),
    subgraphRetries: wholeNumber(env, 'SUBGRAPH_RETRIES', DEFAULT_SUBGRAPH_CALLS.retries, 0),
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min)
    throw new Error(`${name}=${raw} is not a whole number of at least ${min}.`);
  return value;
}
