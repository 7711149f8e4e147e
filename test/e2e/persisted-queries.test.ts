import { createClient } from 'graphql-ws';
import { parse, type GraphQLFormattedError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createGraphClient } from '@cadg/example-apollo-client';
import { documentId, protectionFromEnv, readManifest } from '@cadg/gateway';
import { codesOf, startGraph, type Graph } from './harness.ts';

/** Apollo's automatic persisted queries (APQ) and trusted documents, over real HTTP and graphql-ws. */

type Body = { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[] };

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

async function post(graph: Graph, body: unknown, accept = GRAPHQL_RESPONSE) {
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
}

async function get(graph: Graph, params: Record<string, string>) {
  const url = new URL(graph.gatewayUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { accept: GRAPHQL_RESPONSE } });
  return { status: response.status, body: (await response.json()) as Body };
}

const apq = (text: string, hash = documentId(text)) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

/** A query no client registered, different per test so each starts unknown. */
const unregistered = (alias: string) => `query Countries_${alias} { ${alias}: countries { code } }`;

/** Counts the requests an Apollo Client sends. */
function countingFetch() {
  const sent: { query: boolean }[] = [];
  const counted: typeof fetch = (input, init) => {
    sent.push({ query: typeof init?.body === 'string' && 'query' in JSON.parse(init.body) });
    return fetch(input, init);
  };
  return { sent, fetch: counted };
}

describe('automatic persisted queries in the embedded default (TRUSTED_DOCUMENTS=allow)', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({ protection: await protectionFromEnv({}) });
  });
  afterAll(() => graph?.close());

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND: 404 to graphql-response+json clients, 200 to application/json ones', async () => {
    const text = unregistered('unknown');
    const modern = await post(graph, { extensions: apq(text) });
    expect(modern.status).toBe(404);
    expect(codesOf(modern.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(modern.body.errors?.[0]?.message).toBe('PersistedQueryNotFound');
    expect(modern.headers.get('cache-control')).toMatch(/no-cache/);
    const legacy = await post(graph, { extensions: apq(text) }, 'application/json');
    expect(legacy.status).toBe(200);
    expect(codesOf(legacy.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('registers a hash sent with its query, then runs it by hash alone, over POST and GET, by hash or documentId', async () => {
    const text = unregistered('registered');
    const registered = await post(graph, { query: text, extensions: apq(text) });
    expect(registered.body.errors).toBeUndefined();
    const countries = registered.body.data?.['registered'] as { code: string }[];
    expect(countries.length).toBeGreaterThan(5);

    const byHash = await post(graph, { extensions: apq(text) });
    expect(byHash.body).toEqual(registered.body);
    const byGet = await get(graph, { extensions: JSON.stringify(apq(text)) });
    expect(byGet).toEqual({ status: 200, body: registered.body });
    const byDocumentId = await get(graph, { documentId: documentId(text) });
    expect(byDocumentId).toEqual({ status: 200, body: registered.body });
  });

  it('runs manifest documents by documentId over GET, and refuses a mutation over GET with 405', async () => {
    const manifest = await readManifest();
    const idOf = (name: string) =>
      Object.entries(manifest).find(([, text]) => text.includes(` ${name}(`))![0];
    const query = await get(graph, { documentId: idOf('ContactDirectory'), variables: '{"first":1}' });
    expect(query.body.errors).toBeUndefined();
    expect((query.body.data?.['contacts'] as { edges: unknown[] }).edges).toHaveLength(1);
    const mutation = await get(graph, { documentId: idOf('ReportIncident'), variables: '{"input":{}}' });
    expect(mutation.status).toBe(405);
  });

  it('registers nothing for a hash that is not the SHA-256 of its query, or a query that does not validate', async () => {
    const text = unregistered('mismatch');
    const mismatch = await post(graph, { query: text, extensions: apq(text, documentId(`${text} `)) });
    expect(mismatch.status).toBe(400);
    expect(codesOf(mismatch.body)).toEqual(['BAD_REQUEST']);
    expect(codesOf((await post(graph, { extensions: apq(`${text} `) })).body)).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);

    const invalid = '{ countries { noSuchField } }';
    const refused = await post(graph, { query: invalid, extensions: apq(invalid) });
    expect(codesOf(refused.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(codesOf((await post(graph, { extensions: apq(invalid) })).body)).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
  });

  it("lets Apollo Client's persisted-queries link register a new operation itself: hash, then hash and query, then hash alone", async () => {
    const document = parse(unregistered('apollo'));
    const first = countingFetch();
    const client = createGraphClient({ url: graph.gatewayUrl, fetch: first.fetch });
    const second = countingFetch();
    const another = createGraphClient({ url: graph.gatewayUrl, fetch: second.fetch });
    try {
      const { data } = await client.query({ query: document });
      expect((data as { apollo: unknown[] }).apollo.length).toBeGreaterThan(5);
      expect(first.sent).toEqual([{ query: false }, { query: true }]);
      const again = await another.query({ query: document });
      expect(again.data).toEqual(data);
      expect(second.sent).toEqual([{ query: false }]);
    } finally {
      client.stop();
      another.stop();
    }
  });

  it("runs the examples' registered operations on Apollo's first request, by the hash of Apollo's printed form", async () => {
    const { sent, fetch } = countingFetch();
    const client = createGraphClient({ url: graph.gatewayUrl, fetch });
    try {
      const { CERT_DIRECTORY } = await import('@cadg/example-apollo-client');
      const { data } = await client.query({ query: CERT_DIRECTORY, variables: { first: 2 } });
      expect(data?.organizations.edges).toHaveLength(2);
      expect(sent).toEqual([{ query: false }]);
    } finally {
      client.stop();
    }
  });
});

describe('persisted queries with trusted documents off', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({ protection: await protectionFromEnv({ TRUSTED_DOCUMENTS: 'off' }) });
  });
  afterAll(() => graph?.close());

  it("answers a hash with PERSISTED_QUERY_NOT_SUPPORTED, on which Apollo's link sends the query", async () => {
    const text = unregistered('off');
    expect(codesOf((await post(graph, { extensions: apq(text) })).body)).toEqual([
      'PERSISTED_QUERY_NOT_SUPPORTED',
    ]);
    const { sent, fetch } = countingFetch();
    const client = createGraphClient({ url: graph.gatewayUrl, fetch });
    try {
      const { data } = await client.query({ query: parse(text) });
      expect((data as { off: unknown[] }).off.length).toBeGreaterThan(5);
      expect(sent).toEqual([{ query: false }, { query: true }]);
    } finally {
      client.stop();
    }
  });
});

