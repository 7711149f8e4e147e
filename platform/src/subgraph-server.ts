import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import {
  GraphQLError as GraphQLErrorClass,
  parse,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { WebSocketServer } from 'ws';
import {
  closeAsTooSlow,
  DEFAULT_DRAIN_LIMITS,
  drainEagerly,
  isAsyncIterable,
  type DrainLimits,
} from './backpressure.ts';
import { serveGraphQLWs, type GraphQLWsLog } from './graphql-ws-server.ts';
import { drainTimeoutFromEnv, InFlightRequests } from './draining.ts';
import { containsNul, ErrorCode, isPublicError, nulRefused, RequestErrorCode } from './errors.ts';
import { tooComplex } from './limits.ts';
import type { Caller, TokenVerifier } from './identity.ts';
import { createServiceLogger, currentRequestId, runWithRequestId, type Logger } from './logging.ts';
import {
  createSubgraphMetrics,
  listenForMetrics,
  METRICS_PATH,
  metricsPortFromEnv,
  operationMetricsPlugin,
  serveMetrics,
  type MetricsServer,
  type SubgraphMetrics,
} from './metrics.ts';
import { inServerSpan, isTracingEnabled, REQUEST_ID_HEADER } from './tracing.ts';
import {
  checkEntityRepresentations,
  formatRefusal,
  guardSubgraphRequest,
  productionFromEnv,
  withoutSuggestions,
  type SubgraphSecurity,
} from './subgraph-security.ts';

/** The header a request's id travels in; the gateway sends the id of the client request it serves. */

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
  /**
   * Serve `/metrics` on a server of its own on this port (0 picks one) instead of the subgraph's
   * port; `null` keeps it on the subgraph's port.
   * @default METRICS_PORT, or 9464 in production (GATEWAY_MODE), else null
   */
  metricsPort?: number | null | undefined;
  /**
   * Who counts as the gateway (a signed request) and what everyone else may do: see
   * subgraph-security.ts.
   * @default no secret, signatures not required, DEFAULT_LIMITS for every caller
   */
  security?: SubgraphSecurity | undefined;
}

export interface SubgraphServer<TContext extends BaseContext> {
  readonly apollo: ApolloServer<TContext>;
  readonly httpServer: Server;
  /** What `/metrics` serves. */
  readonly metrics: SubgraphMetrics;
  /**
   * Resolves once listening (and its metrics server, if it has one); rejects if a port is taken.
   * Port 0 picks a free one.
   */
  listen(port: number, host?: string): Promise<{ url: string; port: number; metricsUrl: string }>;
  close(): Promise<void>;
}

