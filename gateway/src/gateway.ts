import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import {
  DEFAULT_DRAIN_TIMEOUT_MS,
  InFlightRequests,
  isTracingEnabled,
  listenForMetrics,
  METRICS_PATH,
  type DrainLimits,
  type MetricsServer,
  type TokenVerifier,
} from '@cadg/platform';
import httpTransport from '@graphql-mesh/transport-http';
import { useClientAuthentication, type GatewayContextAdditions } from './authentication.ts';
import { ClientAddresses } from './client-address.ts';
import { CorsPolicy, type CorsOrigins } from './cors.ts';
import { createErrorMasking, REQUEST_ID_HEADER, UNEXPECTED_ERROR_MESSAGE } from './error-masking.ts';
import { checkReadiness } from './health.ts';
import { createGatewayMetrics } from './metrics.ts';
import type { Registry } from 'prom-client';
import { useTracing } from './tracing.ts';
import { bodySizeRefusal, useGraphQLResponseStatus, useHttpRequestChecks } from './http-requests.ts';
import { createGatewayLogger, gatewayLogFormat, type GatewayLogging } from './logging.ts';
import { DEFAULT_LIMITS, operationLimitPlugins, type OperationLimits } from './limits.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rate-limit.ts';
import { trustedDocumentsFor, type TrustedDocumentsMode } from './trusted-documents.ts';
import { pathOf } from './http-paths.ts';
import { useNodeOwnerChecks } from './node-ids.ts';
import { subgraphUrlsInSupergraph, transportEntriesFor } from './subgraph-transports.ts';
import { serveGraphQLOverWebSocket } from './websocket.ts';
import { DEFAULT_WEBSOCKET_CAPS, type WebSocketCaps } from './websocket-caps.ts';
import { upstreamWebSocketTransport } from './upstream-websocket.ts';
import { useSubgraphCalls } from './subgraph-calls.ts';
import { createGraphiQLCaching, withCompression } from './http-compression.ts';
import { useMultipartSubscriptions } from './multipart-subscriptions.ts';
import { DEFAULT_REQUEST_TIMEOUT_MS, useRequestTimeout } from './request-deadline.ts';
import { useNoStaleSubscriptionData } from './subscription-results.ts';
import { useNullDataOfFieldErrors } from './execution-results.ts';
import { SubscriptionSharing } from './shared-subscriptions.ts';
import { queryPlannerOptions, type QueryPlanner } from './query-planner.ts';
import { isTaxiiInboxPath, isTaxiiPath, serveTaxii } from './taxii/server.ts';
import { isMispFeedPath, serveMispFeed } from './misp/server.ts';
import { PHISHING_WEBHOOK_PATH, receivePhishingVerdict } from './webhooks/phishing.ts';
import { serveVerifyContactPage, VERIFY_CONTACT_PATH } from './verify-contact-page.ts';
import type { DashboardHandler } from './dashboard-assets.ts';
import { createResponseCache, type ResponseCacheOptions } from './response-cache/index.ts';

/** The path clients send GraphQL to, over HTTP and graphql-ws. */
export const GRAPHQL_PATH = '/graphql';

