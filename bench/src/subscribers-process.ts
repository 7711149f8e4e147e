/**
 * Child process: N graphql-ws subscribers to `majorIncidentUpdates`, one websocket each, all through
 * one gateway. `subscribers-process.ts <wsUrl> <count>`; env TOKENS (comma-separated, dealt out in
 * turn from TOKEN_OFFSET, so N tokens make N groups of subscribers the gateway cannot share a
 * stream between), LOCAL_ADDRESS (the source address to connect from, e.g. 127.0.0.2). Reports,
 * per event cursor, when each subscriber received it (epoch ms), so the bench measures delivery
 * latency, counts duplicates (a subscriber receiving a cursor it already had), and answers `cpu`
 * with its CPU time so far.
 *
 * Subscribers live in processes of their own (several for the larger runs, see
 * run/subscriber-pool.ts) so the gateway's event loop and file descriptors are not shared with
 * the clients', and the clients are not what delays a receipt.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { serveParent } from './ipc.ts';

const FANOUT_SUBSCRIPTION = /* GraphQL */ `
  subscription Major {
    majorIncidentUpdates(minSeverity: HIGH) {
      cursor
      type
      severity
      occurredAt
      incident {
        id
        title
        tlp
      }
    }
  }
`;

const [wsUrl, countText] = process.argv.slice(2);
const count = Number(countText);
const tokens = (process.env['TOKENS'] ?? '').split(',').filter(Boolean);
const tokenOffset = Number(process.env['TOKEN_OFFSET'] ?? 0);
const localAddress = process.env['LOCAL_ADDRESS'];
/** ws connecting from LOCAL_ADDRESS: graphql-ws constructs its socket with the URL and protocol only. */
class BoundWebSocket extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols, localAddress ? { localAddress } : {});
  }
}
// Connections opened at once (over every subscriber process of a run): more would only queue in
// the gateway's accept backlog, and wait past graphql-ws's connection_init timeout.
const CONNECT_CONCURRENCY = Number(process.env['CONNECT_CONCURRENCY'] || 200);
/** Attempts per subscriber: a loaded gateway may close a connection before acknowledging it. */
const CONNECT_ATTEMPTS = 5;

const now = () => performance.timeOrigin + performance.now();
/** cursor → receipt times, one per subscriber that has it (its first receipt). */
const received = new Map<string, number[]>();
/** cursor → the subscribers (by index) that have it. */
const receivedBy = new Map<string, Set<number>>();
let duplicates = 0;
const waiters = new Map<string, { expected: number; resolve: () => void }>();
const occurredAt = new Map<string, number>();
const errors: string[] = [];
let errorCount = 0;
const clients: Client[] = [];

function onError(error: string) {
  errors.push(error);
  errorCount += 1;
}

function onEvent(cursor: string, at: number, subscriber: number) {
  const by = receivedBy.get(cursor) ?? new Set<number>();
  receivedBy.set(cursor, by);
  if (by.has(subscriber)) {
    duplicates += 1;
    return;
  }
  by.add(subscriber);
  const times = received.get(cursor) ?? [];
  times.push(at);
  received.set(cursor, times);
  const waiter = waiters.get(cursor);
  if (waiter && times.length >= waiter.expected) {
    waiters.delete(cursor);
    waiter.resolve();
  }
}

/** Opens one subscriber, trying again when it is closed before it was acknowledged. */
async function open(index: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const client = await attemptOpen(index).catch((error: unknown) => {
      if (attempt >= CONNECT_ATTEMPTS) throw error;
      return null;
    });
    if (client) return;
  }
}

/**
 * Opens one subscriber; resolves once its websocket is acknowledged and the subscription sent,
 * rejects when it was closed first (its client disposed, nothing counted against the run).
 */
function attemptOpen(index: number): Promise<Client> {
  const token = tokens.length ? tokens[(tokenOffset + index) % tokens.length] : undefined;
  let connected = false;
  return new Promise((resolve, reject) => {
    const client: Client = createClient({
      url: wsUrl!,
      webSocketImpl: BoundWebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      on: {
        connected: () => {
          connected = true;
          clients.push(client);
          resolve(client);
        },
        closed: () => {
          if (connected) return;
          void client.dispose();
          reject(new Error(`subscriber ${index}: closed before it was acknowledged`));
        },
        error: (error) => reject(error instanceof Error ? error : new Error(String(error))),
      },
    });
    client.subscribe<{ majorIncidentUpdates: { cursor: string; occurredAt: string } }>(
      { query: FANOUT_SUBSCRIPTION },
      {
        next: (result) => {
          const at = now();
          const event = result.data?.majorIncidentUpdates;
          if (event) {
            if (!occurredAt.has(event.cursor)) occurredAt.set(event.cursor, Date.parse(event.occurredAt));
            onEvent(event.cursor, at, index);
          } else if (result.errors) onError(JSON.stringify(result.errors));
        },
        error: (error) => {
          if (connected) onError(error instanceof Error ? error.message : JSON.stringify(error));
        },
        complete: () => {},
      },
    );
  });
}

let next = 0;
async function worker() {
  while (next < count) {
    next += 1;
    await open(next - 1);
  }
}
await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, count) }, worker));

serveParent(
  {
    /** Waits until every subscriber has the event with this cursor (or the timeout), then reports. */
    await: async (message) => {
      const cursor = String(message['cursor']);
      const timeoutMs = Number(message['timeoutMs'] ?? 30_000);
      if ((received.get(cursor)?.length ?? 0) < count) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          waiters.set(cursor, {
            expected: count,
            resolve: () => {
              clearTimeout(timer);
              resolve();
            },
          });
        });
      }
      return {
        type: 'received',
        times: received.get(cursor) ?? [],
        occurredAt: occurredAt.get(cursor) ?? null,
        errors: errors.splice(0, 5),
      };
    },
    /** Totals since the start: receipts of a cursor a subscriber already had, and errors. */
    summary: async () => ({ type: 'summary', duplicates, errors: errorCount }),
    cpu: async () => {
      const { user, system } = process.cpuUsage();
      return { type: 'cpu', micros: user + system };
    },
  },
  async () => {
    await Promise.allSettled(clients.map((client) => client.dispose()));
  },
);
process.send?.({ type: 'ready', connected: clients.length });
