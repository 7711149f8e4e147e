import { readFile } from 'node:fs/promises';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSchemaFile,
  buildManifest,
  DEFAULT_LIMITS,
  documentId,
  manifestFile,
  readManifest,
} from '@cadg/gateway';
import { Role } from '@cadg/platform';
import { startGraph, type Graph } from './harness.ts';

const limits = {
  ...DEFAULT_LIMITS,
  maxDepth: 8,
  maxAliases: 5,
  maxTokens: 400,
  maxDirectives: 4,
  maxCost: 2_000,
  maxBodyBytes: 4_096,
  maxDocumentBytes: 3_000,
  maxBatch: 3,
};

async function post(graph: Graph, body: unknown, token?: string) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: text,
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown> & {
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
}

describe('operation limits at the gateway', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({ protection: { limits, rateLimit: null } });
  });
  afterAll(() => graph?.close());

  const limitOf = (json: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    json.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['limit']]);

  it('refuses an operation nested deeper than the limit', async () => {
    const deep = `{ organizations { edges { node { country { organizations { country { organizations { country { name } } } } } } } } }`;
    const { json } = await post(graph, { query: deep });
    expect(limitOf(json)).toEqual([['QUERY_TOO_COMPLEX', 'maxDepth']]);
    expect(json['data'] ?? null).toBeNull();
  });

  it('refuses alias bombs, token floods and directive floods', async () => {
    const aliases = `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: countries { code }`).join(' ')} }`;
    expect(limitOf((await post(graph, { query: aliases })).json)).toEqual([
      ['QUERY_TOO_COMPLEX', 'maxAliases'],
    ]);
    const tokens = `{ countries { ${'code '.repeat(500)} } }`;
    expect(limitOf((await post(graph, { query: tokens })).json)).toEqual([
      ['QUERY_TOO_COMPLEX', 'maxTokens'],
    ]);
    const directives = `{ countries { ${['code', 'name', 'alpha3', 'nativeName', 'aseanMember'].map((f) => `${f} @include(if: true)`).join(' ')} } }`;
    expect(limitOf((await post(graph, { query: directives })).json)).toEqual([
      ['QUERY_TOO_COMPLEX', 'maxDirectives'],
    ]);
  });

  it('weighs lists by first: a small page passes, nested large pages are refused before anything runs', async () => {
    const token = await graph.token('my-mycert', [Role.Member]);
    const small = await post(
      graph,
      {
        query: `{ incidents(first: 10) { edges { node { id updates(first: 5) { edges { node { id } } } } } } }`,
      },
      token,
    );
    expect(small.json.errors).toBeUndefined();
    const large = await post(
      graph,
      {
        query: `query($n: Int!) { incidents(first: $n) { edges { node { id updates(first: $n) { edges { node { id } } } } } } }`,
        variables: { n: 100 },
      },
      token,
    );
    expect(limitOf(large.json)).toEqual([['QUERY_TOO_COMPLEX', 'maxCost']]);
  });

  it('refuses a document over its size limit before parsing it, even one that is only a comment', async () => {
    // A comment adds no token: only the size limit stops a large document from entering the parse cache.
    const commented = `{ countries { code } }\n# ${'c'.repeat(3_100)}`;
    const refused = await post(graph, { query: commented });
    expect(refused.status).toBe(400);
    expect(limitOf(refused.json)).toEqual([['QUERY_TOO_COMPLEX', 'maxDocumentBytes']]);
    // Bytes, not characters: 1,100 three-byte characters are 3,300 bytes.
    const wide = await post(graph, { query: `{ countries { code } } # ${'条'.repeat(1_100)}` });
    expect(limitOf(wide.json)).toEqual([['QUERY_TOO_COMPLEX', 'maxDocumentBytes']]);
    // The same data sent as a variable is fine: the limit is on the document only.
    const asVariable = await post(graph, {
      query: `{ countries { code } }`,
      variables: { note: 'c'.repeat(3_100) },
    });
    expect(asVariable.json.errors).toBeUndefined();
  });

  it('refuses a request body over the size limit with 413 and a batch over the batch limit', async () => {
    const big = await post(graph, { query: `{ countries { code } }`, variables: { pad: 'x'.repeat(5_000) } });
    expect(big.status).toBe(413);
    expect(limitOf(big.json)).toEqual([['QUERY_TOO_COMPLEX', 'maxBodyBytes']]);

    const three = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 3 }, () => ({ query: '{ countries { code } }' }))),
    });
    expect(((await three.json()) as unknown[]).length).toBe(3);
    const four = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 4 }, () => ({ query: '{ countries { code } }' }))),
    });
    expect(four.status).toBeGreaterThanOrEqual(400);
    // The runtime refuses an oversized batch while parsing the request: a GraphQL-over-HTTP request error.
    const body = (await four.json()) as {
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    expect(body.errors?.[0]?.message).toMatch(/limited to 3/);
  });
});

