import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  ApolloServer,
  HeaderMap,
  type ApolloServerPlugin,
  type BaseContext,
  type GraphQLRequestContextDidEncounterErrors,
  type GraphQLRequestContextDidResolveOperation,
  type GraphQLRequestContextWillSendResponse,
} from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { GraphQLError as GraphQLErrorClass, type GraphQLSchema } from 'graphql';
import Negotiator from 'negotiator';
import { DEFAULT_DRAIN_LIMITS, type DrainLimits } from './backpressure.ts';
import { drainTimeoutFromEnv, InFlightRequests } from './draining.ts';
import { createChangeFeed, type ChangeSource } from './change-feed.ts';
import { maskError } from './error-masking.ts';
import { containsNul, ErrorCode, nulRefused, RequestErrorCode } from './errors.ts';
import { tooComplex } from './limits.ts';
import type { Caller, TokenVerifier } from './identity.ts';
import { createServiceLogger, type Logger } from './logging.ts';
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
  type SubgraphSecurity,
} from './subgraph-security.ts';
import {
  isJsonContentType,
  listen,
  readBody,
  requestIdOf,
  requestParams,
  sendJson,
  UNSUPPORTED_BODY_MESSAGE,
} from './subgraph-http.ts';
import { serveGraphQLOverWebSocket } from './subgraph-websocket.ts';

// Split by concern: error masking (error-masking.ts), graphql-ws (subgraph-websocket.ts), plain
// HTTP helpers (subgraph-http.ts). Exported from here as before.
export { maskError } from './error-masking.ts';
export { listen } from './subgraph-http.ts';

/** The header a request's id travels in; the gateway sends the id of the client request it serves. */

export interface SubgraphServerOptions<TContext extends BaseContext> {
  /** Used in logs only. */
  name: string;
  schema: GraphQLSchema;
  verifier: TokenVerifier;
  /**
   * Builds the per-request context (loaders live here, never at module level). `requestId` is the
   * id of the HTTP request served (the gateway's `x-request-id`), for calls the subgraph makes
   * on its behalf; an operation over graphql-ws has none.
   */
  createContext: (caller: Caller, transport: 'http' | 'ws', requestId?: string) => TContext;
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
  /** The subgraph's change record, served on `/changes` to the gateway's response cache (change-feed.ts). */
  changes?: ChangeSource | undefined;
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
  const feed = options.changes
    ? createChangeFeed(options.name, options.changes, options.security?.signingSecret)
    : null;
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
      // Nothing sets or reads cache hints (no @cacheControl; the gateway's response cache keys on
      // visibility and change records), yet the default plugin hooks every field resolver; the
      // `no-store` it would answer with is set below instead.
      ApolloServerPluginCacheControlDisabled(),
      operationMetricsPlugin(metrics.operations),
      subscriptionsOverWebSocketOnly,
      errorsOfRequests,
      contentTypeByAccept,
      ...(feed ? [feed.plugin] : []),
    ],
    formatError: (formatted, error) =>
      maskError(
        formatted,
        error,
        log,
        typeof error === 'object' && error ? requestOfError.get(error) : undefined,
      ),
  });
  await apollo.start();
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  const security = options.security ?? {};
  checkEntityRepresentations(options.schema);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // What nearly every request asks for, without parsing a URL each time (it has no query string).
    const url = req.url === '/graphql' ? GRAPHQL_PATH : new URL(req.url ?? '/', 'http://subgraph');
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
    const requestId = requestIdOf(req);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    // What `errorsOfRequests` reads (the id is generated when the caller sent none).
    headers.set(REQUEST_ID_HEADER, requestId);
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
    if (containsNul(raw) || (url.search !== '' && [...url.searchParams.values()].some(containsNul))) {
      return sendJson(res, 400, {
        errors: [{ message: nulRefused().message, extensions: { code: ErrorCode.BadUserInput } }],
      });
    }
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const execute = () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () =>
          options.createContext(await options.verifier.verify(req.headers.authorization), 'http', requestId),
      });
    const response = tracing
      ? await inServerSpan(
          req.headers,
          `graphql ${options.name}`,
          { 'cadg.subgraph': options.name, 'cadg.request_id': requestId },
          execute,
        )
      : await execute();
    if (logger.isLevelEnabled('debug'))
      logger.debug({ requestId, method: req.method, status: response.status ?? 200 }, 'graphql request');
    res.statusCode = response.status ?? 200;
    for (const [key, value] of response.headers) res.setHeader(key, value);
    if (!response.headers.has('cache-control')) res.setHeader('cache-control', 'no-store');
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const inFlight = new InFlightRequests();
  const httpServer = createServer((req, res) => {
    // Before admission: a feed stays open for good and must not hold up draining.
    if (feed?.serve(req, res)) return;
    if (!inFlight.admit(req, res)) return;
    handle(req, res).catch((error: unknown) => {
      log('request failed', { error: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error.' }] });
      else res.destroy();
    });
  });

  Object.assign(httpServer, SERVER_TIMEOUTS);

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
      feed?.close();
      await sockets?.close();
      await inFlight.drain(options.drainTimeoutMs ?? drainTimeoutFromEnv(process.env));
      await apollo.stop();
      httpServer.closeAllConnections();
      await closed;
      await metricsServer?.close();
    },
  };
}