export interface GatewayOptions {
  /** The composed supergraph SDL (see compose.ts). */
  supergraphSdl: string;
  /**
   * Subgraph URLs by subgraph name, overriding those baked into the supergraph, so ports and hosts
   * are configuration. Subgraphs left out keep their baked URL; names the supergraph does not
   * route to are ignored.
   * @default {}
   */
  subgraphUrls?: Readonly<Record<string, string>> | undefined;
  /** Verifies callers' bearer tokens (`createTokenVerifier` from `@cadg/platform`). */
  verifier: TokenVerifier;
  /** Time limit of each subgraph query or mutation call; subscriptions stay open. @default 10000 */
  subgraphTimeoutMs?: number | undefined;
  /** Resends of a subgraph query after a connection error (SUBGRAPH_RETRIES). @default 1 */
  subgraphRetries?: number | undefined;
  /** Overall time limit of an HTTP request (REQUEST_TIMEOUT_MS). @default 30000 */
  requestTimeoutMs?: number | undefined;
  /**
   * Serve GraphiQL to browsers that open the GraphQL path.
   * @default true
   */
  graphiql?: boolean | undefined;
  /**
   * `false` silences the gateway (tests), a level sets the threshold, or a sink sends logs to
   * writers of your own. Credentials are redacted in every case (see logging.ts).
   * @default LOG_LEVEL (info) to standard output, as LOG_FORMAT says (JSON off a terminal and in production)
   */
  logging?: GatewayLogging | undefined;
  /**
   * Production mode: no GraphiQL, no field suggestions, introspection for authenticated callers only
   * (unless `introspection` says otherwise).
   * @default false
   */
  production?: boolean | undefined;
  /** Limits on operations and requests. @default DEFAULT_LIMITS */
  limits?: OperationLimits | undefined;
  /**
   * Who may introspect: everyone, authenticated callers only, or nobody.
   * @default 'on', or 'authenticated' in production
   */
  introspection?: 'on' | 'authenticated' | 'off' | undefined;
  /** Trusted documents: the mode and the id → document manifest. @default off */
  trustedDocuments?: { mode: TrustedDocumentsMode; manifest: Readonly<Record<string, string>> } | undefined;
  /** Per-caller request rate; `null` turns it off. @default DEFAULT_RATE_LIMIT */
  rateLimit?: RateLimitOptions | null | undefined;
  /**
   * How long `close()` waits for in-flight HTTP requests before cutting them off.
   * @default 8000
   */
  drainTimeoutMs?: number | undefined;
  /**
   * When a graphql-ws client counts as too slow and is disconnected (close code 4413; it resumes
   * with its last cursor).
   * @default DEFAULT_DRAIN_LIMITS
   */
  drainLimits?: DrainLimits | undefined;
  /** The Rust (Hive Router) or JavaScript query planner (see query-planner.ts). @default 'rust' */
  queryPlanner?: QueryPlanner | undefined;
  /**
   * The secret shared with the subgraphs: every subgraph call (HTTP and graphql-ws) and readiness
   * probe is signed with it (Hive's HMAC upstream signature), so subgraphs can tell the gateway from
   * direct callers. Required in production, where subgraphs refuse unsigned requests.
   * @default none: calls go unsigned and get the limits of direct callers
   */
  subgraphSigningSecret?: string | undefined;
  /**
   * Browser origins allowed to read responses (see cors.ts): `'*'` for any, without credentials,
   * or exact origins, which also get credentials. `null` is never allowed.
   * @default '*', or none in production
   */
  corsOrigins?: CorsOrigins | undefined;
  /**
   * Where clients reach the gateway, e.g. `https://graph.example.org`: the base of the URLs it
   * hands out (TAXII discovery). Never taken from a request's `Host` or `X-Forwarded-*`.
   * @default the URL it listens on
   */
  publicUrl?: string | undefined;
  /**
   * Proxies in front of the gateway, as IP addresses or CIDR ranges: only a request from one of
   * them has its `X-Forwarded-For` read, for the client address that rate limits and graphql-ws
   * caps count by.
   * @default [] (the peer address is the client)
   */
  trustProxy?: readonly string[] | undefined;
  /** Per-client caps on graphql-ws connections and operations; `null` turns them off. @default DEFAULT_WEBSOCKET_CAPS */
  webSocketCaps?: WebSocketCaps | null | undefined;
  /**
   * Serve `/metrics` on a server of its own on this port (0 picks one), and not on the public
   * port; `null` serves it on the public port. Left out, a production gateway serves no metrics
   * at all (`protectionFromEnv` gives it 9464) and any other serves them on the public port.
   * `false` serves none (a worker of GATEWAY_WORKERS: its primary serves every worker's together).
   * @default null, or no metrics in production
   */
  metricsPort?: number | null | false | undefined;
  /** Serves the partner dashboard under `/dashboard/` (see dashboard-assets.ts). @default not served */
  dashboard?: DashboardHandler | undefined;
  /** The visibility-scoped response cache (response-cache/); `null` or absent: none. */
  responseCache?: ResponseCacheOptions | null | undefined;
}

