import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase } from '@cadg/db/testing';
import { createTokenVerifier, DEFAULT_AUDIENCE, DEV_ISSUER, signDevToken, type Role } from '@cadg/platform';
import { subgraphs, urlVariableOf, type LogSink, type ProtectionOptions } from '@cadg/gateway';
import type { VerificationSettings } from '@cadg/contacts/server';
import type { AlertSettings } from '@cadg/incidents/server';
import { startStack } from '@cadg/stack';
import type { GraphQLFormattedError } from 'graphql';
import { postGraphQL as postRequest } from '../cluster/load.ts';
import { freePorts, ServiceProcess } from '../cluster/processes.ts';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

/** POSTs a GraphQL request to `url` (see cluster/load.ts's `postGraphQL`), typed as the gateway answers. */
export const postGraphQL = <T>(url: string, request: Record<string, unknown>, token?: string) =>
  postRequest<GraphQLResponse<T>>(url, request, token);

/**
 * The whole graph on free ports, on a private copy of the seeded test database, with a dev issuer
 * whose key lives in a temporary directory. Tests talk to it only over HTTP and websockets.
 */
export async function startGraph(
  options: {
    protection?: ProtectionOptions;
    logging?: LogSink;
    alerts?: Partial<AlertSettings>;
    verification?: Partial<VerificationSettings>;
    /** Serve the built dashboard at /dashboard/ (with its dev sign-in outside production). */
    dashboard?: boolean;
  } = {},
) {
  const keyDir = await mkdtemp(join(tmpdir(), 'cadg-e2e-keys-'));
  const testDb = await openTestDatabase();
  const verifier = await createTokenVerifier({
    issuer: DEV_ISSUER,
    audience: DEFAULT_AUDIENCE,
    devKeyDir: keyDir,
  });
  const stack = await startStack({
    database: testDb.database,
    // On PostgreSQL each subgraph runs as its own role, as in production.
    databases: testDb.subgraphDatabases,
    verifier,
    logging: options.logging ?? false,
    protection: options.protection,
    alerts: options.alerts,
    verification: options.verification,
    dashboard: options.dashboard ? { devKeyDir: keyDir } : undefined,
  });
  const gatewayUrl = stack.gatewayUrl;

  return {
    gatewayUrl,
    wsUrl: gatewayUrl.replace(/^http/, 'ws'),
    baseUrl: new URL('/', gatewayUrl).toString(),
    subgraphUrls: stack.subgraphUrls,
    /** `<NAME>_URL` of every subgraph, for a standalone gateway process in front of this graph's subgraphs. */
    subgraphUrlVariables: Object.fromEntries(
      subgraphs.map((subgraph) => [urlVariableOf(subgraph), stack.subgraphUrls[subgraph.name]!]),
    ),
    /** The test's PostgreSQL database (null on PGlite), for starting more processes on it. */
    databaseUrl: testDb.url,
    /** The graph's database, for tests that check what is stored (never to change what is tested). */
    database: testDb.database,
    /** Where the dev issuer's key lives: another process given it as DATA_DIR accepts the same tokens. */
    keyDir,
    token: (org: string | null, roles: Role[], expiresIn = '10m') =>
      signDevToken(keyDir, { sub: `e2e-${org ?? 'none'}-${roles.join('-')}`, org, roles, expiresIn }),
    async query<T = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
      token?: string,
      url = gatewayUrl,
    ): Promise<GraphQLResponse<T> & { status: number }> {
      return postGraphQL<T>(url, { query, variables }, token);
    },
    async close() {
      await stack.close();
      await testDb.dispose();
      await rm(keyDir, { recursive: true, force: true });
    },
  };
}

export type Graph = Awaited<ReturnType<typeof startGraph>>;

/**
 * GATEWAY_MODE=production as the tests start it: signed subgraph calls with a fresh secret, no rate
 * limit (tests send bursts from one address) and, given the manifest, trusted documents enforced.
 */
export function productionProtection(manifest?: Record<string, string>): ProtectionOptions {
  return {
    production: true,
    rateLimit: null,
    subgraphSigningSecret: randomUUID(),
    ...(manifest ? { trustedDocuments: { mode: 'enforce', manifest } } : {}),
  };
}

export const codesOf = (response: { errors?: GraphQLFormattedError[] }): unknown[] =>
  (response.errors ?? []).map((error) => error.extensions?.['code']);

/**
 * Another incidents replica on the graph's PostgreSQL database, its own OS process started from the
 * production entry, as a second replica runs in production (needs DATABASE_URL). `env` adds or
 * overrides variables. The caller kills it when done.
 */
export async function startIncidentsReplica(
  graph: Graph,
  env: Readonly<Record<string, string>> = {},
): Promise<ServiceProcess> {
  const [port] = await freePorts(1);
  const replica = new ServiceProcess({
    name: 'incidents-2',
    entry: 'subgraphs/incidents/src/index.ts',
    port: port!,
    env: {
      ...process.env,
      DATABASE_URL: graph.databaseUrl!,
      DATA_DIR: graph.keyDir,
      HOST: '127.0.0.1',
      INCIDENTS_PORT: String(port),
      CONTACTS_URL: graph.subgraphUrls['contacts']!,
      ...env,
    },
  });
  await replica.start();
  return replica;
}
