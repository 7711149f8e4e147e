/**
 * Child process: the subgraphs on free ports over the bench database, the same servers `npm start`
 * and the production entries run. With no argument, all four (`npm start`'s runner, the `single`
 * topology); with a subgraph's name (`contacts`, …), that one alone, as its production entry runs it
 * (the `production` topology: one process per subgraph, see subgraph-topology.ts). It also times
 * every HTTP request they answer, so `run.ts` can tell subgraph-side time from gateway overhead, and
 * counts requests, connections and its CPU time (`counters`).
 * Env: DATABASE_URL, KEY_DIR, BENCH_SIGNING_SECRET (what the subgraphs check signed calls and
 * change-feed requests against: the gateway with our response cache signs with it), CONTACTS_URL
 * (incidents alone: the contacts process).
 */
import { Server, type ServerResponse } from 'node:http';
import { createAipolicyServer } from '@cadg/aipolicy/server';
import { createContactsServer } from '@cadg/contacts/server';
import { createDataflowsServer } from '@cadg/dataflows/server';
import { createDatabase, type Database } from '@cadg/db';
import { createIncidentsServer } from '@cadg/incidents/server';
import {
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEFAULT_LIMITS,
  DEV_ISSUER,
  type SubgraphServerBaseOptions,
} from '@cadg/platform';
import { startStack } from '@cadg/stack';
import { serveParent } from './ipc.ts';

/** A request a subgraph answered: [start, end] in epoch milliseconds (sub-millisecond precision). */
type Interval = [number, number];

const now = () => performance.timeOrigin + performance.now();
const intervals: Interval[] = [];
let recording = false;
/** HTTP requests answered and TCP connections accepted, for calls and connections per request. */
let requests = 0;
let connections = 0;

// Every node:http server in this process is a subgraph (or the stack's idle gateway, never called).
const emit = Server.prototype.emit;
Server.prototype.emit = function (this: Server, event: string, ...args: unknown[]) {
  if (event === 'request') requests += 1;
  else if (event === 'connection') connections += 1;
  if (recording && event === 'request') {
    const start = now();
    (args[1] as ServerResponse).once('finish', () => intervals.push([start, now()]));
  }
  return emit.apply(this, [event, ...args] as Parameters<Server['emit']>);
} as Server['emit'];

// DATABASE_POOL_SIZE as deployed: subgraph-topology.ts gives the production topology's processes
// start:cluster's pool; the single process keeps `npm start`'s default of 10.
const database = await createDatabase({
  url: process.env['DATABASE_URL'],
  maxConnections: Number(process.env['DATABASE_POOL_SIZE'] || 10),
});
const verifier = await createTokenVerifier({
  issuer: DEV_ISSUER,
  audience: DEFAULT_AUDIENCE,
  devKeyDir: process.env['KEY_DIR'],
});
// The gateways under test call the subgraphs unsigned (all but ours with its response cache, whose
// change feeds must be signed), so each subgraph checks those calls against the limits for direct
// callers; lifted to what the gateways allow, as the rate limit is.
const limits = { ...DEFAULT_LIMITS, maxCost: 10_000_000 };
const signingSecret = process.env['BENCH_SIGNING_SECRET'];
const only = process.argv[2];
const served = only
  ? await startOne(only)
  : await startStack({
      database,
      verifier,
      logging: false,
      protection: { rateLimit: null, limits, subgraphSigningSecret: signingSecret },
    });

/** One subgraph, built as its production entry builds it (platform's runSubgraph), on a free port. */
async function startOne(name: string) {
  const factories: Record<
    string,
    (options: SubgraphServerBaseOptions<Database>) => Promise<{
      listen(port: number, host?: string): Promise<{ url: string }>;
      close(): Promise<void>;
    }>
  > = {
    aipolicy: createAipolicyServer,
    contacts: createContactsServer,
    dataflows: createDataflowsServer,
    // CONTACTS_URL from the environment, as in production.
    incidents: createIncidentsServer,
  };
  const create = factories[name];
  if (!create) throw new Error(`No subgraph named "${name}".`);
  const server = await create({ database, verifier, security: { signingSecret, limits } });
  const { url } = await server.listen(0, '127.0.0.1');
  return { subgraphUrls: { [name]: url }, close: () => server.close() };
}

serveParent(
  {
    record: async (message) => {
      recording = Boolean(message['on']);
      intervals.splice(0);
      return { type: 'recording' };
    },
    intervals: async () => ({ type: 'intervals', intervals: intervals.splice(0) }),
    counters: async () => {
      const { user, system } = process.cpuUsage();
      return { type: 'counters', cpuMicros: user + system, requests, connections };
    },
  },
  async () => {
    await served.close();
    await database.close();
  },
);
process.send?.({ type: 'ready', subgraphUrls: served.subgraphUrls });
