import type { Database } from '@cadg/db';
import { createSubgraphServer, type SubgraphServer, type TokenVerifier } from '@cadg/platform';
import { createContext, type IncidentsContext, type IncidentsServices } from './context.ts';
import { contactsDirectory, type Directory } from './directory.ts';
import { EventHub } from './events/hub.ts';
import { schema } from './schema.ts';

export { createContext, type IncidentsContext, type IncidentsServices } from './context.ts';
export { contactsDirectory, type Directory } from './directory.ts';
export { EventHub } from './events/hub.ts';
export { schema } from './schema.ts';

export const DEFAULT_PORT = 4002;

export interface IncidentsServerOptions {
  database: Database;
  verifier: TokenVerifier;
  /** The contacts subgraph, asked whether referenced countries and organizations exist. */
  contactsUrl: string;
}

export interface IncidentsServer extends SubgraphServer<IncidentsContext> {
  readonly hub: EventHub;
}

/**
 * Builds the incidents subgraph without listening: HTTP for queries and mutations, graphql-ws for
 * the major-incident subscription, and the event hub that LISTENs for committed events.
 */
export async function createIncidentsServer(options: IncidentsServerOptions): Promise<IncidentsServer> {
  const hub = new EventHub(options.database);
  await hub.start();
  const directory: Directory = contactsDirectory(options.contactsUrl);
  const services: IncidentsServices = { db: options.database.db, directory, hub };
  const server = await createSubgraphServer({
    name: 'incidents',
    schema,
    verifier: options.verifier,
    subscriptions: true,
    createContext: (caller, transport) => createContext(services, caller, transport),
  });
  return {
    ...server,
    hub,
    async close() {
      await server.close();
      await hub.stop();
    },
  };
}
