// The edge of the gateway: what browsers may read (CORS), who a request comes from behind a proxy,
// which bodies run operations, deeply nested variables and where /metrics is served. Each gateway
// here is real, in front of a real subgraph. graphql-ws caps and errors: edge-hardening-websocket.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from './support/clients.ts';
import {
  PRODUCTION,
  QUERY_BODY,
  postFrom,
  preflight,
  startGateway,
  useEdgeGateways,
} from './support/edge-gateways.ts';
import { answerTo, openSocket, subscribeMessage, type Message } from './support/sockets.ts';

useEdgeGateways();

describe('CORS', () => {
  it('lets any origin read in the embedded default, without credentials and without echoing the origin', async () => {
    const { url } = await startGateway();
    const response = await postFrom(url, { origin: 'https://evil.example' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();

    const allowed = await preflight(url, 'https://evil.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('*');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });

  it('gives the null origin of sandboxed pages no CORS headers at all', async () => {
    const { url } = await startGateway();
    const response = await postFrom(url, { origin: 'null' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const refused = await preflight(url, 'null');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows no origin in production unless origins are configured', async () => {
    const { url } = await startGateway(PRODUCTION);
    for (const origin of ['https://evil.example', 'https://dashboard.example.org', 'null']) {
      const response = await postFrom(url, { origin });
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(response.headers.get('access-control-allow-credentials'), origin).toBeNull();
      const refused = await preflight(url, origin);
      expect(refused.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('answers a configured origin exactly, with credentials, and every other origin with nothing', async () => {
    const { url } = await startGateway({ ...PRODUCTION, corsOrigins: ['https://dashboard.example.org'] });
    const listed = await postFrom(url, { origin: 'https://dashboard.example.org' });
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://dashboard.example.org');
    expect(listed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(listed.headers.get('vary')).toMatch(/Origin/);
    const allowed = await preflight(url, 'https://dashboard.example.org');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.example.org');

    for (const origin of ['https://evil.example', 'https://dashboard.example.org.evil.example', 'null']) {
      const response = await postFrom(url, { origin });
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(response.headers.get('access-control-allow-credentials'), origin).toBeNull();
    }
  });
});

describe('client addresses behind proxies', () => {
  const RATE_LIMIT = { burst: 1, perSecond: 0.001 };

  it('rate-limits each client behind a trusted proxy by the address the proxy forwarded', async () => {
    const { url } = await startGateway({ rateLimit: RATE_LIMIT, trustProxy: ['127.0.0.1'] });
    const first = { 'x-forwarded-for': '198.51.100.7' };
    expect((await postFrom(url, first)).status).toBe(200);
    expect((await postFrom(url, first)).status).toBe(429);
    // Another client behind the same proxy has a bucket of its own, whatever it claims further left.
    expect((await postFrom(url, { 'x-forwarded-for': '198.51.100.7, 198.51.100.8' })).status).toBe(200);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const { url } = await startGateway({ rateLimit: RATE_LIMIT, trustProxy: ['10.0.0.0/8'] });
    expect((await postFrom(url, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(200);
    const spoofed = await postFrom(url, { 'x-forwarded-for': '198.51.100.2' });
    expect(spoofed.status).toBe(429);
    expect(((await spoofed.json()) as { errors: Message[] }).errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) }),
    ]);
  });
});

describe('request bodies', () => {
  let url: string;
  beforeAll(async () => {
    ({ url } = await startGateway());
  });

  const form = new URLSearchParams({ query: '{ whoami }' }).toString();
  const multipart = `--xyz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${QUERY_BODY}\r\n--xyz--\r\n`;
  it.each([
    ['application/x-www-form-urlencoded', form],
    ['multipart/form-data; boundary=xyz', multipart],
    ['text/plain;charset=UTF-8', QUERY_BODY],
  ])('runs nothing sent as %s: 415 with code BAD_REQUEST', async (contentType, body) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
    expect(response.status).toBe(415);
    const answer = (await response.json()) as { data?: unknown; errors: Message[] };
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toEqual([
      expect.objectContaining({
        extensions: { code: 'BAD_REQUEST' },
        message: expect.stringMatching(/application\/json/),
      }),
    ]);
  });

  it('still runs operations sent as JSON', async () => {
    const { status, body } = await postGraphQL(url, '{ whoami }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { whoami: null } });
  });
});

describe('deeply nested variables', () => {
  const NESTED = `${'['.repeat(5000)}${']'.repeat(5000)}`;

  it.each([
    ['the embedded default', {}],
    ['production', PRODUCTION],
  ])('are refused with 400 QUERY_TOO_COMPLEX over HTTP and graphql-ws in %s', async (_mode, options) => {
    const { url } = await startGateway(options);
    const response = await postFrom(
      url,
      { accept: 'application/graphql-response+json' },
      `{"query":"{ whoami }","variables":{"a":${NESTED}}}`,
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Message[] };
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxVariableDepth' } }),
    ]);

    const socket = openSocket(url);
    try {
      await socket.acknowledged;
      socket.send(
        subscribeMessage('deep', {
          query: '{ whoami }',
          variables: JSON.parse(`{"a":${'['.repeat(100)}${']'.repeat(100)}}`),
        }),
      );
      const answer = await socket.message(answerTo('deep'));
      expect(answer.payload).toEqual({
        errors: [
          expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxVariableDepth' } }),
        ],
      });
    } finally {
      await socket.close();
    }
  });
});

describe('/metrics', () => {
  it('is served on the public port in the embedded default', async () => {
    const { url, metricsUrl } = await startGateway();
    expect(metricsUrl).toBe(new URL('/metrics', url).toString());
    const response = await fetch(metricsUrl!);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^process_cpu_seconds_total\{service="gateway"\} /m);
  });

  it('is served in production only on the metrics port, never on the public one', async () => {
    const { url, metricsUrl } = await startGateway({ ...PRODUCTION, metricsPort: 0 });
    expect((await fetch(new URL('/metrics', url))).status).toBe(404);
    expect(metricsUrl).toBeDefined();
    expect(new URL(metricsUrl!).port).not.toBe(new URL(url).port);
    await postGraphQL(url, 'query Who { whoami }');
    const scraped = await fetch(metricsUrl!);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(
      /^graphql_operations_total\{operation="Who",operation_type="query",service="gateway"\} 1$/m,
    );
    // The metrics port answers nothing else.
    expect((await fetch(new URL('/graphql', metricsUrl))).status).toBe(404);
  });

  it('is not served at all by a production gateway given no metrics port', async () => {
    const { url, metricsUrl } = await startGateway(PRODUCTION);
    expect(metricsUrl).toBeUndefined();
    expect((await fetch(new URL('/metrics', url))).status).toBe(404);
  });
});
