import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { useRequestDeadline } from '@whatwg-node/server';
import { ErrorCode } from '@cadg/platform';
import { DEFAULT_SUBGRAPH_CALLS } from './subgraph-calls.ts';

/** The overall time limit of one HTTP request when REQUEST_TIMEOUT_MS does not set one. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * The overall time limit of an HTTP request, from its arrival to its response (streamed responses,
 * subscriptions and incremental delivery, count until their first part). When it runs out the
 * request's signal is aborted, which cancels its subgraph calls, and the client gets 504 with a
 * GATEWAY_TIMEOUT error.
 *
 * The runtime's `requestDeadline` option answers with a text body; GraphQL clients need a GraphQL
 * error, so the same plugin (a cleared timer per request) is used with our own response.
 */
export function useRequestTimeout(timeoutMs: number): GatewayPlugin {
  return useRequestDeadline({
    timeout: timeoutMs,
    response: () =>
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
      ),
  }) as GatewayPlugin;
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
