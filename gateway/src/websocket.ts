import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { getGraphQLWSOptions, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import {
  closeAsTooSlow,
  DEFAULT_DRAIN_LIMITS,
  type DrainLimits,
  drainEagerly,
  isAsyncIterable,
  refuseServerOnlyMessages,
  type TokenVerifier,
} from '@cadg/platform';
import { CloseCode } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { isUnauthenticated, type GatewayContextAdditions } from './authentication.ts';
import { REQUEST_ID_HEADER } from './error-masking.ts';
import { pathOf } from './http-paths.ts';
import type { GatewayMetrics } from './metrics.ts';

/** How long closing clients get to finish the close handshake before their sockets are cut. */
const CLOSE_HANDSHAKE_TIMEOUT_MS = 1000;

/** The graphql-ws endpoint of a gateway, sharing its HTTP server and path. */
export interface GraphQLWebSocketServer {
  /** Open connections. */
  readonly connections: number;
  /** Closes every client with 1001 Going Away and stops accepting connections. */
  close(): Promise<void>;
}

/**
 * Serves graphql-ws on the runtime's GraphQL path of `httpServer`.
 *
 * Operations run through the runtime's own pipeline (`getGraphQLWSOptions`, as the Hive gateway
 * CLI's node server does), so plugins, validation, masking and authentication apply exactly as they
 * do over HTTP. Identity comes from `connectionParams.authorization` (browsers cannot set headers on
 * a websocket): it is verified once when the client connects, and a token that does not verify
 * refuses the connection with 4403 Forbidden. Each operation then carries it as its request's
 * Authorization header, so it is verified again per operation (a token can expire on a long-lived
 * connection) and forwarded to subgraphs like an HTTP caller's.
 */
export function serveGraphQLOverWebSocket(
  httpServer: Server,
  runtime: GatewayRuntime<GatewayContextAdditions>,
  verifier: TokenVerifier,
  drainLimits: DrainLimits = DEFAULT_DRAIN_LIMITS,
  maxPayload: number = 1_048_576,
  metrics?: Pick<GatewayMetrics, 'countWebSocketClose' | 'countWebSocketResult'>,
): GraphQLWebSocketServer {
  // `noServer`: with `server:` the ws server re-emits the HTTP server's errors (a taken port), which
  // graphql-ws answers by logging and closing itself.
  // A message larger than an HTTP request body may be is refused by ws itself (close 1009).
  const wsServer = new WebSocketServer({ noServer: true, maxPayload });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (pathOf(request) !== runtime.graphqlEndpoint) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (client) => {
      refuseServerOnlyMessages(client);
      if (metrics) client.once('close', (code) => metrics.countWebSocketClose(code));
      wsServer.emit('connection', client, request);
    });
  };
  httpServer.on('upgrade', onUpgrade);
  const { Request } = runtime.fetchAPI;

  const runtimeOptions = getGraphQLWSOptions<GatewayContextAdditions, Extra>(runtime, (ctx) => {
    const authorization = authorizationIn(ctx.connectionParams);
    const headers: Record<string, string> = { [REQUEST_ID_HEADER]: randomUUID() };
    if (typeof authorization === 'string') headers['authorization'] = authorization;
    return {
      viaWebSocket: true,
      req: ctx.extra.request,
      request: new Request(new URL(ctx.extra.request.url ?? '/', 'http://localhost'), { headers }),
      // The runtime merges connection params into the headers it forwards to subgraphs, which read
      // `authorization` only: a token given as `Authorization` would be verified here and then
      // reach the subgraphs as no token at all.
      connectionParams: withLowerCaseAuthorization(ctx.connectionParams, authorization),
    };
  });

  const server = useServer(
    {
      ...runtimeOptions,
      // Errors that escape the runtime must not reach clients as they are; the runtime masks the rest.
      isProd: true,
      // Subscriptions are read eagerly into a bounded queue; a client that stops reading is closed with 4413.
      onOperation(ctx, _id, _payload, _args, result) {
        if (!isAsyncIterable(result)) return undefined;
        return drainEagerly(result, drainLimits, () => closeAsTooSlow(ctx.extra.socket));
      },
      // A value returned from onNext replaces the message's payload: return nothing.
      ...(metrics
        ? {
            onNext: () => {
              metrics.countWebSocketResult();
            },
          }
        : {}),
      async onConnect(ctx) {
        const authorization = authorizationIn(ctx.connectionParams);
        if (authorization === MALFORMED) {
          ctx.extra.socket.close(CloseCode.Forbidden, 'connectionParams.authorization must be a string.');
          return false;
        }
        try {
          await verifier.verify(authorization);
        } catch (error) {
          if (!isUnauthenticated(error)) throw error;
          ctx.extra.socket.close(CloseCode.Forbidden, error.message);
          return false;
        }
        return true;
      },
    },
    wsServer,
  );

  return {
    get connections() {
      return wsServer.clients.size;
    },
    async close() {
      httpServer.off('upgrade', onUpgrade);
      const fuse = setTimeout(() => {
        for (const client of wsServer.clients) client.terminate();
      }, CLOSE_HANDSHAKE_TIMEOUT_MS);
      fuse.unref();
      try {
        await server.dispose();
      } finally {
        clearTimeout(fuse);
      }
    },
  };
}

const MALFORMED = Symbol('malformed authorization');

function withLowerCaseAuthorization(
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  authorization: string | undefined | typeof MALFORMED,
): Record<string, unknown> {
  const { Authorization: _spelledUpper, authorization: _spelledLower, ...rest } = connectionParams ?? {};
  return typeof authorization === 'string' ? { ...rest, authorization } : rest;
}

/** Clients spell the key either way; anything but a string is refused rather than ignored. */
function authorizationIn(
  connectionParams: Readonly<Record<string, unknown>> | undefined,
): string | undefined | typeof MALFORMED {
  const value = connectionParams?.['authorization'] ?? connectionParams?.['Authorization'];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : MALFORMED;
}
