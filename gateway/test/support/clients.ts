import type { GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A GraphQL response as it arrives on the wire. */
export interface ExecutionResult {
  data?: Record<string, unknown> | null | undefined;
  errors?: readonly GraphQLFormattedError[] | undefined;
  extensions?: unknown;
}

/** A POST of a GraphQL operation, with an optional Authorization header. */
export async function postGraphQL(
  url: string,
  query: string,
  authorization?: string,
): Promise<{ status: number; headers: Headers; body: ExecutionResult }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as ExecutionResult,
  };
}

/** A graphql-ws client that does not retry, so a refusal surfaces at once. */
export function webSocketClient(httpUrl: string, authorization?: string): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: authorization === undefined ? {} : { authorization },
    retryAttempts: 0,
    lazy: true,
  });
}

/** Every result of an operation over graphql-ws, once it completes. */
export async function collect(client: Client, query: string): Promise<ExecutionResult[]> {
  const results: ExecutionResult[] = [];
  for await (const result of client.iterate({ query })) results.push(result);
  return results;
}
