import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { documentId } from '@cadg/gateway';
import {
  answer,
  SCRIPTED_SDL,
  startFixtureGateway,
  startScriptedSubgraph,
  startTickerSubgraphs,
} from './fixture-subgraphs.ts';

const EVENTS = 10_000;
const SUBGRAPH_TIMEOUT_MS = 300;
const SLOW = 'query Slow { slow }';
const FAST = 'query Fast { fast }';
const TOUCH = 'mutation Touch { touch }';

/** Both ways a gateway runs: the embedded default, and production with only these documents registered. */
const modes = [
  { mode: 'the embedded default', options: {} },
  {
    mode: 'production mode',
    options: {
      production: true,
      subgraphSigningSecret: randomBytes(32).toString('base64url'),
      trustedDocuments: {
        mode: 'enforce' as const,
        manifest: Object.fromEntries([SLOW, FAST, TOUCH].map((text) => [documentId(text), text])),
      },
    },
  },
];

/** Sends a registered document by id (production) or as text (embedded default). */
async function post(url: string, query: string, byId: boolean) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(byId ? { documentId: documentId(query) } : { query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
}

describe.each(modes)('subgraph calls in $mode', ({ options }) => {
  const byId = 'production' in options;
  /** Connections the scripted subgraph drops before answering, by operation field. */
  const drops = new Map<string, number>();
  let subgraph: Awaited<ReturnType<typeof startScriptedSubgraph>>;
  let gateway: Awaited<ReturnType<typeof startFixtureGateway>>;
  let deadlineGateway: Awaited<ReturnType<typeof startFixtureGateway>>;

  beforeAll(async () => {
    subgraph = await startScriptedSubgraph(({ query }, req, res) => {
      const field = ['slow', 'fast', 'touch'].find((name) => query.includes(name)) ?? '';
      const toDrop = drops.get(field) ?? 0;
      if (toDrop > 0) {
        drops.set(field, toDrop - 1);
        req.socket.destroy();
        return;
      }
      // `slow` is held until the gateway gives up on it.
      if (field !== 'slow') answer(res, { [field]: 1 });
    });
    const services = [{ name: 'scripted', url: subgraph.url, typeDefs: SCRIPTED_SDL }];
    gateway = await startFixtureGateway(services, { ...options, subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS });
    deadlineGateway = await startFixtureGateway(services, {
      ...options,
      subgraphTimeoutMs: 60_000,
      requestTimeoutMs: SUBGRAPH_TIMEOUT_MS,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await deadlineGateway?.close();
    await subgraph?.close();
  });

  it('cuts a subgraph call that outlives SUBGRAPH_TIMEOUT_MS with GATEWAY_TIMEOUT and closes the call', async () => {
    const aborted = subgraph.nextAbort();
    const started = performance.now();
    const { body } = await post(gateway.url, SLOW, byId);
    expect(performance.now() - started).toBeGreaterThanOrEqual(SUBGRAPH_TIMEOUT_MS - 20);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: `The scripted service did not answer within ${SUBGRAPH_TIMEOUT_MS} ms.`,
        extensions: { code: 'GATEWAY_TIMEOUT' },
      }),
    ]);
    await aborted;
  });

  it('sends a query once more after its connection broke, and the client never notices', async () => {
    const before = subgraph.requests;
    drops.set('fast', 1);
    const { status, body } = await post(gateway.url, FAST, byId);
    expect({ status, body }).toEqual({ status: 200, body: { data: { fast: 1 } } });
    expect(subgraph.requests - before).toBe(2);
  });

  it('retries a query only once: a subgraph that keeps dropping it is SERVICE_UNAVAILABLE', async () => {
    const before = subgraph.requests;
    drops.set('fast', 2);
    const { body } = await post(gateway.url, FAST, byId);
    expect(body.errors?.map((error) => error.extensions?.['code'])).toEqual(['SERVICE_UNAVAILABLE']);
    expect(subgraph.requests - before).toBe(2);
  });

  it('never resends a mutation whose connection broke: it may have been applied', async () => {
    const before = subgraph.requests;
    drops.set('touch', 1);
    const { body } = await post(gateway.url, TOUCH, byId);
    expect(body.errors?.map((error) => error.extensions?.['code'])).toEqual(['SERVICE_UNAVAILABLE']);
    expect(subgraph.requests - before).toBe(1);
  });

  it('answers 504 GATEWAY_TIMEOUT when the whole request outlives REQUEST_TIMEOUT_MS, cancelling its calls', async () => {
    const aborted = subgraph.nextAbort();
    const { status, body } = await post(deadlineGateway.url, SLOW, byId);
    expect(status).toBe(504);
    expect(body).toEqual({
      errors: [
        {
          message: `The request took longer than ${SUBGRAPH_TIMEOUT_MS} ms.`,
          extensions: { code: 'GATEWAY_TIMEOUT' },
        },
      ],
    });
    await aborted;
  });
});

describe('a long subscription through the gateway', () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  let subgraphs: Awaited<ReturnType<typeof startTickerSubgraphs>>;
  let gateway: Awaited<ReturnType<typeof startFixtureGateway>>;

  beforeAll(async () => {
    process.on('warning', onWarning);
    subgraphs = await startTickerSubgraphs();
    gateway = await startFixtureGateway(subgraphs.services, { verifier: subgraphs.verifier });
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await gateway?.close();
    await subgraphs?.close();
  });

  it(`delivers ${EVENTS} events, each joined with another subgraph, without a MaxListeners warning`, async () => {
    const client = createClient({
      url: gateway.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    let received = 0;
    let lastDouble = 0;
    const errors: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      client.subscribe<{ ticks: { n: number; double: number } }>(
        { query: `subscription { ticks(count: ${EVENTS}) { n double } }` },
        {
          next: ({ data, errors: eventErrors }) => {
            if (eventErrors) errors.push(...eventErrors);
            if (data?.ticks) {
              received++;
              lastDouble = data.ticks.double;
            }
          },
          error: reject,
          complete: resolve,
        },
      );
    });
    await client.dispose();
    expect(errors.slice(0, 3)).toEqual([]);
    expect(received).toBe(EVENTS);
    expect(lastDouble).toBe(EVENTS * 2);
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning').map((w) => w.message)).toEqual(
      [],
    );
  }, 600_000);
});
