import {
  databaseFromEnv,
  dataDirFromEnv,
  seedDatabase,
  SUBGRAPH_ROLES,
  subgraphDatabasesFromEnv,
} from '@cadg/db';
import { ensureDashboardBuilt } from '@cadg/dashboard';
import { dashboardOidcFromEnv, protectionFromEnv, subgraphs } from '@cadg/gateway';
import {
  closeOnSignals,
  createTokenVerifier,
  identityConfigFromEnv,
  portFromEnv,
  portVariableOf,
  servicePortFromEnv,
  startTracingFromEnv,
} from '@cadg/platform';
import { startStack } from './stack.ts';

// `npm start`: the whole graph in one process, for trying it out and for development.
const started = performance.now();
const env = process.env;
// Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set; one service name for the whole in-process graph.
const tracing = startTracingFromEnv(env, 'cadg-graph');
const dataDir = dataDirFromEnv(env);
const database = await databaseFromEnv(env);
await database.migrate();
await seedDatabase(database.db);
// On PostgreSQL each subgraph gets a pool of its own role's connections, so the database keeps it
// to its own schema even here; PGlite is one connection, and so one role, for all four.
const databases = database.kind === 'postgres' ? await subgraphDatabasesFromEnv(env) : {};
const identity = identityConfigFromEnv(env, dataDir);
const verifier = await createTokenVerifier(identity);

const ports: Record<string, number> = { gateway: servicePortFromEnv(env, 'gateway') };
for (const subgraph of subgraphs) {
  ports[subgraph.name] = portFromEnv(env, portVariableOf(subgraph.name), subgraph.defaultPort);
}
const protection = await protectionFromEnv(env);
// The dashboard is built from source, here, when there is no build or its sources are newer.
await ensureDashboardBuilt();
const stack = await startStack({
  database,
  databases,
  verifier,
  host: env['HOST'] || '127.0.0.1',
  ports,
  protection,
  // Dev sign-in in the embedded default; OpenID Connect when DASHBOARD_OIDC_CLIENT_ID is set.
  dashboard: { devKeyDir: identity.devKeyDir, devIssuer: identity, oidc: dashboardOidcFromEnv(env) },
});

const roles = Object.values(SUBGRAPH_ROLES).join(', ');
const lines = [
  `China–ASEAN cooperation graph ready in ${Math.round(performance.now() - started)} ms`,
  `  database  ${database.kind === 'postgres' ? `PostgreSQL, each subgraph as its own role (${roles})` : `PGlite in ${dataDir}/pglite (one role)`}`,
  `  gateway   ${stack.gatewayUrl}   (GraphiQL in a browser; graphql-ws on the same path)`,
  `  dashboard ${new URL('/dashboard/', stack.gatewayUrl)}`,
  ...Object.entries(stack.subgraphUrls).map(([name, url]) => `  ${name.padEnd(9)} ${url}`),
  identity.devKeyDir
    ? `  tokens    npm run token -- --org my-mycert --roles ORG_ADMIN,MEMBER`
    : `  tokens    from your identity provider (${identity.issuer})`,
];
console.log(lines.join('\n'));

closeOnSignals(async () => {
  await stack.close();
  await Promise.all(Object.values(databases).map((d) => d.close()));
  await database.close();
  await tracing?.shutdown();
});