describe('trusted documents enforced in production', () => {
  let graph: Graph;
  let manifest: Record<string, string>;
  beforeAll(async () => {
    manifest = await readManifest();
    graph = await startGraph({
      protection: await protectionFromEnv({
        GATEWAY_MODE: 'production',
        SUBGRAPH_SIGNING_SECRET: 'e2e-persisted-queries-signing-secret',
        METRICS_PORT: '0',
      }),
    });
  });
  afterAll(() => graph?.close());
  const idOf = (name: string) => Object.entries(manifest).find(([, text]) => text.includes(` ${name}(`))![0];

  it('refuses a query sent with its hash, and an unknown hash, with errors that say how to register an operation', async () => {
    const text = unregistered('production');
    const registering = await post(graph, { query: text, extensions: apq(text) });
    expect(registering.status).toBe(400);
    expect(codesOf(registering.body)).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
    expect(registering.body.errors?.[0]?.message).toMatch(/gateway\/trusted-documents\/.*npm run documents/);
    // Not PERSISTED_QUERY_NOT_FOUND: Apollo's link would only send the query, which is refused.
    const unknown = await post(graph, { extensions: apq(text) });
    expect(codesOf(unknown.body)).toEqual(['TRUSTED_DOCUMENT_NOT_FOUND']);
    expect(unknown.body.errors?.[0]?.message).toMatch(/npm run documents/);
  });

  it("fails Apollo Client's link on an unregistered operation with one request and TRUSTED_DOCUMENT_NOT_FOUND", async () => {
    const { sent, fetch } = countingFetch();
    const client = createGraphClient({ url: graph.gatewayUrl, fetch });
    try {
      await expect(client.query({ query: parse(unregistered('apolloProduction')) })).rejects.toThrow(
        /No registered operation has this id/,
      );
      expect(sent).toEqual([{ query: false }]);
    } finally {
      client.stop();
    }
  });

  it('runs registered queries over graphql-ws by documentId or persistedQuery in extensions, with an empty query', async () => {
    const client = createClient({ url: graph.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    try {
      const run = (extensions: Record<string, unknown>) =>
        client.iterate({ query: '', variables: { first: 1 }, extensions }).next();
      const byDocumentId = await run({ documentId: idOf('ContactDirectory') });
      const byHash = await run({ persistedQuery: { version: 1, sha256Hash: idOf('ContactDirectory') } });
      expect(byDocumentId.value?.errors).toBeUndefined();
      expect((byDocumentId.value?.data?.['contacts'] as { edges: unknown[] }).edges).toHaveLength(1);
      expect(byHash.value).toEqual(byDocumentId.value);
      const unknown = await run({ documentId: 'f'.repeat(64) });
      expect(codesOf(unknown.value ?? {})).toEqual(['TRUSTED_DOCUMENT_NOT_FOUND']);
    } finally {
      await client.dispose();
    }
  });
});
