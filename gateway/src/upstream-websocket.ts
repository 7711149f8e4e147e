import type { IncomingHttpHeaders } from 'node:http';
import {
  getInterpolatedHeadersFactory,
  getInterpolatedStringFactory,
  type ResolverData,
} from '@graphql-mesh/string-interpolation';
import type { DisposableExecutor, TransportGetSubgraphExecutorOptions } from '@graphql-mesh/transport-common';
import { buildGraphQLWSExecutor } from '@graphql-tools/executor-graphql-ws';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What a subscription transport entry may carry (see subgraph-transports.ts). */
export interface UpstreamWebSocketOptions {
  /** Interpolated like the headers, e.g. `{ authorization: '{context.headers.authorization}' }`. */
  connectionParams?: Record<string, string>;
}

/** How long an upstream connection stays open after its last operation ends. @default 3000 */
const LAZY_CLOSE_TIMEOUT_MS = 3_000;

/**
 * The gateway → subgraph graphql-ws transport. It does what `@graphql-mesh/transport-ws` does (one
 * lazy upstream connection per URL, connection params and headers, i.e. per caller) with one
 * difference: when an upstream connection drops, the subscriptions it carried fail instead of
 * being re-sent on a new connection.
 *
 * The stock transport's client retries five times and re-sends each subscription with its
 * original variables. For `majorIncidentUpdates(after:)` that replays every event since the
 * client's first cursor when the incidents replica comes back: the client receives events it
 * already has, with no way to tell. Failing instead lets the client resubscribe with the cursor of
 * the last event it processed, which is what the API promises to resume from exactly.
 */
export const upstreamWebSocketTransport = {
  getSubgraphExecutor({
    transportEntry,
  }: TransportGetSubgraphExecutorOptions<UpstreamWebSocketOptions>): DisposableExecutor & AsyncDisposable {
    const clients = new Map<string, Client>();
    const location = getInterpolatedStringFactory(transportEntry.location ?? '');
    const connectionParamsOf = getInterpolatedHeadersFactory(transportEntry.options?.connectionParams);
    const headersOf = getInterpolatedHeadersFactory(Object.fromEntries(transportEntry.headers ?? []));

    const executor: DisposableExecutor = (request) => {
      const data: ResolverData = { env: process.env as Record<string, string> };
      if (request.rootValue !== undefined) data.root = request.rootValue;
      if (request.context !== undefined) data.context = request.context;
      if (request.info !== undefined) data.info = request.info;
      const url = location(data).replace(/^http/, 'ws');
      const connectionParams = connectionParamsOf(data);
      const headers = headersOf(data);
      const key = JSON.stringify({ url, connectionParams, headers });
      let client = clients.get(key);
      if (!client) {
        const created = createClient({
          url,
          webSocketImpl: webSocketWithHeaders(headers),
          lazy: true,
          lazyCloseTimeout: LAZY_CLOSE_TIMEOUT_MS,
          // The point of this transport: never re-send a subscription on a new connection.
          retryAttempts: 0,
          connectionParams,
          on: { closed: () => clients.get(key) === created && clients.delete(key) },
        });
        clients.set(key, created);
        client = created;
      }
      return buildGraphQLWSExecutor(client)(request);
    };
    return Object.assign(executor, {
      async [Symbol.asyncDispose]() {
        const open = [...clients.values()];
        clients.clear();
        await Promise.all(open.map((client) => client.dispose()));
      },
    });
  },
};

/** A WebSocket class that sends `headers` with the upgrade request (graphql-ws takes a class). */
function webSocketWithHeaders(headers: IncomingHttpHeaders): unknown {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}
