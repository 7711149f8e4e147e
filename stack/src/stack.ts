import { randomBytes } from 'node:crypto';
import type { Database } from '@cadg/db';
import { createAipolicyServer } from '@cadg/aipolicy/server';
import { createContactsServer, type VerificationSettings } from '@cadg/contacts/server';
import { createDataflowsServer } from '@cadg/dataflows/server';
import { createIncidentsServer, type AlertSettings } from '@cadg/incidents/server';
import {
  composeFromSchemaFiles,
  createDashboardHandler,
  createGateway,
  type DashboardOptions,
  subgraphs as composedSubgraphs,
  type GatewayLogging,
  type ProtectionOptions,
} from '@cadg/gateway';
import type { SubgraphSecurity, SubgraphServerBaseOptions, TokenVerifier } from '@cadg/platform';

/** What the runner needs of a subgraph server. */
interface Service {
  listen(port: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
}

/**
 * What the runner hands every subgraph: the options each `create<Name>Server` takes (platform's
 * `SubgraphServerBaseOptions`) and the extras some of them read. One object for all four.
 */
interface StackSubgraphOptions extends SubgraphServerBaseOptions<Database> {
  /** The contacts subgraph started before (the gateway's list is alphabetical), for incidents. */
  contactsUrl?: string | undefined;
  /** Alert delivery settings over the environment's (incidents). */
  alerts?: Partial<AlertSettings> | undefined;
  /** Contact-verification settings over the environment's (contacts). */
  verification?: Partial<VerificationSettings> | undefined;
}

/** How the runner builds each subgraph it hosts; a new subgraph joins the stack with one line here. */
const subgraphFactories: Record<string, (options: StackSubgraphOptions) => Promise<Service>> = {
  contacts: createContactsServer,
  aipolicy: createAipolicyServer,
  dataflows: createDataflowsServer,
  incidents: createIncidentsServer,
};

export interface StackOptions {
  /** The database of every subgraph not given one in `databases`. */
  database: Database;
  /**
   * A database per subgraph name, each connected as that subgraph's own PostgreSQL role (see
   * `subgraphDatabasesFromEnv`), so the database itself keeps each subgraph to its own schema.
   */
  databases?: Readonly<Record<string, Database | undefined>> | undefined;
  verifier: TokenVerifier;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string | undefined;
  /** Port per service name (`gateway`, `contacts`, …); 0 or missing picks a free port. */
  ports?: Readonly<Record<string, number>> | undefined;
  /** Gateway logging: `false` for tests, or a sink to capture it. @default LOG_LEVEL and LOG_FORMAT */
  logging?: GatewayLogging | undefined;
  /** Limits, trusted documents, rate limit, production mode (see `protectionFromEnv`). */
  protection?: ProtectionOptions | undefined;
  /** Alert delivery settings over the environment's (see the incidents subgraph's alerts/config.ts). */
  alerts?: Partial<AlertSettings> | undefined;
  /** Contact-verification settings over the environment's (see the contacts subgraph's verification-settings.ts). */
  verification?: Partial<VerificationSettings> | undefined;
  /**
   * Serve the partner dashboard at `/dashboard/`; its dev sign-in (`devKeyDir`) only outside
   * production mode. @default not served
   */
  dashboard?: DashboardOptions | undefined;
}

export interface Stack {
  /** The gateway's GraphQL endpoint. */
  readonly gatewayUrl: string;
  /** Each subgraph's own GraphQL endpoint, by name. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * Starts every subgraph on its own port and the gateway in front of them, in this process, talking
 * real HTTP and websockets to each other: the same servers production runs, only co-located.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const host = options.host ?? '127.0.0.1';
  const servers: Service[] = [];
  const subgraphUrls: Record<string, string> = {};
  // The gateway signs its calls and the subgraphs check them, in every mode: one process starts
  // both, so a fresh secret per start is enough unless SUBGRAPH_SIGNING_SECRET gives one.
  const signingSecret = options.protection?.subgraphSigningSecret ?? randomBytes(32).toString('base64url');
  const security: SubgraphSecurity = {
    signingSecret,
    requireSignature: options.protection?.production ?? false,
    limits: options.protection?.limits,
  };
  try {
    for (const definition of composedSubgraphs) {
      const create = subgraphFactories[definition.name];
      if (!create) throw new Error(`The stack does not know how to start subgraph "${definition.name}".`);
      const database = options.databases?.[definition.name] ?? options.database;
      const server = await create({
        database,
        verifier: options.verifier,
        security,
        contactsUrl: subgraphUrls['contacts'],
        alerts: options.alerts,
        verification: options.verification,
      });
      servers.push(server);
      subgraphUrls[definition.name] = (await server.listen(options.ports?.[definition.name] ?? 0, host)).url;
    }
    const supergraphSdl = await composeFromSchemaFiles(composedSubgraphs, (s) => subgraphUrls[s.name] ?? '');
    const gateway = createGateway({
      supergraphSdl,
      verifier: options.verifier,
      logging: options.logging,
      ...options.protection,
      subgraphSigningSecret: signingSecret,
      dashboard:
        options.dashboard && dashboardFor(options.dashboard, options.protection?.production ?? false),
    });
    const { url: gatewayUrl } = await gateway.listen(options.ports?.['gateway'] ?? 0, host);
    return {
      gatewayUrl,
      subgraphUrls,
      async close() {
        await gateway.close();
        await Promise.all(servers.map((server) => server.close()));
      },
    };
  } catch (error) {
    await Promise.allSettled(servers.map((server) => server.close()));
    throw error;
  }
}

/** The dashboard handler; production never gets the dev sign-in, whatever it was given. */
function dashboardFor(dashboard: DashboardOptions, production: boolean) {
  return createDashboardHandler(production ? { ...dashboard, devKeyDir: undefined } : dashboard);
}
