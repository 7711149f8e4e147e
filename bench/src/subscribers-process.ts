/**
 * Child process: N graphql-ws subscribers to `majorIncidentUpdates`, one websocket each, all through
 * one gateway. `subscribers-process.ts <wsUrl> <count>`; env TOKENS (comma-separated, dealt out in
 * turn, so N tokens make N groups of subscribers the gateway cannot share a stream between). Reports, per event cursor,
 * when each subscriber received it (epoch ms), so `run.ts` measures delivery latency, and counts
 * duplicates: a subscriber receiving a cursor it already had.
 *
 * Subscribers live in their own process so the gateway's event loop and file descriptors are not
 * shared with the clients'.
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
// Connections opened at once: more would only queue in the gateway's accept backlog.
const CONNECT_CONCURRENCY = 200;

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

/** Opens one subscriber; resolves once its websocket is acknowledged and the subscription sent. */
function open(index: number): Promise<void> {
  const token = tokens.length ? tokens[index % tokens.length] : undefined;
  return new Promise((resolve, reject) => {
    const client = createClient({
      url: wsUrl!,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      on: {
        connected: () => resolve(),
        error: (error) => reject(error instanceof Error ? error : new Error(String(error))),
      },
    });
    clients.push(client);
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
        error: (error) => onError(error instanceof Error ? error.message : JSON.stringify(error)),
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
  },
  async () => {
    await Promise.allSettled(clients.map((client) => client.dispose()));
  },
);
process.send?.({ type: 'ready', connected: clients.length });