/** A gateway that is built but not necessarily listening. */
export interface Gateway {
  /** The node:http server answering GraphQL, graphql-ws, `/healthz` and `/readyz`. */
  readonly httpServer: Server;
  /** The gateway's metrics, wherever (and whether) they are served. */
  readonly metricsRegistry: Registry;
  /**
   * Loads the supergraph, then starts listening; port 0 picks a free port. Rejects when the port
   * is taken or the supergraph cannot be served.
   * The metrics server, when there is one, listens on the same host.
   * @returns the URL of the GraphQL endpoint (with `localhost` for wildcard hosts), and where
   *   `/metrics` answers, if anywhere.
   */
  listen(port: number, host?: string): Promise<{ url: string; metricsUrl?: string }>;
  /**
   * Closes websockets with 1001 Going Away, stops the HTTP server and disposes the runtime (which
   * otherwise keeps the process alive and swallows SIGTERM). Safe to call more than once.
   */
  close(): Promise<void>;
}

// Serialized once: liveness answers must cost nothing.
const HEALTHY_BODY = JSON.stringify({ status: 'ok' });

/**
 * Builds the federated gateway on the Hive Gateway runtime: GraphQL over HTTP (GET and POST) and
 * GraphiQL on `/graphql`, graphql-ws on the same path, identity verified per operation and
 * forwarded to subgraphs, errors masked, and liveness (`/healthz`) and readiness (`/readyz`).
 */
