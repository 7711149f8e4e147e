import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { composeSupergraph, createGateway, type Gateway } from '../src/index.ts';
import { collect, postGraphQL, webSocketClient } from './support/clients.ts';
import { echoTypeDefs, startEchoSubgraph, type EchoSubgraph } from './support/echo-subgraph.ts';
import { createTestIdentity, type TestIdentity } from './support/identity.ts';

let identity: TestIdentity;
let subgraph: EchoSubgraph;
let gateway: Gateway;
let url: string;
let bearer: string;

beforeAll(async () => {
  identity = await createTestIdentity();
  bearer = `Bearer ${identity.validToken}`;
  subgraph = await startEchoSubgraph();
  // The baked URL points nowhere: traffic only reaches the subgraph through the subgraphUrls override.
  const supergraphSdl = composeSupergraph([
    { name: 'echo', url: 'http://127.0.0.1:9/graphql', typeDefs: echoTypeDefs },
  ]);
  gateway = createGateway({
    supergraphSdl,
    subgraphUrls: { echo: subgraph.url },
    verifier: identity.verifier,
    graphiql: false,
    logging: false,
  });
  ({ url } = await gateway.listen(0, '127.0.0.1'));
});

afterAll(async () => {
  await gateway?.close();
  await subgraph?.stop();
  await identity?.cleanUp();
});

describe('GraphQL over HTTP', () => {
  it('answers a POSTed query with data from the subgraph', async () => {
    const { status, body } = await postGraphQL(url, '{ whoami }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { whoami: null } });
  });

  it('answers a query sent with GET', async () => {
    const response = await fetch(`${url}?query=${encodeURIComponent('{ whoami }')}`, {
      headers: { accept: 'application/graphql-response+json', authorization: bearer },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { whoami: bearer } });
  });

  it("forwards the caller's valid bearer token to the subgraph", async () => {
    const { body } = await postGraphQL(url, '{ whoami }', bearer);
    expect(body).toEqual({ data: { whoami: bearer } });
  });

  it.each([
    ['signed by a key the gateway does not trust', () => `Bearer ${identity.foreignToken}`],
    ['that is not a JWT', () => 'Bearer not-a-token'],
    ['of another scheme', () => 'Basic dXNlcjpwYXNz'],
  ])('refuses a token %s with 401 and UNAUTHENTICATED', async (_, header) => {
    const { status, headers, body } = await postGraphQL(url, '{ whoami }', header());
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  });

  it('passes a coded subgraph error through with its message and code', async () => {
    const { body } = await postGraphQL(url, '{ forbidden }', bearer);
    expect(body.data).toEqual({ forbidden: null });
    expect(body.errors?.[0]).toMatchObject({
      message: 'Only the originator may read this.',
      path: ['forbidden'],
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('masks an unexpected subgraph error behind a generic message and the request id', async () => {
    const { headers, body } = await postGraphQL(url, '{ broken }', bearer);
    const requestId = headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Unexpected error.',
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
      }),
    ]);
    expect(JSON.stringify(body)).not.toMatch(/hunter2|stacktrace/);
  });
});

describe('GraphQL over graphql-ws', () => {
  it('answers a query with the token from connectionParams forwarded to the subgraph', async () => {
    const client = webSocketClient(url, bearer);
    try {
      expect(await collect(client, '{ whoami }')).toEqual([{ data: { whoami: bearer } }]);
    } finally {
      await client.dispose();
    }
  });

  it('delivers subscription events from the subgraph, subscribed upstream with the caller token', async () => {
    const client = webSocketClient(url, bearer);
    try {
      const events = await collect(client, 'subscription { ticks(count: 3) { n authorization } }');
      expect(events).toEqual([1, 2, 3].map((n) => ({ data: { ticks: { n, authorization: bearer } } })));
      expect(subgraph.upgradeAuthorizations).toContain(bearer);
    } finally {
      await client.dispose();
    }
  });

  it('refuses a connection whose token does not verify with close code 4403', async () => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await once(socket, 'open');
    const closed = once(socket, 'close');
    socket.send(
      JSON.stringify({
        type: 'connection_init',
        payload: { authorization: `Bearer ${identity.foreignToken}` },
      }),
    );
    const [code, reason] = (await closed) as [number, Buffer];
    expect(code).toBe(4403);
    expect(reason.toString()).toBe('The bearer token is invalid or expired.');
  });
});

describe('health', () => {
  it('answers /healthz with 200 while the process is alive', async () => {
    const response = await fetch(new URL('/healthz', url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
