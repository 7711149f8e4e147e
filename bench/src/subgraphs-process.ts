/**
 * Child process: the four subgraphs on free ports over the bench database, the same servers
 * `npm start` runs. It also times every HTTP request they answer, so `run.ts` can tell subgraph-side
 * time from gateway overhead, and counts requests, connections and its CPU time (`counters`).
 * Env: DATABASE_URL, KEY_DIR, BENCH_SIGNING_SECRET (what the subgraphs check signed calls and
 * change-feed requests against: the gateway with our response cache signs with it).
 */
import { Server, type ServerResponse } from 'node:http';
import { createDatabase } from '@cadg/db';
import { createTokenVerifier, DEFAULT_AUDIENCE, DEFAULT_LIMITS, DEV_ISSUER } from '@cadg/platform';
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

const database = await createDatabase({ url: process.env['DATABASE_URL'], maxConnections: 10 });
const verifier = await createTokenVerifier({
  issuer: DEV_ISSUER,
  audience: DEFAULT_AUDIENCE,
  devKeyDir: process.env['KEY_DIR'],
});
// The gateways under test call the subgraphs unsigned (all but ours with its response cache, whose
// change feeds must be signed), so each subgraph checks those calls against the limits for direct
// callers; lifted to what the gateways allow, as the rate limit is.
const stack = await startStack({
  database,
  verifier,
  logging: false,
  protection: {
    rateLimit: null,
    limits: { ...DEFAULT_LIMITS, maxCost: 10_000_000 },
    subgraphSigningSecret: process.env['BENCH_SIGNING_SECRET'],
  },
});

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
    await stack.close();
    await database.close();
  },
);
process.send?.({ type: 'ready', subgraphUrls: stack.subgraphUrls });
