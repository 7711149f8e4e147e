import { createTokenVerifier, identityConfigFromEnv, type TokenVerifier } from './identity.ts';
import { createServiceLogger } from './logging.ts';
import { servicePortFromEnv, type ServiceName } from './ports.ts';
import { closeOnSignals } from './service.ts';
import { subgraphSecurityFromEnv, type SubgraphSecurity } from './subgraph-security.ts';
import { startTracingFromEnv } from './tracing.ts';

/**
 * What every subgraph server is built from: `create<Name>Server(options)` in each
 * `subgraphs/<name>/src/server.ts` takes these (and its own extras), so the entry point below, the
 * all-in-one runner and the tests build all four the same way.
 */
export interface SubgraphServerBaseOptions<TDatabase> {
  /** The subgraph's database (connected as its own role in production; see docs/security.md). */
  database: TDatabase;
  verifier: TokenVerifier;
  /**
   * Who counts as the gateway and what direct callers may do (see subgraph-security.ts).
   * @default no secret: unsigned, with DEFAULT_LIMITS for direct callers
   */
  security?: SubgraphSecurity | undefined;
}

/** A subgraph server as its entry point runs it. */
interface RunnableServer {
  listen(port: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
}

/** How one subgraph's production entry point (`subgraphs/<name>/src/index.ts`) starts it. */
export interface SubgraphEntry<TDatabase extends { close(): Promise<void> }> {
  name: Exclude<ServiceName, 'gateway'>;
  /** Opens its database as its own role (db's `subgraphDatabaseFromEnv`). */
  openDatabase(env: NodeJS.ProcessEnv): Promise<TDatabase>;
  /** Where the development signing keys live when no issuer is configured (db's `dataDirFromEnv`). */
  dataDir: string;
  create(options: SubgraphServerBaseOptions<TDatabase>): Promise<RunnableServer>;
}

/**
 * The production entry point of a subgraph, one replica: tracing first (off unless
 * OTEL_EXPORTER_OTLP_ENDPOINT is set), its database, the token verifier, the server on
 * `<NAME>_PORT` (ports.ts) and HOST, a ready line, and an orderly close on SIGTERM/SIGINT.
 * Run as many replicas as needed against one PostgreSQL.
 */
export async function runSubgraph<TDatabase extends { close(): Promise<void> }>(
  entry: SubgraphEntry<TDatabase>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const tracing = startTracingFromEnv(env, entry.name);
  const database = await entry.openDatabase(env);
  const verifier = await createTokenVerifier(identityConfigFromEnv(env, entry.dataDir));
  const server = await entry.create({ database, verifier, security: subgraphSecurityFromEnv(env) });
  const { url } = await server.listen(servicePortFromEnv(env, entry.name), env['HOST'] || '0.0.0.0');
  createServiceLogger(entry.name).info({ url }, `${entry.name} subgraph ready at ${url}`);
  closeOnSignals(async () => {
    await server.close();
    await database.close();
    await tracing?.shutdown();
  });
}
