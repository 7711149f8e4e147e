/**
 * Production entry (`npm start -w @cadg/gateway`): serves the committed supergraph.
 *
 * Environment: GATEWAY_PORT (4000), HOST (0.0.0.0), SUPERGRAPH_FILE (schema/supergraph.graphql),
 * <NAME>_URL per subgraph (e.g. CONTACTS_URL, default http://localhost:<port>/graphql),
 * DATA_DIR (./.data, where the dev issuer's key lives), the AUTH_* identity variables, and the
 * protections (GATEWAY_MODE, LIMIT_*, INTROSPECTION, TRUSTED_DOCUMENTS, RATE_LIMIT*, CORS_ORIGINS,
 * PUBLIC_URL, TRUST_PROXY, WS_MAX_*, METRICS_PORT: see config.ts), DASHBOARD_DIR (dashboard/dist,
 * the partner dashboard's build, served at /dashboard/), GATEWAY_WORKERS (1; more forks that many
 * processes sharing the port, see workers.ts).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  closeOnSignals,
  createTokenVerifier,
  drainTimeoutFromEnv,
  identityConfigFromEnv,
  metricsPortFromEnv,
  productionFromEnv,
  servicePortFromEnv,
  shutdownDeadlineFromEnv,
  startTracingFromEnv,
} from '@cadg/platform';
import { createGatewayLogger, gatewayLogFormat } from './logging.ts';
import { gatewayWorkersFromEnv, isGatewayWorker, runGatewayPrimary, serveAsWorker } from './workers.ts';

const env = process.env;
const workers = gatewayWorkersFromEnv(env);
const host = env['HOST'] || '0.0.0.0';
const dataDir = resolve(env['DATA_DIR'] || './.data');
// A log line like any other: JSON when standard output is not a terminal or in production.
const log = createGatewayLogger(true, gatewayLogFormat(productionFromEnv(env)));

if (workers > 1 && !isGatewayWorker()) {
  // The primary serves no GraphQL. It makes the dev issuer's key (when that is the issuer) before
  // forking, so the workers read one key instead of racing to create it.
  await createTokenVerifier(identityConfigFromEnv(env, dataDir));
  await runGatewayPrimary({
    workers,
    metricsPort: metricsPortFromEnv(env, productionFromEnv(env)),
    host,
    log,
    shutdownDeadlineMs: shutdownDeadlineFromEnv(env),
  });
} else {
  await serveGateway();
}

async function serveGateway(): Promise<void> {
  // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const tracing = startTracingFromEnv(env, 'gateway');
  // Loaded here, not above: a GATEWAY_WORKERS primary never serves GraphQL, so it stays small
  // (about 85 MiB resident instead of 300 with the runtime loaded).
  const [
    { protectionFromEnv },
    { createDashboardHandler, dashboardOidcFromEnv },
    { createGateway },
    subgraphList,
  ] = await Promise.all([
    import('./config.ts'),
    import('./dashboard-assets.ts'),
    import('./gateway.ts'),
    import('./subgraphs.ts'),
  ]);
  const { defaultUrlOf, subgraphs, supergraphFile, urlVariableOf } = subgraphList;
  const port = servicePortFromEnv(env, 'gateway');
  const supergraphSdl = await readFile(env['SUPERGRAPH_FILE'] || supergraphFile, 'utf8');
  const subgraphUrls = Object.fromEntries(
    subgraphs.map((subgraph) => [subgraph.name, env[urlVariableOf(subgraph)] || defaultUrlOf(subgraph)]),
  );
  const verifier = await createTokenVerifier(identityConfigFromEnv(env, dataDir));
  const protection = await protectionFromEnv(env);

  const gateway = createGateway({
    supergraphSdl,
    subgraphUrls,
    verifier,
    drainTimeoutMs: drainTimeoutFromEnv(env),
    ...protection,
    // A worker's metrics are served by its primary, together with the other workers'.
    ...(isGatewayWorker() ? { metricsPort: false as const } : {}),
    // The partner dashboard's build (DASHBOARD_DIR, default dashboard/dist), without the dev sign-in;
    // people sign in at the OpenID Connect provider when DASHBOARD_OIDC_CLIENT_ID is set.
    dashboard: createDashboardHandler({
      dir: env['DASHBOARD_DIR'] || undefined,
      oidc: dashboardOidcFromEnv(env),
    }),
  });
  const { url, metricsUrl } = await gateway.listen(port, host);
  if (isGatewayWorker()) {
    serveAsWorker(gateway.metricsRegistry, url);
    log.info({ url, pid: process.pid }, `Gateway worker ${process.pid} listening`);
  } else {
    log.info({ url, ...(metricsUrl ? { metricsUrl } : {}) }, `Gateway ready at ${url}`);
  }

  // The runtime listens for SIGTERM/SIGINT itself and then keeps the process alive, so shut down
  // here: drain in-flight requests (SHUTDOWN_DRAIN_MS), close websockets with 1001, and exit
  // non-zero if that has not finished by SHUTDOWN_DEADLINE_MS.
  closeOnSignals(async () => {
    await gateway.close();
    await tracing?.shutdown();
  }, shutdownDeadlineFromEnv(env));
}
