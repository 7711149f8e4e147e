import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { composeSupergraph, createGateway, type Gateway } from '../src/index.ts';
import { echoTypeDefs, startEchoSubgraph, type EchoSubgraph } from './support/echo-subgraph.ts';
import { createTestIdentity, type TestIdentity } from './support/identity.ts';

let identity: TestIdentity;
let subgraph: EchoSubgraph;
let supergraphSdl: string;
const gateways: Gateway[] = [];

/** A gateway in front of the echo subgraph, closed in afterAll unless a test closes it first. */
async function startGateway(): Promise<{ gateway: Gateway; url: string }> {
  const gateway = createGateway({
    supergraphSdl,
    subgraphUrls: { echo: subgraph.url },
    verifier: identity.verifier,
    graphiql: false,
    logging: false,
  });
  gateways.push(gateway);
  const { url } = await gateway.listen(0, '127.0.0.1');
  return { gateway, url };
}

beforeAll(async () => {
  identity = await createTestIdentity();
  subgraph = await startEchoSubgraph();
  supergraphSdl = composeSupergraph([
    { name: 'echo', url: 'http://127.0.0.1:9/graphql', typeDefs: echoTypeDefs },
  ]);
});

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  await subgraph?.stop();
  await identity?.cleanUp();
});

describe('gateway lifecycle', () => {
  it('rejects listen when the port is taken instead of hanging', async () => {
    const { url } = await startGateway();
    const second = createGateway({ supergraphSdl, verifier: identity.verifier, logging: false });
    gateways.push(second);
    await expect(second.listen(Number(new URL(url).port), '127.0.0.1')).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });

  it('closes open websockets with 1001 Going Away and stops serving when closed', async () => {
    const { gateway, url } = await startGateway();
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await once(socket, 'open');
    const closed = once(socket, 'close');
    await gateway.close();
    const [code] = (await closed) as [number];
    expect(code).toBe(1001);
    await expect(fetch(new URL('/healthz', url))).rejects.toThrow();
  });

  // Last: it stops the shared subgraph.
  it('is ready while every subgraph answers, and answers 503 once one stops', async () => {
    const { url } = await startGateway();
    const ready = await fetch(new URL('/readyz', url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      subgraphs: [{ name: 'echo', ok: true, latencyMs: expect.any(Number) }],
    });

    await subgraph.stop();
    const unready = await fetch(new URL('/readyz', url));
    expect(unready.status).toBe(503);
    expect(await unready.json()).toEqual({
      status: 'unavailable',
      subgraphs: [
        { name: 'echo', ok: false, latencyMs: expect.any(Number), error: 'unreachable (ECONNREFUSED)' },
      ],
    });
  });
});
