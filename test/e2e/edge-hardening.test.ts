import { request } from 'node:http';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readManifest } from '@cadg/gateway';
import { Role } from '@cadg/platform';
import type { GraphQLFormattedError } from 'graphql';
import { codesOf, startGraph, type Graph } from './harness.ts';

// The gateway's edge on the whole graph, in the embedded default and in production: public URLs
// never taken from the request, CORS, only JSON bodies running operations, coded graphql-ws errors
// and deeply nested variables.

const TAXII = 'application/taxii+json;version=2.1';
const DASHBOARD = 'https://dashboard.example.org';
const PUBLIC_URL = 'https://graph.example.org/cadg';

/** GET over node:http, which (unlike fetch) sends the Host header the test chooses. */
function get(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      request(url, { headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
        .on('error', reject)
        .end();
    },
  );
}

const SPOOFED = { host: 'evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' };

interface Answer {
  data?: unknown;
  errors?: GraphQLFormattedError[];
}

/** One operation over graphql-ws: its last result, or the refusal it got instead. */
function overWebSocket(graph: Graph, payload: { query: string; variables?: Record<string, unknown> }) {
  const client = createClient({ url: graph.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  return new Promise<Answer>((resolve, reject) => {
    let last: Answer = {};
    client.subscribe(payload, {
      next: (value) => (last = { data: value.data, ...(value.errors ? { errors: [...value.errors] } : {}) }),
      // GraphQL errors arrive as an array; anything else is the socket closing.
      error: (error) =>
        Array.isArray(error)
          ? resolve({ errors: error as GraphQLFormattedError[] })
          : reject(new Error(`closed: ${JSON.stringify(error, ['code', 'reason'])}`)),
      complete: () => resolve(last),
    });
  }).finally(() => client.dispose());
}

const REPORT = /* GraphQL */ `
  mutation {
    reportIncident(
      input: {
        title: "Sent as a form"
        summary: "A cross-site form post."
        category: OTHER
        severity: LOW
        tlp: CLEAR
        affectedCountryCodes: ["MY"]
      }
    ) {
      id
    }
  }
`;

describe('the embedded default', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph?.close());

  it('hands out TAXII URLs on the address it listens on, never the Host or X-Forwarded-* it was sent', async () => {
    const discovery = await get(new URL('/taxii2/', graph.gatewayUrl).toString(), {
      accept: TAXII,
      ...SPOOFED,
    });
    expect(discovery.status).toBe(200);
    const body = JSON.parse(discovery.body) as { api_roots: string[]; default: string };
    const root = new URL('/taxii2/cadg/', graph.gatewayUrl).toString();
    expect(body.api_roots).toEqual([root]);
    expect(body.default).toBe(root);
    expect(discovery.body).not.toContain('evil.example');
  });

  it('lets browsers on any origin read TAXII and GraphQL answers, without credentials', async () => {
    for (const path of ['/taxii2/', '/graphql?query=%7B__typename%7D']) {
      const response = await fetch(new URL(path, graph.gatewayUrl), {
        headers: { origin: 'https://elsewhere.example', accept: `${TAXII}, application/json` },
      });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(response.headers.get('access-control-allow-credentials'), path).toBeNull();
    }
  });

  it('runs no mutation posted as a form: 415 with BAD_REQUEST, and nothing is reported', async () => {
    const token = await graph.token('my-mycert', [Role.Member]);
    const before = await graph.query<{ incidents: { totalCount: number } }>(
      `{ incidents(first: 1) { totalCount } }`,
      {},
      token,
    );
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${token}` },
      body: new URLSearchParams({ query: REPORT }).toString(),
    });
    expect(response.status).toBe(415);
    const body = (await response.json()) as { data?: unknown; errors: GraphQLFormattedError[] };
    expect(body.data).toBeUndefined();
    expect(codesOf(body)).toEqual(['BAD_REQUEST']);
    const after = await graph.query<{ incidents: { totalCount: number } }>(
      `{ incidents(first: 1) { totalCount } }`,
      {},
      token,
    );
    expect(after.data!.incidents.totalCount).toBe(before.data!.incidents.totalCount);
  });

  it('refuses variables nested 5,000 deep with 400 QUERY_TOO_COMPLEX, over HTTP and graphql-ws', async () => {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: `{"query":"{ countries { code } }","variables":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}`,
    });
    expect(response.status).toBe(400);
    expect(codesOf((await response.json()) as { errors: GraphQLFormattedError[] })).toEqual([
      'QUERY_TOO_COMPLEX',
    ]);
    const deep = JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`) as unknown;
    const viaWs = await overWebSocket(graph, { query: '{ countries { code } }', variables: { a: deep } });
    expect(codesOf(viaWs)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('answers a 200 kB variables object, and refuses a body over the limit with 413 QUERY_TOO_COMPLEX', async () => {
    const wide = Object.fromEntries(Array.from({ length: 9_000 }, (_, i) => [`key${i}`, `value-${i}`]));
    expect(JSON.stringify(wide).length).toBeGreaterThan(200_000);
    const accepted = await graph.query(`{ countries { code } }`, wide);
    expect(accepted.status).toBe(200);
    expect(accepted.errors).toBeUndefined();
    const tooLarge = await graph.query(`{ countries { code } }`, { a: 'x'.repeat(300_000) });
    expect(tooLarge.status).toBe(413);
    expect(codesOf(tooLarge)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});

describe('production', () => {
  let graph: Graph;
  let manifest: Record<string, string>;
  const logs: { level: string; text: string }[] = [];

  beforeAll(async () => {
    manifest = await readManifest();
    graph = await startGraph({
      protection: {
        production: true,
        rateLimit: null,
        trustedDocuments: { mode: 'enforce', manifest },
        publicUrl: PUBLIC_URL,
        corsOrigins: [DASHBOARD],
      },
      logging: {
        level: 'info',
        writers: [
          {
            write: (level, attrs, msg) =>
              void logs.push({ level, text: `${msg ?? ''} ${JSON.stringify(attrs ?? {})}` }),
          },
        ],
      },
    });
  });
  afterAll(() => graph?.close());

  const idOf = (name: string) => Object.entries(manifest).find(([, text]) => text.includes(` ${name}(`))![0];

  it('hands out TAXII URLs under PUBLIC_URL, never the Host or X-Forwarded-* it was sent', async () => {
    const discovery = await get(new URL('/taxii2/', graph.gatewayUrl).toString(), {
      accept: TAXII,
      ...SPOOFED,
    });
    expect(discovery.status).toBe(200);
    const body = JSON.parse(discovery.body) as { api_roots: string[]; default: string };
    expect(body.api_roots).toEqual([`${PUBLIC_URL}/taxii2/cadg/`]);
    expect(body.default).toBe(`${PUBLIC_URL}/taxii2/cadg/`);
  });

  it('lets only the configured origin read TAXII answers, with credentials', async () => {
    const listed = await fetch(new URL('/taxii2/', graph.gatewayUrl), {
      headers: { origin: DASHBOARD, accept: TAXII },
    });
    expect(listed.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(listed.headers.get('access-control-allow-credentials')).toBe('true');
    for (const origin of ['https://evil.example', 'null']) {
      const other = await fetch(new URL('/taxii2/', graph.gatewayUrl), {
        headers: { origin, accept: TAXII },
      });
      expect(other.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(other.headers.get('access-control-allow-credentials'), origin).toBeNull();
    }
  });

  it('answers an unregistered document over graphql-ws with TRUSTED_DOCUMENT_REQUIRED, logged once at info without a stack', async () => {
    const before = logs.length;
    const refused = await overWebSocket(graph, { query: '{ countries { code } }' });
    expect(codesOf(refused)).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
    const logged = logs.slice(before).filter((entry) => entry.text.includes('TRUSTED_DOCUMENT_REQUIRED'));
    expect(logged.map((entry) => entry.level)).toEqual(['info']);
    expect(logged[0]!.text).not.toMatch(/stack|\n\s+at /);
    expect(logs.slice(before).filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('refuses a form post and deeply nested variables of a registered document with their codes', async () => {
    const form = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ documentId: idOf('ContactDirectory') }).toString(),
    });
    expect(form.status).toBe(415);
    expect(codesOf((await form.json()) as { errors: GraphQLFormattedError[] })).toEqual(['BAD_REQUEST']);

    const deep = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: `{"documentId":"${idOf('ContactDirectory')}","variables":{"filter":${'['.repeat(5000)}${']'.repeat(5000)}}}`,
    });
    expect(deep.status).toBe(400);
    expect(codesOf((await deep.json()) as { errors: GraphQLFormattedError[] })).toEqual([
      'QUERY_TOO_COMPLEX',
    ]);
  });
});