export function createGateway(options: GatewayOptions): Gateway {
  const { verifier } = options;
  const log = createGatewayLogger(options.logging, gatewayLogFormat(options.production ?? false));
  const metrics = createGatewayMetrics();
  const masking = createErrorMasking();
  const graphiqlCaching = createGraphiQLCaching();
  const production = options.production ?? false;
  const signingSecret = options.subgraphSigningSecret;
  if (production && !signingSecret) {
    throw new Error('A production gateway needs subgraphSigningSecret: subgraphs refuse unsigned calls.');
  }
  const limits = options.limits ?? DEFAULT_LIMITS;
  const introspection = options.introspection ?? (production ? 'authenticated' : 'on');
  const rateLimit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  const rateLimiter = rateLimit ? new RateLimiter(rateLimit) : null;
  const cors = new CorsPolicy(options.corsOrigins ?? (production ? [] : '*'));
  const clientAddresses = new ClientAddresses(options.trustProxy ?? []);
  const webSocketCaps = options.webSocketCaps === undefined ? DEFAULT_WEBSOCKET_CAPS : options.webSocketCaps;
  // undefined in production: metrics nowhere rather than on the public port.
  const metricsPort = options.metricsPort === undefined && !production ? null : options.metricsPort;
  let metricsServer: MetricsServer | undefined;
  const trustedDocuments = trustedDocumentsFor(
    options.trustedDocuments?.mode ?? 'off',
    options.trustedDocuments?.manifest ?? {},
  );

  const subscriptionSharing = new SubscriptionSharing();

  const bakedUrls = subgraphUrlsInSupergraph(options.supergraphSdl);
  const overrides = Object.fromEntries(
    Object.entries(options.subgraphUrls ?? {}).filter(([name]) => name in bakedUrls),
  );
  const subgraphUrls: Readonly<Record<string, string>> = { ...bakedUrls, ...overrides };
  const cache =
    options.responseCache &&
    createResponseCache(options.responseCache, subgraphUrls, signingSecret, log, metrics.registry);

  const runtime = createGatewayRuntime<GatewayContextAdditions>({
    supergraph: options.supergraphSdl,
    graphqlEndpoint: GRAPHQL_PATH,
    transports: { http: httpTransport, ws: upstreamWebSocketTransport },
    transportEntries: transportEntriesFor(overrides),
    maskedErrors: { maskError: masking.maskError, errorMessage: UNEXPECTED_ERROR_MESSAGE },
    requestId: { headerName: REQUEST_ID_HEADER, generateRequestId: masking.generateRequestId },
    // Subgraph errors keep the code the subgraph gave them (no DOWNSTREAM_SERVICE_ERROR relabelling);
    // masking then decides which codes clients see.
    subgraphErrors: false,
    // Every subgraph call signed (Hive's HMAC upstream signature), through the runtime's own option:
    // it takes only the options, so no plugin crosses from the package's bundled declarations, whose
    // inlined copy of @graphql-hive/logger's `Logger` (a class with `#private`) never unifies with
    // ours. The signature covers the call's document and variables, which no plugin of ours changes,
    // so it does not matter that the runtime runs this plugin before those listed in `plugins`.
    ...(signingSecret ? { hmacSignature: { secret: signingSecret } } : {}),
    graphiql: options.graphiql ?? !production,
    // GraphiQL's scripts and styles come inlined from the npm package, not from a CDN: it works offline.
    renderGraphiQL: graphiqlCaching.render,
    landingPage: false,
    // @defer and @stream, split by the gateway (subgraphs answer plain calls), sent as multipart/mixed.
    deferStream: true,
    // The HTTP server applies the CORS policy to every response (see cors.ts).
    cors: false,
    logging: log,
    batching: { limit: limits.maxBatch },
    ...queryPlannerOptions(options.queryPlanner),
    ...(trustedDocuments.persistedDocuments
      ? { persistedDocuments: trustedDocuments.persistedDocuments }
      : {}),
    ...(introspection === 'on'
      ? {}
      : {
          disableIntrospection: {
            disableIf: ({ context }) =>
              introspection === 'off' || !context.request.headers.get('authorization'),
          },
        }),
    plugins: () => [
      // First, so an operation's latency includes every other plugin's work.
      metrics.plugin,
      useRequestTimeout(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      useSubgraphCalls({ timeoutMs: options.subgraphTimeoutMs, retries: options.subgraphRetries }),
      ...(isTracingEnabled() ? [useTracing()] : []),
      useClientAuthentication(verifier, rateLimiter, clientAddresses),
      ...operationLimitPlugins(limits, { production }),
      useHttpRequestChecks(),
      useGraphQLResponseStatus(),
      useNullDataOfFieldErrors(),
      useNodeOwnerChecks(),
      trustedDocuments.plugin,
      masking.plugin,
      graphiqlCaching.plugin,
      useNoStaleSubscriptionData(),
      useMultipartSubscriptions(),
      subscriptionSharing.plugin(),
      // Last: it looks up only operations every other plugin has let through.
      ...(cache ? [cache.plugin] : []),
    ],
  });
  keepShutdownOrderInOurHands();

  const inFlight = new InFlightRequests();
  const handleRequest = (req: IncomingMessage, res: ServerResponse) => {
    const path = pathOf(req);
    if (path === '/healthz') return sendJson(res, 200, HEALTHY_BODY);
    if (cors.apply(req, res)) return;
    if (!inFlight.admit(req, res)) return;
    if (path === '/readyz') return void answerReadiness(res, subgraphUrls, signingSecret);
    if (path === METRICS_PATH && metricsPort === null) return metrics.serve(res);
    const refusal = isTaxiiInboxPath(path) ? null : bodySizeRefusal(req, limits.maxBodyBytes);
    if (refusal) return sendJson(res, refusal.status, refusal.body);
    if (isTaxiiPath(path)) return void serveTaxii(runtime, req, res, publicUrl());
    if (isMispFeedPath(path)) return void serveMispFeed(runtime, req, res, path);
    if (path === PHISHING_WEBHOOK_PATH) return void receivePhishingVerdict(runtime, req, res);
    if (path === VERIFY_CONTACT_PATH) return void serveVerifyContactPage(runtime, req, res);
    if (options.dashboard?.(req, res, path)) return;
    if (path === GRAPHQL_PATH && graphiqlCaching.notModified(req, res)) return;
    if (path === GRAPHQL_PATH && cache)
      return cache.answerNotModified(req, res, () => runtime.requestListener(req, res));
    return runtime.requestListener(req, res);
  };
  const httpServer = createServer(withCompression(handleRequest));
  /** The configured public URL, or the one the gateway listens on (requests come only once it does). */
  const publicUrl = () => options.publicUrl ?? baseUrlOf(httpServer.address() as AddressInfo);
  const webSocketServer = serveGraphQLOverWebSocket(httpServer, runtime, verifier, {
    drainLimits: options.drainLimits,
    maxPayload: limits.maxBodyBytes,
    metrics,
    caps: webSocketCaps,
    clientAddresses,
    maskError: masking.maskError,
    log,
  });
  metrics.observeWebSockets({
    connections: () => webSocketServer.connections,
    subscriptions: () => subscriptionSharing.subscribers,
    streams: () => subscriptionSharing.streams,
  });

  let closing: Promise<void> | undefined;
  async function shutDown(): Promise<void> {
    // Stop accepting connections, tell websocket clients we are going (1001), and let requests
    // already being answered finish, up to the drain timeout.
    const serverClosed = httpServer.listening
      ? new Promise<void>((resolve) => httpServer.close(() => resolve()))
      : Promise.resolve();
    httpServer.closeIdleConnections();
    const drained = inFlight.drain(options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS);
    await webSocketServer.close();
    await drained;
    // Aborts whatever is still running (only after the drain timeout), so close cannot hang.
    await runtime.dispose();
    await cache?.close();
    httpServer.closeAllConnections();
    await serverClosed;
    await metricsServer?.close();
  }

  return {
    httpServer,
    metricsRegistry: metrics.registry,
    async listen(port, host) {
      // The runtime loads the supergraph lazily, on the first HTTP request. graphql-ws operations do
      // not trigger that load and would meet no schema, so load it before the first client arrives
      // (which also makes a broken supergraph fail here, not on a client's request).
      await runtime.getSchema();
      await cache?.start();
      const base = await new Promise<string>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve(baseUrlOf(httpServer.address() as AddressInfo));
        });
      });
      if (typeof metricsPort === 'number') {
        metricsServer = await listenForMetrics(metrics.registry, metricsPort, host);
      }
      const metricsUrl = metricsPort === null ? `${base}${METRICS_PATH}` : metricsServer?.url;
      return { url: `${base}${GRAPHQL_PATH}`, ...(metricsUrl ? { metricsUrl } : {}) };
    },
    close() {
      closing ??= shutDown();
      return closing;
    },
  };
}

/**
 * The runtime's HTTP adapter disposes itself on SIGTERM/SIGINT (a process-wide `terminateHandler`
 * registered when the runtime is created). That would abort requests in flight the moment the
 * signal arrives; `close()` disposes the runtime itself, after draining, so that handler goes.
 */
function keepShutdownOrderInOurHands(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    for (const listener of process.listeners(signal)) {
      if (listener.name === 'terminateHandler') process.off(signal, listener);
    }
  }
}

function sendJson(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

async function answerReadiness(
  res: ServerResponse,
  subgraphUrls: Readonly<Record<string, string>>,
  signingSecret: string | undefined,
) {
  const readiness = await checkReadiness(subgraphUrls, { signingSecret });
  sendJson(res, readiness.status === 'ready' ? 200 : 503, JSON.stringify(readiness));
}

function baseUrlOf({ address, family, port }: AddressInfo): string {
  if (address === '0.0.0.0' || address === '::') return `http://localhost:${port}`;
  return family === 'IPv6' ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}
