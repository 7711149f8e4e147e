import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  composeSupergraph,
  createGateway,
  DEFAULT_LIMITS,
  documentId,
  TOO_MANY_CONNECTIONS_CLOSE_CODE,
  type Gateway,
  type GatewayOptions,
} from '../src/index.ts';
import { postGraphQL } from './support/clients.ts';
import { echoTypeDefs, startEchoSubgraph, type EchoSubgraph } from './support/echo-subgraph.ts';
import { createTestIdentity, type TestIdentity } from './support/identity.ts';
import { answerTo, openSocket, subscribeMessage, type Message } from './support/sockets.ts';

// The edge of the gateway: what browsers may read (CORS), who a request comes from behind a proxy,
// which bodies run operations, per-client graphql-ws caps, coded graphql-ws errors, deeply nested
// variables and where /metrics is served. Each gateway here is real, in front of a real subgraph.

let identity: TestIdentity;
let subgraph: EchoSubgraph;
let supergraphSdl: string;
const running: Gateway[] = [];

/** Production gateways sign their subgraph calls; the echo subgraph does not check. */
const SIGNING_SECRET = 'edge-hardening-test-secret-of-32-characters';
const PRODUCTION = { production: true, subgraphSigningSecret: SIGNING_SECRET } as const;

beforeAll(async () => {
  identity = await createTestIdentity();
  subgraph = await startEchoSubgraph();
  supergraphSdl = composeSupergraph([{ name: 'echo', url: subgraph.url, typeDefs: echoTypeDefs }]);
});

afterAll(async () => {
  await Promise.all(running.map((gateway) => gateway.close()));
  await subgraph?.stop();
  await identity?.cleanUp();
});

/** A gateway on a free port in front of the echo subgraph; closed after the file. */
async function startGateway(options: Partial<GatewayOptions> = {}) {
  const gateway = createGateway({
    supergraphSdl,
    verifier: identity.verifier,
    graphiql: false,
    logging: false,
    ...options,
  });
  running.push(gateway);
  return { gateway, ...(await gateway.listen(0, '127.0.0.1')) };
}

const QUERY_BODY = JSON.stringify({ query: '{ whoami }' });

function postFrom(url: string, headers: Record<string, string>, body = QUERY_BODY) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

function preflight(url: string, origin: string) {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });
}

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

describe('graphql-ws caps', () => {
  let url: string;
  beforeAll(async () => {
    ({ url } = await startGateway({
      trustProxy: ['127.0.0.1'],
      webSocketCaps: {
        maxConnectionsPerAddress: 2,
        maxConnectionsPerSubject: 3,
        maxSubscriptionsPerConnection: 2,
      },
    }));
  });
  const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

  it('closes an anonymous connection over its address cap with 4429 Too many connections', async () => {
    const open = [openSocket(url, from('203.0.113.1')), openSocket(url, from('203.0.113.1'))];
    try {
      await Promise.all(open.map((socket) => socket.acknowledged));
      const third = openSocket(url, from('203.0.113.1'));
      expect(await third.closed).toEqual({
        code: TOO_MANY_CONNECTIONS_CLOSE_CODE,
        reason: 'Too many connections',
      });
      // The cap is per client address, and a closed connection frees its place.
      const elsewhere = openSocket(url, from('203.0.113.2'));
      await elsewhere.acknowledged;
      await elsewhere.close();
      await open.pop()!.close();
      const again = openSocket(url, from('203.0.113.1'));
      await again.acknowledged;
      open.push(again);
    } finally {
      await Promise.all(open.map((socket) => socket.close()));
    }
  });

  it('counts authenticated connections per token subject, not per address', async () => {
    const bearer = `Bearer ${identity.validToken}`;
    const open: ReturnType<typeof openSocket>[] = [];
    try {
      // One at a time, so the address cap (2) only ever sees one connection still authenticating.
      for (let i = 0; i < 3; i += 1) {
        const socket = openSocket(url, { authorization: bearer, ...from('203.0.113.9') });
        open.push(socket);
        await socket.acknowledged;
      }
      const fourth = openSocket(url, { authorization: bearer, ...from('203.0.113.10') });
      open.push(fourth);
      expect(await fourth.closed).toEqual({
        code: TOO_MANY_CONNECTIONS_CLOSE_CODE,
        reason: 'Too many connections',
      });
    } finally {
      await Promise.all(open.map((socket) => socket.close()));
    }
  });

  it('refuses an operation over the per-connection cap with RATE_LIMITED and keeps the connection open', async () => {
    const socket = openSocket(url, from('203.0.113.20'));
    try {
      await socket.acknowledged;
      for (const id of ['a', 'b']) {
        socket.send(subscribeMessage(id, { query: 'subscription { gatedTicks }' }));
        expect((await socket.message(answerTo(id))).payload).toEqual({ data: { gatedTicks: 1 } });
      }
      socket.send(subscribeMessage('c', { query: 'subscription { gatedTicks }' }));
      const refused = await socket.message(answerTo('c'));
      expect(refused.type).toBe('error');
      expect(refused.payload).toEqual([
        expect.objectContaining({
          extensions: { code: 'RATE_LIMITED', limit: 'maxSubscriptionsPerConnection' },
        }),
      ]);
      // Completing one frees its place on the same connection.
      socket.send({ id: 'a', type: 'complete' });
      socket.send(subscribeMessage('d', { query: '{ whoami }' }));
      expect((await socket.message(answerTo('d'))).payload).toEqual({ data: { whoami: null } });
    } finally {
      await socket.close();
    }
  });
});

