import { createClient, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import type { GraphQLResponse } from './harness.ts';

// Direct callers of a subgraph's own port, over HTTP and graphql-ws, for the subgraph-ports tests.

export const SUBGRAPHS = ['contacts', 'incidents', 'dataflows', 'aipolicy'] as const;

export type Answer = GraphQLResponse<Record<string, unknown>> & { status: number; bytes: number };

export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, bytes: text.length, ...(JSON.parse(text) as GraphQLResponse<never>) };
}

/** One graphql-ws operation against a port; resolves with the first result or error it gets. */
export function overWebSocket(
  url: string,
  payload: { query: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> },
  token?: string,
): Promise<{ result?: FormattedExecutionResult<Record<string, unknown>, unknown>; error?: unknown }> {
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
  return new Promise<{
    result?: FormattedExecutionResult<Record<string, unknown>, unknown>;
    error?: unknown;
  }>((resolve) => {
    const stop = client.subscribe(payload, {
      next: (result) => {
        stop();
        resolve({ result });
      },
      error: (error) => resolve({ error }),
      complete: () => resolve({}),
    });
  }).finally(() => client.dispose());
}

export const codesInWsError = (error: unknown): unknown[] =>
  Array.isArray(error)
    ? error.map((e: { extensions?: Record<string, unknown> }) => e.extensions?.['code'])
    : [];
