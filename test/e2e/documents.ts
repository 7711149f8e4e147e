/** Running the registered operations of gateway/trusted-documents/ as their clients do. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { documentId, trustedDocumentsDir } from '@cadg/gateway';
import type { Graph, GraphQLResponse } from './harness.ts';

/** How a test sends registered operations: by id (trusted documents enforced) or as text. */
export interface DocumentMode {
  /** Send `{ documentId }` as a client of the manifest does; otherwise the operation's text. */
  byId: boolean;
  /** When given, the operation must be registered in it. */
  manifest?: Record<string, string> | undefined;
}

/**
 * Runs the operation in `file` (a path under gateway/trusted-documents/) through the graph's
 * gateway, with `token` as bearer when given, and returns the HTTP status with the response body.
 * `operationName` picks one operation of a file that holds several.
 */
export async function runDocument<T>(
  graph: Graph,
  mode: DocumentMode,
  file: string,
  variables: Record<string, unknown>,
  token?: string,
  operationName?: string,
): Promise<GraphQLResponse<T> & { status: number }> {
  const text = (await readFile(join(trustedDocumentsDir, file), 'utf8')).trim();
  const id = documentId(text);
  if (mode.manifest) expect(mode.manifest[id], file).toBeDefined();
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ ...(mode.byId ? { documentId: id } : { query: text }), operationName, variables }),
  });
  return { status: response.status, ...((await response.json()) as GraphQLResponse<T>) };
}

/** Runs the operation in `file` as `runDocument` does; it must succeed, and its data is returned. */
export async function mustDocument<T>(
  graph: Graph,
  mode: DocumentMode,
  file: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const response = await runDocument<T>(graph, mode, file, variables, token);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}