describe('graphql-ws errors', () => {
  it('answers a NUL in the variables with BAD_USER_INPUT in the embedded default, not close 4500', async () => {
    const { url } = await startGateway();
    const socket = openSocket(url);
    try {
      await socket.acknowledged;
      socket.send(subscribeMessage('nul', { query: '{ whoami }', variables: { text: 'a\u0000b' } }));
      expect((await socket.message(answerTo('nul'))).payload).toEqual({
        errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })],
      });
      socket.send(subscribeMessage('next', { query: '{ whoami }' }));
      expect((await socket.message(answerTo('next'))).payload).toEqual({ data: { whoami: null } });
    } finally {
      await socket.close();
    }
  });

  it('answers unregistered documents in production with their codes, logged once at info without a stack', async () => {
    const logs: { level: string; msg: string | null | undefined; attrs: unknown }[] = [];
    const registered = '{ whoami }';
    const { url } = await startGateway({
      ...PRODUCTION,
      trustedDocuments: { mode: 'enforce', manifest: { [documentId(registered)]: registered } },
      logging: {
        level: 'info',
        writers: [{ write: (level, attrs, msg) => void logs.push({ level, msg, attrs }) }],
      },
    });
    const socket = openSocket(url);
    try {
      await socket.acknowledged;
      socket.send(subscribeMessage('text', { query: '{ whoami }' }));
      socket.send(
        subscribeMessage('unknown', {
          query: '',
          extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
        }),
      );
      socket.send(
        subscribeMessage('known', {
          query: '',
          extensions: { persistedQuery: { version: 1, sha256Hash: documentId(registered) } },
        }),
      );
      expect((await socket.message(answerTo('text'))).payload).toEqual({
        errors: [expect.objectContaining({ extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED' } })],
      });
      expect((await socket.message(answerTo('unknown'))).payload).toEqual({
        errors: [expect.objectContaining({ extensions: { code: 'TRUSTED_DOCUMENT_NOT_FOUND' } })],
      });
      expect((await socket.message(answerTo('known'))).payload).toEqual({ data: { whoami: null } });
    } finally {
      await socket.close();
    }
    const refusals = logs.filter((entry) => JSON.stringify(entry).includes('TRUSTED_DOCUMENT'));
    expect(refusals.map((entry) => entry.level)).toEqual(['info', 'info']);
    expect(JSON.stringify(refusals)).not.toMatch(/stack|\bat .*\.js/);
    expect(logs.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it("closes on a client's protocol mistakes with their codes, logged once each at info without a stack", async () => {
    const logs: { level: string; msg: string | null | undefined; attrs: unknown }[] = [];
    const { url } = await startGateway({
      limits: { ...DEFAULT_LIMITS, maxBodyBytes: 1024 },
      logging: {
        level: 'info',
        writers: [{ write: (level, attrs, msg) => void logs.push({ level, msg, attrs }) }],
      },
    });
    const consoleError = vi.spyOn(console, 'error');
    try {
      const serverOnly = openSocket(url);
      await serverOnly.acknowledged;
      serverOnly.send({ type: 'connection_ack' });
      expect((await serverOnly.closed).code).toBe(4400);

      const tooLarge = openSocket(url);
      await tooLarge.acknowledged;
      tooLarge.send(subscribeMessage('big', { query: `{ whoami }${' '.repeat(2048)}` }));
      expect((await tooLarge.closed).code).toBe(1009);
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
    expect(logs.map((entry) => entry.level)).toEqual(['info', 'info']);
    expect(JSON.stringify(logs)).not.toMatch(/stack|\bat .*\.js/);
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
