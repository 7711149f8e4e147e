// The edge of the gateway over graphql-ws: per-client caps and coded errors. Each gateway here is
// real, in front of a real subgraph. CORS, proxies, bodies and /metrics: edge-hardening.test.ts.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS, documentId, TOO_MANY_CONNECTIONS_CLOSE_CODE } from '../src/index.ts';
import { PRODUCTION, identity, startGateway, useEdgeGateways } from './support/edge-gateways.ts';
import { answerTo, openSocket, subscribeMessage } from './support/sockets.ts';

useEdgeGateways();

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
