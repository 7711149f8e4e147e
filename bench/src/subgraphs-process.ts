/**
 * Child process: the four subgraphs on free ports over the bench database, the same servers
 * `npm start` runs. It also times every HTTP request they answer, so `run.ts` can tell subgraph-side
 * time from gateway overhead. Env: DATABASE_URL, KEY_DIR.
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

// Every node:http server in this process is a subgraph (or the stack's idle gateway, never called).
const emit = Server.prototype.emit;
Server.prototype.emit = function (this: Server, event: string, ...args: unknown[]) {
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
// Every gateway under test calls the subgraphs unsigned, so each subgraph checks every call against
// the limits for direct callers; lifted to what the gateways allow, as the rate limit is.
const stack = await startStack({
  database,
  verifier,
  logging: false,
  protection: { rateLimit: null, limits: { ...DEFAULT_LIMITS, maxCost: 10_000_000 } },
});

serveParent(
  {
    record: async (message) => {
      recording = Boolean(message['on']);
      intervals.splice(0);
      return { type: 'recording' };
    },
    intervals: async () => ({ type: 'intervals', intervals: intervals.splice(0) }),
  },
  async () => {
    await stack.close();
    await database.close();
  },
);
process.send?.({ type: 'ready', subgraphUrls: stack.subgraphUrls });