describe('production mode', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({
      protection: {
        production: true,
        rateLimit: null,
        trustedDocuments: { mode: 'enforce', manifest: await readManifest() },
      },
    });
  });
  afterAll(() => graph?.close());

  it('runs only trusted documents, by documentId or Apollo persisted-query hash', async () => {
    const manifest = await readManifest();
    const [id, text] = Object.entries(manifest).find(([, doc]) => doc.startsWith('query ContactDirectory'))!;
    const arbitrary = await post(graph, { query: '{ countries { code } }' });
    expect(arbitrary.json.errors?.map((e) => e.extensions?.['code'])).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
    const byId = await post(graph, { documentId: id, variables: { first: 2 } });
    expect(byId.json.errors).toBeUndefined();
    expect((byId.json['data'] as { contacts: { edges: unknown[] } }).contacts.edges).toHaveLength(2);
    const apq = await post(graph, {
      extensions: { persistedQuery: { version: 1, sha256Hash: documentId(text) } },
      variables: { first: 1 },
    });
    expect(apq.json.errors).toBeUndefined();
    const unknown = await post(graph, { documentId: 'f'.repeat(64) });
    expect(unknown.json.errors?.map((e) => e.extensions?.['code'])).toEqual(['TRUSTED_DOCUMENT_NOT_FOUND']);
  });

  it('serves no GraphiQL and no field suggestions', async () => {
    const page = await fetch(graph.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
  });
});

describe('production mode without trusted documents', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({ protection: { production: true, rateLimit: null } });
  });
  afterAll(() => graph?.close());

  it('hides field suggestions', async () => {
    const { json } = await post(graph, { query: '{ countries { nam } }' });
    expect(json.errors?.[0]?.message).not.toMatch(/did you mean/i);
    expect(json.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('allows introspection to authenticated callers only', async () => {
    const query = '{ __schema { queryType { name } } }';
    const anonymous = await post(graph, { query });
    expect(anonymous.json['data'] ?? null).toBeNull();
    expect(anonymous.json.errors?.length).toBeGreaterThan(0);
    const member = await post(graph, { query }, await graph.token('my-mycert', [Role.Member]));
    expect(member.json['data']).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('rate limiting', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({ protection: { rateLimit: { burst: 3, perSecond: 0.2 } } });
  });
  afterAll(() => graph?.close());

  it('limits each token on its own, answering RATE_LIMITED with 429 and Retry-After', async () => {
    const first = await graph.token('my-mycert', [Role.Member]);
    const second = await graph.token('sg-csa', [Role.Member]);
    for (let i = 0; i < 3; i++)
      expect((await post(graph, { query: '{ countries { code } }' }, first)).status).toBe(200);
    const limited = await post(graph, { query: '{ countries { code } }' }, first);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.json.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: expect.any(Number),
    });
    expect((await post(graph, { query: '{ countries { code } }' }, second)).status).toBe(200);
  });

  it('limits anonymous callers by address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await post(graph, { query: '{ countries { code } }' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('the trusted-documents manifest', () => {
  it('matches the registered operations (run `npm run documents` when it does not)', async () => {
    expect(JSON.parse(await readFile(manifestFile, 'utf8'))).toEqual(await buildManifest());
  });

  it('holds only operations that are valid against the published supergraph', async () => {
    const schema = buildSchema(await readFile(apiSchemaFile, 'utf8'));
    for (const [id, text] of Object.entries(await readManifest())) {
      expect(
        validate(schema, parse(text)).map((e) => e.message),
        id,
      ).toEqual([]);
    }
  });
});
