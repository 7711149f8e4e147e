import type { Database, Db } from '@cadg/db';
import { createAipolicyServer } from '@cadg/aipolicy/server';
import { createContactsServer } from '@cadg/contacts/server';
import { createDataflowsServer } from '@cadg/dataflows/server';
import { createIncidentsServer } from '@cadg/incidents/server';
import {
  composeFromSchemaFiles,
  createGateway,
  subgraphs as composedSubgraphs,
  type GatewayLogging,
  type ProtectionOptions,
} from '@cadg/gateway';
import type { TokenVerifier } from '@cadg/platform';

/** What the runner needs of a subgraph server. */
interface Service {
  listen(port: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
}

/** What a subgraph may need besides the drizzle handle and the verifier. */
interface StackEnvironment {
  /** The raw database, for LISTEN/NOTIFY. */
  database: Database;
  /** URLs of the subgraphs started before this one (the list's order). */
  subgraphUrls: Readonly<Record<string, string>>;
}

/** How the runner builds each subgraph it hosts; a new subgraph joins the stack with one line here. */
const subgraphFactories: Record<
  string,
  (db: Db, verifier: TokenVerifier, environment: StackEnvironment) => Promise<Service>
> = {
  contacts: createContactsServer,
  aipolicy: createAipolicyServer,
  dataflows: createDataflowsServer,
  incidents: (_db, verifier, { database, subgraphUrls }) => {
    const contactsUrl = subgraphUrls['contacts'];
    // The gateway's list is alphabetical, which starts contacts first; say so loudly if that changes.
    if (!contactsUrl) throw new Error('The incidents subgraph needs contacts started before it.');
    return createIncidentsServer({ database, verifier, contactsUrl });
  },
};

export interface StackOptions {
  database: Database;
  verifier: TokenVerifier;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string | undefined;
  /** Port per service name (`gateway`, `contacts`, …); 0 or missing picks a free port. */
  ports?: Readonly<Record<string, number>> | undefined;
  /** Gateway logging: `false` for tests, or a sink to capture it. @default 'info' */
  logging?: GatewayLogging | undefined;
  /** Limits, trusted documents, rate limit, production mode (see `protectionFromEnv`). */
  protection?: ProtectionOptions | undefined;
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
  try {
    for (const definition of composedSubgraphs) {
      const create = subgraphFactories[definition.name];
      if (!create) throw new Error(`The stack does not know how to start subgraph "${definition.name}".`);
      const server = await create(options.database.db, options.verifier, {
        database: options.database,
        subgraphUrls,
      });
      servers.push(server);
      subgraphUrls[definition.name] = (await server.listen(options.ports?.[definition.name] ?? 0, host)).url;
    }
    const supergraphSdl = await composeFromSchemaFiles(composedSubgraphs, (s) => subgraphUrls[s.name] ?? '');
    const gateway = createGateway({
      supergraphSdl,
      verifier: options.verifier,
      logging: options.logging ?? 'info',
      ...options.protection,
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