/** Apollo Server's codes for a request's own mistakes (its GRAPHQL_* codes are handled apart). */
const CLIENT_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

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
  if (CLIENT_ERROR_CODES.has(code as string)) {
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
  const metricsPort =
    options.metricsPort === undefined
      ? metricsPortFromEnv(process.env, productionFromEnv(process.env))
      : options.metricsPort;
  let metricsServer: MetricsServer | undefined;
  const tracing = isTracingEnabled();
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    // Direct callers are refused introspection by the guard; the gateway (signed) may introspect.
    introspection: true,
    hideSchemaDetailsFromClientErrors: true,
    // Only the gateway is a regular caller, and it sends documents, never persisted-query hashes.
    persistedQueries: false,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      operationMetricsPlugin(metrics.operations),
      subscriptionsOverWebSocketOnly,
    ],
    formatError: (formatted, error) => maskError(formatted, error, log),
  });
  await apollo.start();
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  const security = options.security ?? {};
  checkEntityRepresentations(options.schema);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://subgraph');
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === METRICS_PATH && metricsPort === null) return serveMetrics(res, metrics.registry);
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'not found' });

    const raw = await readBody(req, maxBodyBytes);
    if (raw === null) {
      return sendJson(res, 413, {
        errors: [
          formatRefusal(
            tooComplex('maxBodyBytes', `The request body is larger than ${maxBodyBytes} bytes.`, 413),
          ),
        ],
      });
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    // Only JSON runs operations over POST: a form or text body is what a cross-site page can send
    // without a preflight (CSRF), so it is refused before anything reads it.
    if (req.method === 'POST' && !isJsonContentType(headers.get('content-type'))) {
      return sendJson(res, 415, {
        errors: [{ message: UNSUPPORTED_BODY_MESSAGE, extensions: { code: RequestErrorCode.BadRequest } }],
      });
    }
    let body: unknown = raw;
    if (raw.length > 0 && req.method === 'POST') {
      try {
        body = JSON.parse(raw);
      } catch {
        return sendJson(res, 400, {
          errors: [
            {
              message: 'The request body is not valid JSON.',
              extensions: { code: RequestErrorCode.BadRequest },
            },
          ],
        });
      }
    }
    const decision = guardSubgraphRequest(options.schema, requestParams(req.method, body, url), security, {
      bodyBytes: Buffer.byteLength(raw),
    });
    if (decision.refusal) {
      return sendJson(res, decision.refusal.status, { errors: decision.refusal.errors.map(formatRefusal) });
    }
    if (containsNul(raw) || [...url.searchParams.values()].some(containsNul)) {
      return sendJson(res, 400, {
        errors: [{ message: nulRefused().message, extensions: { code: ErrorCode.BadUserInput } }],
      });
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
        ? inServerSpan(
            req.headers,
            `graphql ${options.name}`,
            { 'cadg.subgraph': options.name, 'cadg.request_id': requestId },
            execute,
          )
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
        security,
        logger,
      )
    : null;

  return {
    apollo,
    httpServer,
    metrics,
    async listen(port, host = '127.0.0.1') {
      const listening = await listen(httpServer, port, host);
      if (metricsPort === null)
        return { ...listening, metricsUrl: new URL(METRICS_PATH, listening.url).toString() };
      metricsServer = await listenForMetrics(metrics.registry, metricsPort, host);
      return { ...listening, metricsUrl: metricsServer.url };
    },
    async close() {
      // Stop accepting, say goodbye to websocket peers (1001), let running requests finish.
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      await sockets?.close();
      await inFlight.drain(options.drainTimeoutMs ?? drainTimeoutFromEnv(process.env));
      await apollo.stop();
      httpServer.closeAllConnections();
      await closed;
      await metricsServer?.close();
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
  security: SubgraphSecurity,
  wsLog: GraphQLWsLog,
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1_048_576 });
  httpServer.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://subgraph').pathname !== '/graphql') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  const callers = new WeakMap<object, Caller>();
  // The same graphql-ws server as the gateway's: a client's protocol mistakes are closed with their
  // codes and logged once at info, never as internal errors.
  const server = serveGraphQLWs<Record<string, unknown>>(
    {
      schema,
      async onConnect(ctx) {
        const fromParams = ctx.connectionParams?.['authorization'] ?? ctx.connectionParams?.['Authorization'];
        // A token that is not a string is a bad token, as at the gateway: refused (4403), not anonymous.
        if (fromParams !== undefined && typeof fromParams !== 'string') return false;
        const header = fromParams ?? ctx.extra.request.headers.authorization;
        try {
          callers.set(ctx.extra, await verifier.verify(header));
          return true;
        } catch (error) {
          if (isPublicError(error)) return false;
          throw error;
        }
      },
      context: (ctx) => createContext(callers.get(ctx.extra) ?? null) as Record<string, unknown>,
      // Errors before execution are the client's (a refusal, a syntax or validation error): coded,
      // never masked as internal, and without "did you mean" hints.
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatClientError(error)),
      onSubscribe(_ctx, _id, payload) {
        if (containsNul(JSON.stringify(payload))) return [nulRefused()];
        const refusal = guardSubgraphRequest(schema, payload, security).refusal?.errors;
        if (refusal) return refusal;
        // graphql-ws would close the socket (4500) on a syntax error; it is the client's mistake.
        const syntaxError = syntaxErrorIn(payload.query);
        return syntaxError ? [syntaxError] : undefined;
      },
      // A peer that stopped reading is disconnected rather than buffered for without bound.
      onOperation(ctx, _id, _payload, _args, result) {
        if (!isAsyncIterable(result)) return undefined;
        return drainEagerly(result, drainLimits, () => closeAsTooSlow(ctx.extra.socket));
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return undefined;
        return {
          data: result.data ?? null,
          errors: result.errors.map((error) =>
            isRequestError(error)
              ? formatClientError(error, ErrorCode.BadUserInput)
              : maskError(error.toJSON(), error, log),
          ),
        };
      },
    },
    wss,
    wsLog,
  );
  return {
    async close() {
      await server.dispose();
    },
  };
}

/** A client's mistake found before execution, as graphql-ws sends it. */
function formatClientError(
  error: GraphQLError,
  fallbackCode = 'GRAPHQL_VALIDATION_FAILED',
): GraphQLFormattedError {
  const formatted = withoutStack(formatRefusal(error));
  const code = formatted.extensions?.['code'];
  return {
    ...formatted,
    message: withoutSuggestions(formatted.message),
    extensions: { ...formatted.extensions, code: typeof code === 'string' ? code : fallbackCode },
  };
}

/**
 * An error about the request rather than a field: graphql-js reports variables that do not coerce
 * without a path (every error from a resolver has one), as Apollo Server's BAD_USER_INPUT over HTTP.
 */
function isRequestError(error: GraphQLError): boolean {
  return !error.path && typeof error.extensions?.['code'] !== 'string';
}

function syntaxErrorIn(query: unknown): GraphQLError | null {
  if (typeof query !== 'string') return null;
  try {
    parse(query, { noLocation: true });
    return null;
  } catch (error) {
    if (!isGraphQLErrorLike(error)) throw error;
    return new GraphQLErrorClass(error.message, {
      extensions: { code: RequestErrorCode.GraphQLParseFailed },
    });
  }
}

function isGraphQLErrorLike(error: unknown): error is { message: string } {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'GraphQLError';
}

/**
 * Apollo Server would run a subscription sent over HTTP with `execute`, which cannot answer one; it
 * is refused as the client's mistake, with the way to do it right.
 */
const subscriptionsOverWebSocketOnly: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new GraphQLErrorClass(
          'Subscriptions run over graphql-ws (a websocket on this path), not HTTP.',
          {
            extensions: { code: RequestErrorCode.BadRequest, http: { status: 400 } },
          },
        );
      },
    };
  },
};

const UNSUPPORTED_BODY_MESSAGE = 'Send operations as JSON (content-type: application/json).';

/** `application/json`, or a JSON type with a suffix such as `application/graphql-response+json`. */
function isJsonContentType(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[\w.-]+\+json$/.test(mediaType);
}

/** The operation a request carries: a JSON body's fields, or a GET request's query string. */
function requestParams(method: string | undefined, body: unknown, url: URL): Record<string, unknown> {
  if (method === 'POST') {
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  }
  const json = (name: string): unknown => {
    const raw = url.searchParams.get(name);
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return undefined;
    }
  };
  return {
    query: url.searchParams.get('query') ?? undefined,
    operationName: url.searchParams.get('operationName') ?? undefined,
    variables: json('variables'),
    extensions: json('extensions'),
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
