import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import type { GraphQLFormattedError } from 'graphql';
import { documentId, trustedDocumentsDir } from './trusted-documents.ts';

/** The gateway's runtime, which serves GraphQL on `/graphql`. */
export type Runtime = ReturnType<typeof createGatewayRuntime>;

/** A registered operation (`trusted-documents/<client>/<name>.graphql`) that HTTP endpoints run. */
export interface Operation {
  readonly name: string;
  readonly text: string;
  readonly id: string;
}

/**
 * Loads a registered operation. The gateway's own HTTP endpoints (TAXII, the phishing webhook) are
 * clients of the graph like any other: their operations are trusted documents, so they keep
 * working where the gateway runs only those.
 */
export function registeredOperation(client: string, name: string): Operation {
  const text = readFileSync(`${trustedDocumentsDir}/${client}/${name}.graphql`, 'utf8').trim();
  return { name, text, id: documentId(text) };
}

export interface GraphAnswer<T> {
  /** The HTTP status the runtime answered with. */
  status: number;
  headers: Headers;
  data: T | null;
  errors: GraphQLFormattedError[];
}

// The host is never resolved: the request goes to the runtime in this process.
const GRAPHQL_URL = 'http://gateway.internal/graphql';
const TRUSTED_DOCUMENT_REQUIRED = 'TRUSTED_DOCUMENT_REQUIRED';
// Runtimes known to run trusted documents only; learned from their first refusal.
const idsOnly = new WeakSet<object>();

/**
 * Runs an operation through the gateway's own runtime, in process, with the caller's
 * `Authorization` and client address: identity checks, rate limits, operation limits, TLP in the
 * subgraphs and error masking all apply exactly as for a GraphQL client. The text is sent unless
 * the gateway is known to enforce trusted documents; then the document id is.
 */
export async function callGraph<T>(
  runtime: Runtime,
  req: IncomingMessage,
  operation: Operation,
  variables: Record<string, unknown>,
): Promise<GraphAnswer<T>> {
  const byId = idsOnly.has(runtime);
  const answer = await post<T>(runtime, req, operation, variables, byId);
  if (byId || !answer.errors.some((e) => e.extensions?.['code'] === TRUSTED_DOCUMENT_REQUIRED)) return answer;
  idsOnly.add(runtime);
  return post<T>(runtime, req, operation, variables, true);
}

/** Where a page of a connection ends, and whether another follows. */
export interface PageEnd {
  cursor: string | undefined;
  hasNextPage: boolean;
}

/**
 * Reads a connection through the graph from its start, `first` records a read, handing each
 * page's data to `visit`, which returns where the page ends (null when the answer has no page).
 * Stops after the last page, or at a cursor that does not move (which would loop forever; the
 * graph never gives one, but never trust it). Returns false once `failed` has answered a failure.
 */
export async function readEveryPage<T>(
  runtime: Runtime,
  req: IncomingMessage,
  operation: Operation,
  variables: Record<string, unknown> & { first: number },
  failed: (answer: GraphAnswer<T>) => boolean,
  visit: (data: T | null) => PageEnd | null,
): Promise<boolean> {
  let after: string | null = null;
  for (;;) {
    const answer = await callGraph<T>(runtime, req, operation, { ...variables, after });
    if (failed(answer)) return false;
    const end = visit(answer.data);
    if (!end || !end.hasNextPage || end.cursor === undefined || end.cursor === after) return true;
    after = end.cursor;
  }
}

async function post<T>(
  runtime: Runtime,
  req: IncomingMessage,
  operation: Operation,
  variables: Record<string, unknown>,
  byId: boolean,
): Promise<GraphAnswer<T>> {
  const authorization = req.headers.authorization;
  const response = await runtime.fetch(
    GRAPHQL_URL,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify(
        byId
          ? { documentId: operation.id, operationName: operation.name, variables }
          : { query: operation.text, operationName: operation.name, variables },
      ),
    },
    // The original request, so per-client rate limits see the real client address.
    { req },
  );
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLFormattedError[] };
  return {
    status: response.status,
    headers: response.headers,
    data: body.data ?? null,
    errors: body.errors ?? [],
  };
}

/** The `extensions.code` of the first error, if any. */
export const firstCode = (answer: { errors: readonly GraphQLFormattedError[] }): string | undefined => {
  const code = answer.errors[0]?.extensions?.['code'];
  return typeof code === 'string' ? code : undefined;
};
