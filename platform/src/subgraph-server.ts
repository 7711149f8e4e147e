import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import {
  closeAsTooSlow,
  DEFAULT_DRAIN_LIMITS,
  drainEagerly,
  isAsyncIterable,
  type DrainLimits,
} from './backpressure.ts';
import { refuseServerOnlyMessages } from './ws-guard.ts';
import { drainTimeoutFromEnv, InFlightRequests } from './draining.ts';
import { containsNul, ErrorCode, isPublicError, nulRefused } from './errors.ts';
import type { Caller, TokenVerifier } from './identity.ts';
import { createServiceLogger, currentRequestId, runWithRequestId, type Logger } from './logging.ts';
import {
  createSubgraphMetrics,
  METRICS_PATH,
  operationMetricsPlugin,
  serveMetrics,
  type SubgraphMetrics,
} from './metrics.ts';
import { inServerSpan, isTracingEnabled } from './tracing.ts';

/** The header a request's id travels in; the gateway sends the id of the client request it serves. */
const REQUEST_ID_HEADER = 'x-request-id';

export interface SubgraphServerOptions<TContext extends BaseContext> {
  /** Used in logs only. */
  name: string;
  schema: GraphQLSchema;
  verifier: TokenVerifier;
  /** Builds the per-request context (loaders live here, never at module level). */
  createContext: (caller: Caller, transport: 'http' | 'ws') => TContext;
  /**
   * Serve graphql-ws on the same path, for subscriptions (the gateway talks graphql-ws to
   * subgraphs). The token comes from `connectionParams.authorization` or the upgrade request.
   * @default false
   */
  subscriptions?: boolean;
  /** How long `close()` waits for in-flight requests. @default SHUTDOWN_DRAIN_MS, or 8000 */
  drainTimeoutMs?: number;
  /** When a graphql-ws peer counts as too slow and is disconnected. @default DEFAULT_DRAIN_LIMITS */
  drainLimits?: DrainLimits;
  /** Largest request body accepted. @default 1_048_576 */
  maxBodyBytes?: number;
  /**
   * The service's JSON logger; lines written while a request is handled carry its `requestId`.
   * @default createServiceLogger(name)
   */
  logger?: Logger;
  /** Where unexpected errors are reported. @default the logger, at level error */
  logError?: (message: string, details: Record<string, unknown>) => void;
  /**
   * The registry served on `/metrics` and the operation metrics recorded into it; pass one to add
   * metrics of your own (e.g. live subscriptions).
   * @default createSubgraphMetrics(name)
   */
  metrics?: SubgraphMetrics;
}

