import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { getGraphQLWSOptions, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import {
  closeAsTooSlow,
  DEFAULT_DRAIN_LIMITS,
  type DrainLimits,
  drainEagerly,
  ErrorCode,
  isAsyncIterable,
  serveGraphQLWs,
  type TokenVerifier,
} from '@cadg/platform';
import type { Logger } from '@graphql-hive/logger';
import {
  GraphQLError,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
} from 'graphql';
import { CloseCode, type Context, type OperationResult } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { isUnauthenticated, type GatewayContextAdditions } from './authentication.ts';
import { ClientAddresses } from './client-address.ts';
import { REQUEST_ID_HEADER } from './error-masking.ts';
import { pathOf } from './http-paths.ts';
import type { GatewayMetrics } from './metrics.ts';
import {
  ConnectionCounts,
  TOO_MANY_CONNECTIONS_CLOSE_CODE,
  TOO_MANY_CONNECTIONS_REASON,
  tooManySubscriptions,
  type WebSocketCaps,
} from './websocket-caps.ts';
import { graphqlWsPayload, SharedPayloads } from './websocket-payloads.ts';

/** How long closing clients get to finish the close handshake before their sockets are cut. */
const CLOSE_HANDSHAKE_TIMEOUT_MS = 1000;

/** The graphql-ws endpoint of a gateway, sharing its HTTP server and path. */
export interface GraphQLWebSocketServer {
  /** Open connections. */
  readonly connections: number;
  /** Closes every client with 1001 Going Away and stops accepting connections. */
  close(): Promise<void>;
}

/** How the graphql-ws endpoint limits, classifies and reports. */
export interface WebSocketServerOptions {
  /** When a client counts as too slow and is disconnected (4413). @default DEFAULT_DRAIN_LIMITS */
  drainLimits?: DrainLimits | undefined;
  /** Largest message, in bytes; ws closes a connection that sends more with 1009. @default 1048576 */
  maxPayload?: number | undefined;
  metrics?: Pick<GatewayMetrics, 'countWebSocketClose' | 'countWebSocketResult'> | undefined;
  /** Per-client caps on connections and operations; `null` turns them off. @default none */
  caps?: WebSocketCaps | null | undefined;
  /** Who a connection comes from (behind trusted proxies: the forwarded client). */
  clientAddresses?: ClientAddresses | undefined;
  /**
   * The gateway's error masking: an error thrown while an operation is prepared (a trusted
   * document refusal, a NUL in the variables) that masking keeps is the client's mistake.
   */
  maskError: (error: unknown) => Error;
  /** Where clients' mistakes are logged, at info and without a stack, and failures at error. */
  log: Pick<Logger, 'info' | 'error'>;
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
 *
 * A client over its connection cap (see `WebSocketCaps`) is closed with 4429 "Too many
 * connections"; an operation over the per-connection cap gets an `error` message coded
 * RATE_LIMITED. A client's mistake found while an operation is prepared is answered with its
 * coded error, never with 4500, and logged once at info.
 */
export function serveGraphQLOverWebSocket(
  httpServer: Server,
  runtime: GatewayRuntime<GatewayContextAdditions>,
  verifier: TokenVerifier,
  options: WebSocketServerOptions,
): GraphQLWebSocketServer {
  const { metrics, caps = null, maskError, log } = options;
  const drainLimits = options.drainLimits ?? DEFAULT_DRAIN_LIMITS;
  const clientAddresses = options.clientAddresses ?? new ClientAddresses([]);
  const connectionCounts = new ConnectionCounts();
  // `noServer`: with `server:` the ws server re-emits the HTTP server's errors (a taken port), which
  // graphql-ws answers by logging and closing itself.
  // A message larger than an HTTP request body may be is refused by ws itself (close 1009).
  // Subscribers of one shared stream get one serialisation of each result (SharedPayloads).
  const payloads = new SharedPayloads();
  const wsServer = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload ?? 1_048_576,
    WebSocket: payloads.socketClass(),
  });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (pathOf(request) !== runtime.graphqlEndpoint) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (client) => {
      if (metrics) client.once('close', (code) => metrics.countWebSocketClose(code));
      if (caps) {
        // Anonymous until its connection_init proves otherwise (onConnect).
        const address = `address:${clientAddresses.of(request)}`;
        if (!connectionCounts.hold(client, address, caps.maxConnectionsPerAddress)) {
          client.close(TOO_MANY_CONNECTIONS_CLOSE_CODE, TOO_MANY_CONNECTIONS_REASON);
          return;
        }
        client.once('close', () => connectionCounts.release(client));
      }
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

  /**
   * Runs an operation through the runtime. Plugins refuse some operations by throwing while the
   * runtime prepares them (the trusted documents plugin, the NUL check); graphql-ws would answer a
   * throw with close 4500 and log its stack. A refusal masking keeps is the client's mistake: it
   * becomes the operation's result instead, like any refusal the runtime returns.
   */
  const answerRefusals =
    (run: (args: ExecutionArgs) => OperationResult) =>
    async (args: ExecutionArgs): Promise<Awaited<OperationResult>> => {
      try {
        return await run(args);
      } catch (error) {
        const refusal = clientRefusal(error, maskError);
        if (!refusal) throw error;
        log.info(
          { code: refusal.extensions['code'], message: refusal.message },
          'graphql-ws operation refused',
        );
        return { errors: [refusal] } satisfies ExecutionResult;
      }
    };

  const { execute, subscribe, onSubscribe } = runtimeOptions;
  // The runtime's options define all three; without them graphql-ws would bypass the runtime.
  if (!execute || !subscribe || !onSubscribe) throw new Error('The runtime gave graphql-ws no handlers.');

  // Closes with 4500 "Internal server error" for what escapes the runtime, which masks the rest.
  const server = serveGraphQLWs(
    {
      ...runtimeOptions,
      execute: answerRefusals(execute),
      subscribe: answerRefusals(subscribe),
      onSubscribe(ctx, id, payload) {
        // graphql-ws registers the operation before this hook: the count includes it.
        if (caps && Object.keys(ctx.subscriptions).length > caps.maxSubscriptionsPerConnection) {
          return [tooManySubscriptions(caps.maxSubscriptionsPerConnection)];
        }
        return onSubscribe(ctx, id, payload);
      },
      // Subscriptions are read eagerly into a bounded queue; a client that stops reading is closed with 4413.
      onOperation(ctx, _id, _payload, _args, result) {
        if (!isAsyncIterable(result)) return undefined;
        return drainEagerly(result, drainLimits, () => closeAsTooSlow(ctx.extra.socket));
      },
      // A value returned from onNext replaces the message's payload: the same object for every
      // subscriber of a result, serialised once (`jsonMessageReplacer`).
      onNext(_ctx, _id, _payload, _args, result) {
        metrics?.countWebSocketResult();
        return payloads.payloadOf(result, (r) => withoutHttpExtensions(r) ?? graphqlWsPayload(r));
      },
      jsonMessageReplacer: payloads.replacer,
      async onConnect(ctx) {
        const authorization = authorizationIn(ctx.connectionParams);
        if (authorization === MALFORMED) {
          ctx.extra.socket.close(CloseCode.Forbidden, 'connectionParams.authorization must be a string.');
          return false;
        }
        try {
          const caller = await verifier.verify(authorization);
          return caller ? holdForSubject(ctx, caller.sub) : true;
        } catch (error) {
          if (!isUnauthenticated(error)) throw error;
          ctx.extra.socket.close(CloseCode.Forbidden, error.message);
          return false;
        }
      },
    },
    wsServer,
    log,
  );

  /** Moves an authenticated connection from its address's count to its subject's, or refuses it. */
  function holdForSubject(
    ctx: Context<Record<string, unknown> | undefined, Extra>,
    subject: string,
  ): boolean {
    const socket: WebSocket = ctx.extra.socket;
    if (!caps) return true;
    // Closed while its token was being verified: nothing to count any more.
    if (socket.readyState !== socket.OPEN) return false;
    if (connectionCounts.hold(socket, `subject:${subject}`, caps.maxConnectionsPerSubject)) return true;
    connectionCounts.release(socket);
    socket.close(TOO_MANY_CONNECTIONS_CLOSE_CODE, TOO_MANY_CONNECTIONS_REASON);
    return false;
  }

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

/**
 * The result without the `extensions.http` that refusals carry for HTTP responses (their status):
 * over HTTP the runtime strips it, over graphql-ws nothing would. Undefined when there is none.
 */
function withoutHttpExtensions(result: {
  data?: unknown;
  errors?: readonly GraphQLError[] | undefined;
  extensions?: Record<string, unknown> | undefined;
}): FormattedExecutionResult | undefined {
  if (!result.errors?.some((error) => error.extensions && 'http' in error.extensions)) return undefined;
  const { data, errors, extensions } = result;
  return {
    ...(data === undefined ? {} : { data: data as NonNullable<FormattedExecutionResult['data']> | null }),
    ...(extensions ? { extensions } : {}),
    errors: errors.map((error) => {
      const { http: _httpOnly, ...extensions } = error.extensions ?? {};
      return { ...error.toJSON(), extensions };
    }),
  };
}

/**
 * The coded error to answer a thrown refusal with, or null when masking would hide it (a real
 * failure, which keeps graphql-ws's 4500 and is logged with its stack). `extensions.http` is for
 * HTTP responses only and does not travel over graphql-ws.
 */
function clientRefusal(error: unknown, maskError: (error: unknown) => Error): GraphQLError | null {
  const masked = maskError(error);
  if (!(masked instanceof GraphQLError)) return null;
  const { http: _httpOnly, ...extensions } = masked.extensions;
  if (extensions['code'] === ErrorCode.InternalServerError) return null;
  return new GraphQLError(masked.message, { extensions });
}
