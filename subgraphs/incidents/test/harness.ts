import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { openTestDatabase, type TestDatabase } from '@cadg/db/testing';
import { inProcessOn } from '@cadg/platform/testing';
import { parse } from 'graphql';
import {
  alertSettingsFromEnv,
  contactsDirectory,
  createContext,
  EventHub,
  schema,
  type IncidentsServices,
} from '../src/server.ts';

export { callerOf as as, errorCodes } from '@cadg/platform/testing';

/** The participating countries (alpha-2), as the contacts subgraph has them. */
export const COUNTRIES = ['BN', 'CN', 'ID', 'KH', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN'];

/** Organizations the stand-in directory knows by default: seed ids the tests use, with their names. */
export const ORGANIZATIONS: Readonly<Record<string, string>> = {
  'my-mycert': 'MyCERT',
  'sg-csa': 'Cyber Security Agency of Singapore',
  'th-thaicert': 'ThaiCERT',
  'ph-certph': 'CERT-PH',
  'vn-vncert': 'VNCERT/CC',
  'id-bssn': 'BSSN',
};

/**
 * The contacts subgraph as incidents sees it, over real HTTP: `_entities` of Organization (id,
 * name, updatedAt) and Country (code), answering from the ids given and null for any other. A
 * stand-in, because incidents may not import contacts (docs/architecture.md, boundaries); the
 * directory client that asks it is the real one (src/directory.ts), and the real hop to the real
 * contacts subgraph is tested end to end (test/e2e).
 */
async function startDirectory(organizations: Readonly<Record<string, string>>, countries: readonly string[]) {
  const typeDefs = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
    type Organization @key(fields: "id") { id: ID! name: String! updatedAt: String! }
    type Country @key(fields: "code") { code: ID! }
    type Query { _directory: Boolean }
  `);
  const updatedAt = '2026-01-01T00:00:00.000Z';
  const apollo = new ApolloServer({
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    schema: buildSubgraphSchema({
      typeDefs,
      resolvers: {
        Organization: {
          __resolveReference: ({ id }: { id: string }) =>
            id in organizations ? { id, name: organizations[id], updatedAt } : null,
        },
        Country: {
          __resolveReference: ({ code }: { code: string }) => (countries.includes(code) ? { code } : null),
        },
      },
    }),
  });
  // Apollo's standalone server: a plain HTTP server that closes with `apollo.stop()`.
  const { url } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => apollo.stop() };
}

export interface IncidentsHarnessOptions {
  /** Organizations the directory knows, by id, with their names. @default ORGANIZATIONS */
  organizations?: Readonly<Record<string, string>>;
}

/**
 * The incidents subgraph in process, on a private copy of the seeded test database, as the other
 * subgraphs' harnesses: the real context, loaders, event hub and directory client; the contacts
 * subgraph stood in for over HTTP (see startDirectory). Alerts are matched by nobody here (the
 * dispatcher is tested in alerts.test.ts and end to end).
 */
export async function startIncidents(options: IncidentsHarnessOptions = {}) {
  const testDb: TestDatabase = await openTestDatabase();
  const directory = await startDirectory(options.organizations ?? ORGANIZATIONS, COUNTRIES);
  const hub = new EventHub(testDb.database);
  await hub.start();
  const services: IncidentsServices = {
    db: testDb.database.db,
    hub,
    directory: contactsDirectory(directory.url),
    alerts: { settings: alertSettingsFromEnv({}), wake: () => undefined },
  };
  const subgraph = await inProcessOn(testDb, schema, (caller) => createContext(services, caller), [
    () => hub.stop(),
    directory.stop,
  ]);
  return { db: testDb.database.db, database: testDb.database, hub, ...subgraph };
}