export interface SubgraphServer<TContext extends BaseContext> {
  readonly apollo: ApolloServer<TContext>;
  readonly httpServer: Server;
  /** What `/metrics` serves. */
  readonly metrics: SubgraphMetrics;
  /** Resolves once listening; rejects if the port is taken. Port 0 picks a free one. */
  listen(port: number, host?: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
}

/**
 * Hides anything that is not one of our coded errors (or a GraphQL validation error) behind a
 * generic message with a request id, and logs the original under that id.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (message: string, details: Record<string, unknown>) => void,
): GraphQLFormattedError {
  const original =
    typeof error === 'object' && error !== null && 'originalError' in error && error.originalError
      ? (error.originalError as unknown)
      : error;
  const code = formatted.extensions?.['code'];
  if (isPublicError(original) || isPublicError(error)) return withoutStack(formatted);
  // Parse/validation errors from graphql-js and Apollo are about the request, not our internals.
  if (typeof code === 'string' && code.startsWith('GRAPHQL_')) return withoutStack(formatted);
  if (code === 'BAD_USER_INPUT' || code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'BAD_REQUEST') {
    return withoutStack(formatted);
  }
  // The id of the request being served, which the gateway also quotes to its client.
  const requestId = currentRequestId() ?? randomUUID();
  log('unexpected error', {
    requestId,
    error: original instanceof Error ? original.stack : String(original),
  });
  return {
    message: 'Internal server error.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.InternalServerError, requestId },
  };
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/** Serves one subgraph: Apollo Server over a plain node:http server, identity verified per request. */
export async function createSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<SubgraphServer<TContext>> {
  const logger = options.logger ?? createServiceLogger(options.name);
  const log = options.logError ?? ((message, details) => logger.error(details, message));
  const metrics = options.metrics ?? createSubgraphMetrics(options.name);
  const tracing = isTracingEnabled();
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled(), operationMetricsPlugin(metrics.operations)],
    formatError: (formatted, error) => maskError(formatted, error, log),
  });
  await apollo.start();
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://subgraph');
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === METRICS_PATH) return serveMetrics(res, metrics.registry);
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'not found' });

    const raw = await readBody(req, maxBodyBytes);
    if (raw === null) return sendJson(res, 413, { errors: [{ message: 'Request body too large.' }] });
    if (containsNul(raw) || [...url.searchParams.values()].some(containsNul)) {
      return sendJson(res, 400, {
        errors: [{ message: nulRefused().message, extensions: { code: ErrorCode.BadUserInput } }],
      });
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = raw;
    if (raw.length > 0 && (headers.get('content-type') ?? '').includes('json')) {
      try {
        body = JSON.parse(raw);
      } catch {
        return sendJson(res, 400, {
          errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
        });
      }
    }
    const requestId = requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const execute = () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () =>
          options.createContext(await options.verifier.verify(req.headers.authorization), 'http'),
      });
    const response = await runWithRequestId(requestId, () =>
      tracing
        ? inServerSpan(req.headers, `graphql ${options.name}`, { 'cadg.subgraph': options.name }, execute)
        : execute(),
    );
    logger.debug({ requestId, method: req.method, status: response.status ?? 200 }, 'graphql request');
    res.statusCode = response.status ?? 200;
    for (const [key, value] of response.headers) res.setHeader(key, value);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const inFlight = new InFlightRequests();
  const httpServer = createServer((req, res) => {
    if (!inFlight.admit(req, res)) return;
    handle(req, res).catch((error: unknown) => {
      log('request failed', { error: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error.' }] });
      else res.destroy();
    });
  });

  const sockets = options.subscriptions
    ? serveGraphQLOverWebSocket(
        httpServer,
        options.schema,
        options.verifier,
        (caller) => options.createContext(caller, 'ws'),
        log,
        options.drainLimits ?? DEFAULT_DRAIN_LIMITS,
      )
    : null;

  return {
    apollo,
    httpServer,
    metrics,
    listen: (port, host = '127.0.0.1') => listen(httpServer, port, host),
    async close() {
      // Stop accepting, say goodbye to websocket peers (1001), let running requests finish.
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      await sockets?.close();
      await inFlight.drain(options.drainTimeoutMs ?? drainTimeoutFromEnv(process.env));
      await apollo.stop();
      httpServer.closeAllConnections();
      await closed;
    },
  };
}

/**
 * graphql-ws on `/graphql` of the same server. A connection with a bad token is refused with 4403;
 * a valid one (or none: anonymous) is verified once per connection, and every operation gets a
 * fresh context.
 */
function serveGraphQLOverWebSocket<TContext>(
  httpServer: Server,
  schema: GraphQLSchema,
  verifier: TokenVerifier,
  createContext: (caller: Caller) => TContext,
  log: (message: string, details: Record<string, unknown>) => void,
  drainLimits: DrainLimits,
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1_048_576 });
  httpServer.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://subgraph').pathname !== '/graphql') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      refuseServerOnlyMessages(ws);
      wss.emit('connection', ws, req);
    });
  });
  const callers = new WeakMap<object, Caller>();
  const server = useServer<Record<string, unknown>, { request: IncomingMessage }>(
    {
      schema,
      async onConnect(ctx) {
        const fromParams = ctx.connectionParams?.['authorization'] ?? ctx.connectionParams?.['Authorization'];
        const header = typeof fromParams === 'string' ? fromParams : ctx.extra.request.headers.authorization;
        try {
          callers.set(ctx.extra, await verifier.verify(header));
          return true;
        } catch (error) {
          if (isPublicError(error)) return false;
          throw error;
        }
      },
      context: (ctx) => createContext(callers.get(ctx.extra) ?? null) as Record<string, unknown>,
      // The same masking as over HTTP, for operation errors and for errors inside results.
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => maskError(error.toJSON(), error, log)),
      onSubscribe: (_ctx, _id, payload) =>
        containsNul(JSON.stringify(payload)) ? [nulRefused()] : undefined,
      // A peer that stopped reading is disconnected rather than buffered for without bound.
      onOperation(ctx, _id, _payload, _args, result) {
        if (!isAsyncIterable(result)) return undefined;
        return drainEagerly(result, drainLimits, () => closeAsTooSlow(ctx.extra.socket));
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return undefined;
        return {
          data: result.data ?? null,
          errors: result.errors.map((error) => maskError(error.toJSON(), error, log)),
        };
      },
    },
    wss,
  );
  return {
    async close() {
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** Listens, rejecting (instead of hanging) when the port is taken. */
export function listen(server: Server, port: number, host: string): Promise<{ url: string; port: number }> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      resolve({ url: `http://${shownHost}:${actualPort}/graphql`, port: actualPort });
    });
  });
}

const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The caller's request id when it is a plausible one (it ends up in logs), else a new one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
