import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface ReceivedEvent {
  cursor: string;
  type: string;
  severity: string;
  previousSeverity: string | null;
  incident: {
    id: string;
    title: string;
    severity: string;
    tlp: string;
    reportedBy?: { name: string; country: { name: string } };
  };
  /** performance.now() when it arrived. */
  receivedAt: number;
}

export const EVENT_FIELDS = /* GraphQL */ `
  cursor type severity previousSeverity
  incident { id title severity tlp reportedBy { name country { name } } }
`;

/**
 * A graphql-ws subscriber that collects `majorIncidentUpdates` events and lets a test wait for
 * them (promises, never sleeps).
 */
export function subscribe(
  wsUrl: string,
  options: {
    token?: string;
    minSeverity?: string;
    countries?: string[];
    after?: string | null;
    fields?: string;
  },
) {
  const client: Client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });
  const events: ReceivedEvent[] = [];
  const errors: unknown[] = [];
  let waiters: (() => void)[] = [];
  const notify = () => {
    const current = waiters;
    waiters = [];
    for (const wake of current) wake();
  };
  let acknowledged!: () => void;
  const ready = new Promise<void>((resolve) => (acknowledged = resolve));
  client.on('connected', () => acknowledged());

  const args = [
    options.minSeverity ? `minSeverity: ${options.minSeverity}` : '',
    options.countries ? `countries: ${JSON.stringify(options.countries)}` : '',
    options.after ? `after: ${JSON.stringify(options.after)}` : '',
  ].filter(Boolean);
  const query = `subscription { majorIncidentUpdates${args.length ? `(${args.join(', ')})` : ''} { ${options.fields ?? EVENT_FIELDS} } }`;
  const unsubscribe = client.subscribe<{ majorIncidentUpdates: Omit<ReceivedEvent, 'receivedAt'> }>(
    { query },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) events.push({ ...result.data.majorIncidentUpdates, receivedAt: performance.now() });
        notify();
      },
      error: (error) => {
        errors.push(error);
        notify();
      },
      complete: () => notify(),
    },
  );

  return {
    events,
    errors,
    /** Resolves once the connection is acknowledged (the subscription is sent right after). */
    ready,
    /** Waits until `count` events have arrived, or fails after `timeoutMs`. */
    async waitFor(count: number, timeoutMs = 5_000): Promise<ReceivedEvent[]> {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        if (errors.length > 0) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(
            `expected ${count} events, got ${events.length}: ${JSON.stringify(events.map((e) => e.incident.title))}`,
          );
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return events.slice(0, count);
    },
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
}

export type Subscriber = ReturnType<typeof subscribe>;

/** The subscribers a test file opens, kept so that its `afterAll` closes every one. */
export class Subscribers {
  readonly #open: Subscriber[] = [];

  /** A subscriber (see `subscribe`) that `closeAll` will close. */
  open(wsUrl: string, options: Parameters<typeof subscribe>[1]): Subscriber {
    const s = subscribe(wsUrl, options);
    this.#open.push(s);
    return s;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.#open.splice(0).map((s) => s.close()));
  }
}