/** `/graphql` parsed once; never changed (handlers only read it). */
const GRAPHQL_PATH: Readonly<URL> = new URL('/graphql', 'http://subgraph');

/**
 * Idle keep-alive sockets stay open longer than the gateway keeps them (Node's global agent, which
 * the gateway's fetch uses, closes a socket idle for 5 s, or sooner if the server's `Keep-Alive`
 * hint says so): with Node's default of 5 s on both sides, the server's hint capped the pool at 5 s
 * and a socket closing on the server could be picked by the gateway at the same moment. Headers
 * must be allowed longer than keep-alive (Node's rule).
 */
const SERVER_TIMEOUTS = { keepAliveTimeout: 65_000, headersTimeout: 66_000 } as const;

/**
 * The request each error arose in, for masking: Apollo Server hands `formatError` the error alone,
 * and the id no longer lives in an AsyncLocalStorage (logging.ts says why). Apollo passes the same
 * error objects to `didEncounterErrors` and then to `formatError`; a WeakMap lets them go with
 * their response.
 */
const requestOfError = new WeakMap<object, string>();

/** Records which request (`x-request-id`, set on every request above) errors belong to. */
const errorsOfRequests: ApolloServerPlugin = {
  async requestDidStart() {
    return RECORD_ERRORS;
  },
};
const RECORD_ERRORS = {
  async didEncounterErrors({ request, errors }: GraphQLRequestContextDidEncounterErrors<BaseContext>) {
    const requestId = request.http?.headers.get(REQUEST_ID_HEADER);
    if (requestId) for (const error of errors) requestOfError.set(error, requestId);
  },
};

/** What Apollo Server answers a single result with, by preference (its own list, in its order). */
const SINGLE_RESULT_TYPES = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'application/json; callbackSpec=1.0; charset=utf-8',
];
/** The type chosen per `accept` header seen; a gateway sends the same one on every call. */
const chosenTypes = new Map<string, string | null>();
const MAX_ACCEPT_HEADERS = 64;

/**
 * The response's content type for a request's `accept` header, as Apollo Server negotiates it
 * (none for a header that accepts none of them: Apollo then answers 406 itself).
 */
function singleResultContentType(accept: string | undefined): string | null {
  if (!accept) return SINGLE_RESULT_TYPES[0]!;
  let chosen = chosenTypes.get(accept);
  if (chosen === undefined) {
    chosen = new Negotiator({ headers: { accept } }).mediaType(SINGLE_RESULT_TYPES) ?? null;
    if (chosenTypes.size < MAX_ACCEPT_HEADERS) chosenTypes.set(accept, chosen);
  }
  return chosen;
}

/**
 * Sets a single result's content type before Apollo Server negotiates one: it parses the `accept`
 * header anew for every response (with `negotiator`, a visible share of a subgraph call's CPU,
 * issue #23), while a subgraph's callers send one or two distinct headers. Answers it has no
 * single result for (incremental delivery, errors before the operation ran) it still negotiates.
 */
const contentTypeByAccept: ApolloServerPlugin = {
  async requestDidStart() {
    return SET_CONTENT_TYPE;
  },
};
const SET_CONTENT_TYPE = {
  async willSendResponse({ request, response }: GraphQLRequestContextWillSendResponse<BaseContext>) {
    if (response.body.kind !== 'single' || response.http.headers.has('content-type')) return;
    const type = singleResultContentType(request.http?.headers.get('accept'));
    if (type) response.http.headers.set('content-type', type);
  },
};

/**
 * Apollo Server would run a subscription sent over HTTP with `execute`, which cannot answer one; it
 * is refused as the client's mistake, with the way to do it right.
 */
const subscriptionsOverWebSocketOnly: ApolloServerPlugin = {
  async requestDidStart() {
    return REFUSE_SUBSCRIPTIONS;
  },
};
// One listener for every request, as the plugins above have: nothing in it is per request.
const REFUSE_SUBSCRIPTIONS = {
  async didResolveOperation({ operation }: GraphQLRequestContextDidResolveOperation<BaseContext>) {
    if (operation?.operation !== 'subscription') return;
    throw new GraphQLErrorClass('Subscriptions run over graphql-ws (a websocket on this path), not HTTP.', {
      extensions: { code: RequestErrorCode.BadRequest, http: { status: 400 } },
    });
  },
};
