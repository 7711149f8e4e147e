import { randomUUID } from 'node:crypto';
import {
  composeFromSchemaFiles,
  createGateway,
  subgraphs,
  type Gateway,
  type ProtectionOptions,
  type ResponseCacheOptions,
} from '@cadg/gateway';
import { createTokenVerifier, DEFAULT_AUDIENCE, DEV_ISSUER } from '@cadg/platform';
import type { Graph } from './harness.ts';

/** An HTTP answer with its headers, for the cache's `x-response-cache`, `etag` and `cache-control`. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  cache: string | null;
  text: string;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** POSTs an operation (a document, or `{ documentId }` in production) and keeps the headers. */
export async function post<T = Record<string, unknown>>(
  url: string,
  operation: { query: string; extensions?: Record<string, unknown> } | { documentId: string },
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ ...operation, variables }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    cache: response.headers.get('x-response-cache'),
    text,
    body: text ? (JSON.parse(text) as Answer<T>['body']) : {},
  };
}

/** The protection of a graph whose gateway caches in memory, with a known signing secret. */
export function cachedProtection(extra: ProtectionOptions = {}): ProtectionOptions {
  return {
    rateLimit: null,
    subgraphSigningSecret: randomUUID() + randomUUID(),
    responseCache: { mode: 'memory' },
    ...extra,
  };
}

/**
 * Another gateway replica in this process in front of the graph's subgraphs, as a second replica
 * runs in production: same supergraph, same token issuer, same signing secret.
 */
export async function startReplica(
  graph: Graph,
  protection: ProtectionOptions,
  responseCache: ResponseCacheOptions | null,
): Promise<{ gateway: Gateway; url: string }> {
  const supergraphSdl = await composeFromSchemaFiles(subgraphs, (s) => graph.subgraphUrls[s.name] ?? '');
  const verifier = await createTokenVerifier({
    issuer: DEV_ISSUER,
    audience: DEFAULT_AUDIENCE,
    devKeyDir: graph.keyDir,
  });
  const gateway = createGateway({
    supergraphSdl,
    verifier,
    logging: false,
    ...protection,
    responseCache,
  });
  const { url } = await gateway.listen(0, '127.0.0.1');
  return { gateway, url };
}

/** Polls `read` until `done` holds of its result; fails after `deadlineMs`. */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  deadlineMs = 10_000,
): Promise<{ value: T; elapsedMs: number }> {
  const started = performance.now();
  for (;;) {
    const value = await read();
    if (done(value)) return { value, elapsedMs: performance.now() - started };
    if (performance.now() - started > deadlineMs) throw new Error(`No such answer within ${deadlineMs} ms.`);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
