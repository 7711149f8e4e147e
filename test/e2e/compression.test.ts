import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentId, readManifest, type ProtectionOptions } from '@cadg/gateway';
import { Role } from '@cadg/platform';
import { startGraph, type Graph } from './harness.ts';

const TAXII = 'application/taxii+json;version=2.1';
/** Long enough to be over the threshold (the seeded countries alone are a few hundred bytes). */
const COUNTRIES =
  'query CompressionCountries { countries { code name } again: countries { code name } more: countries { code name } most: countries { code name } }';
const TINY = 'query CompressionTiny { __typename }';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as sent, before any decoding. */
  raw: Buffer;
}

/** A GET or POST over node:http, which (unlike fetch) hands back the body exactly as sent. */
function send(url: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The body decoded as its Content-Encoding says. */
function decoded({ headers, raw }: RawResponse): string {
  const encoding = headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(raw).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(raw).toString('utf8');
  if (encoding === undefined) return raw.toString('utf8');
  throw new Error(`Unexpected Content-Encoding ${String(encoding)}`);
}

const modes: { mode: string; production: boolean }[] = [
  { mode: 'the embedded default', production: false },
  { mode: 'production mode', production: true },
];

describe.each(modes)('compression in $mode', ({ production }) => {
  let graph: Graph;
  let token: string;
  const postQuery = (query: string, encoding: string) =>
    send(
      graph.gatewayUrl,
      {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        'accept-encoding': encoding,
        authorization: `Bearer ${token}`,
      },
      JSON.stringify(production ? { documentId: documentId(query) } : { query }),
    );

  beforeAll(async () => {
    const protection: ProtectionOptions | undefined = production
      ? {
          production: true,
          trustedDocuments: {
            mode: 'enforce',
            manifest: {
              ...(await readManifest()),
              ...Object.fromEntries([COUNTRIES, TINY].map((text) => [documentId(text), text])),
            },
          },
        }
      : undefined;
    graph = await startGraph(protection ? { protection } : {});
    token = await graph.token('my-mycert', [Role.Member]);
  });
  afterAll(() => graph?.close());

  it.each(['br', 'gzip'])(
    'sends a large JSON answer %s-compressed when the client accepts it, and it decodes',
    async (encoding) => {
      const response = await postQuery(COUNTRIES, `${encoding}, identity`);
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers['vary']).toMatch(/accept-encoding/i);
      const body = JSON.parse(decoded(response)) as { data: { countries: { code: string }[] } };
      expect(body.data.countries.map((country) => country.code)).toContain('MY');
      expect(response.raw.length).toBeLessThan(Buffer.byteLength(decoded(response)));
    },
  );

  it('prefers brotli when both are accepted, and sends plain JSON to a client that accepts neither', async () => {
    expect((await postQuery(COUNTRIES, 'gzip, deflate, br')).headers['content-encoding']).toBe('br');
    const plain = await postQuery(COUNTRIES, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.raw.toString('utf8'))).toHaveProperty('data.countries');
  });

  it('leaves an answer under the threshold uncompressed', async () => {
    const tiny = await postQuery(TINY, 'br, gzip');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(tiny.raw.toString('utf8'))).toEqual({ data: { __typename: 'Query' } });
  });

  it('compresses TAXII answers', async () => {
    const collections = await send(
      new URL('/taxii2/cadg/collections/incidents/objects/', graph.baseUrl).toString(),
      {
        accept: TAXII,
        'accept-encoding': 'gzip',
        authorization: `Bearer ${token}`,
      },
    );
    expect(collections.status).toBe(200);
    expect(collections.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(collections))).toHaveProperty('objects');
  });

  it('compresses the MISP feed', async () => {
    const manifest = await send(new URL('/misp/feed/manifest.json', graph.baseUrl).toString(), {
      'accept-encoding': 'br',
      authorization: `Bearer ${token}`,
    });
    expect(manifest.status).toBe(200);
    expect(manifest.headers['content-encoding']).toBe('br');
    expect(Object.keys(JSON.parse(decoded(manifest)) as object).length).toBeGreaterThan(0);
  });
});

describe('GraphiQL in the embedded default', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph?.close());

  it('sends the page brotli-compressed with an ETag, and 304 without a body to a browser that has it', async () => {
    const page = await send(graph.gatewayUrl, { accept: 'text/html', 'accept-encoding': 'br, gzip' });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    const html = decoded(page);
    expect(html).toMatch(/<html/i);
    expect(page.raw.length).toBeLessThan(Buffer.byteLength(html) / 3);
    const etag = page.headers['etag'];
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await send(graph.gatewayUrl, {
      accept: 'text/html',
      'accept-encoding': 'br, gzip',
      'if-none-match': String(etag),
    });
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);

    const gzipped = await send(graph.gatewayUrl, { accept: 'text/html', 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzipped)).toBe(html);
    expect(gzipped.headers['etag']).toBe(etag);
  });
});
