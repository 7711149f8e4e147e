import { beforeAll, expect, it } from 'vitest';
import { postGraphQL, webSocketClient } from './support/clients.ts';
import { startGateway, subgraph, useEdgeGateways } from './support/edge-gateways.ts';

const SUBGRAPH_TIMEOUT_MS = 300;

let url: string;

useEdgeGateways();
beforeAll(async () => {
  ({ url } = await startGateway({ subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS }));
});

// A graphql-ws operation comes first on purpose: the gateway must serve one before any HTTP request.
it('cuts a subgraph call that outlives the timeout, yet keeps a subscription open past it', async () => {
  const client = webSocketClient(url);
  try {
    const events = client.iterate({ query: 'subscription { gatedTicks }' });
    expect((await events.next()).value).toEqual({ data: { gatedTicks: 1 } });

    const started = Date.now();
    const { body } = await postGraphQL(url, '{ gated }');
    expect(Date.now() - started).toBeGreaterThanOrEqual(SUBGRAPH_TIMEOUT_MS - 50);
    // The Rust planner (the default) fails the whole response on a timeout; the JavaScript one nulls
    // the field. Either way the call is cut at the timeout and the client learns which service, not where.
    expect(body.data ?? { gated: null }).toEqual({ gated: null });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: `The echo service did not answer within ${SUBGRAPH_TIMEOUT_MS} ms.`,
        extensions: { code: 'GATEWAY_TIMEOUT' },
      }),
    ]);

    // The subscription has now lived longer than the timeout and still delivers.
    subgraph.openGate();
    expect((await events.next()).value).toEqual({ data: { gatedTicks: 2 } });
    expect((await events.next()).done).toBe(true);
  } finally {
    await client.dispose();
  }
});
