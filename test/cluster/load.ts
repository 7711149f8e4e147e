import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** How long a client waits before trying again after a failed call or a dropped subscription. */
const RETRY_DELAY_MS = 200;

/** The interruption a subscriber causes itself with `resume()`. */
export const RESUMED = 'resumed by the client';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * POSTs a GraphQL request (`{ query }` or `{ documentId }`, with variables) to `url`, with `token` as
 * bearer when given, giving up after `timeoutMs` when given; the HTTP status with the response body
 * (`Body`, as the caller types it). Network failures and non-JSON answers are thrown.
 */
export async function postGraphQL<Body>(
  url: string,
  request: Record<string, unknown>,
  token?: string,
  timeoutMs?: number,
): Promise<Body & { status: number }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(request),
    ...(timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(timeoutMs) }),
  });
  return { status: response.status, ...((await response.json()) as Body) };
}

/** One GraphQL call over HTTP; network failures and non-JSON answers are thrown. */
export function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  timeoutMs = 10_000,
): Promise<GraphQLResult<T> & { status: number }> {
  return postGraphQL<GraphQLResult<T>>(url, { query, variables }, token, timeoutMs);
}

/** The event id inside a `majorIncidentUpdates` cursor (base64url JSON `[id]`). */
export function eventIdOf(cursor: string): number {
  const [id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [number];
  return id;
}

/** One event as a subscriber received it. */
export interface Delivery {
  eventId: number;
  cursor: string;
  type: string;
  incidentId: string;
  /** The gateway it came through. */
  via: string;
  /** Which subscription of this subscriber delivered it: 0 for the first, 1 after one resubscription… */
  session: number;
}

/** What a subscriber got wrong against the list of events it should have received, in order. */
export interface DeliveryCheck {
  /** Event ids it never received. */
  missing: number[];
  /** Deliveries of an event it had already received: event id, session and gateway. */
  duplicates: string[];
  /** Deliveries of an event older than one it had already received. */
  outOfOrder: string[];
}

/** Compares what `subscriber` received with `expected` (every event id it should see, ascending). */
export function checkDeliveries(subscriber: ResilientSubscriber, expected: readonly number[]): DeliveryCheck {
  const seen = new Set<number>();
  const check: DeliveryCheck = { missing: [], duplicates: [], outOfOrder: [] };
  let last = -Infinity;
  for (const d of subscriber.deliveries) {
    const where = `${d.eventId} (session ${d.session} via ${d.via})`;
    if (seen.has(d.eventId)) check.duplicates.push(where);
    else if (d.eventId < last) check.outOfOrder.push(where);
    seen.add(d.eventId);
    last = Math.max(last, d.eventId);
  }
  check.missing = expected.filter((id) => !seen.has(id));
  return check;
}

const SUBSCRIPTION = /* GraphQL */ `
  subscription ($after: String) {
    majorIncidentUpdates(minSeverity: HIGH, after: $after) {
      cursor
      type
      incident {
        id
      }
    }
  }
`;

/**
 * A dashboard that never gives up: it subscribes to `majorIncidentUpdates`, and whenever the
 * subscription errors or ends (a gateway or replica died, the server shut down), it subscribes
 * again with the cursor of the last event it received, through the next gateway in its list.
 * It records every delivery as received, without deduplicating, so a test can check "exactly once,
 * in order".
 */
export class ResilientSubscriber {
  readonly deliveries: Delivery[] = [];
  /** Why each subscription ended, in order (error messages, close codes, "complete"). */
  readonly interruptions: string[] = [];
  #cursor: string;
  #urlIndex: number;
  #client: Client | null = null;
  #endSession: ((reason: string) => void) | null = null;
  #closed = false;
  #waiters = new Set<() => void>();
  #connected!: () => void;
  /** Resolves once the first subscription is acknowledged by a gateway. */
  readonly ready = new Promise<void>((resolve) => (this.#connected = resolve));

  constructor(
    readonly name: string,
    private readonly wsUrls: readonly string[],
    private readonly token: string,
    after: string,
    firstUrlIndex = 0,
  ) {
    this.#cursor = after;
    this.#urlIndex = firstUrlIndex;
    this.#subscribe();
  }

  /** How many times it had to subscribe again. */
  get resubscriptions(): number {
    return this.interruptions.length;
  }

  /** The incident ids of the REPORTED events it received. */
  reportedIncidentIds(): Set<string> {
    return new Set(this.deliveries.filter((d) => d.type === 'REPORTED').map((d) => d.incidentId));
  }

  /** Resolves once `predicate` holds (checked on every delivery), or rejects after `timeoutMs`. */
  async waitUntil(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `${this.name}: ${what} did not happen within ${timeoutMs} ms (${this.deliveries.length} deliveries, interruptions: ${this.interruptions.slice(-5).join('; ')})`,
        );
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.#waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.#waiters.add(wake);
      });
    }
  }

  /**
   * Drops the current subscription on purpose and subscribes again from the last cursor, as a
   * dashboard does after a reload; counted in `interruptions` as "resumed by the client".
   */
  resume(): void {
    this.#endSession?.(RESUMED);
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const wake of [...this.#waiters]) wake();
    await this.#client?.dispose();
  }

  #subscribe(): void {
    if (this.#closed) return;
    const url = this.wsUrls[this.#urlIndex % this.wsUrls.length]!;
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      // Reconnecting is this class's job: it must resume from its own last cursor.
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${this.token}` },
      on: { connected: () => this.#connected() },
    });
    this.#client = client;
    const session = this.interruptions.length;
    let ended = false;
    const end = (reason: string) => {
      if (ended) return;
      ended = true;
      void client.dispose();
      if (this.#closed) return;
      this.interruptions.push(reason);
      this.#urlIndex++;
      if (reason === RESUMED) this.#subscribe();
      else void pause(RETRY_DELAY_MS).then(() => this.#subscribe());
    };
    this.#endSession = end;
    client.subscribe<{ majorIncidentUpdates: { cursor: string; type: string; incident: { id: string } } }>(
      { query: SUBSCRIPTION, variables: { after: this.#cursor } },
      {
        next: (result) => {
          // After `end`, the next session has already started from `#cursor`: an event still in
          // flight on this one is that session's to deliver (a client that resumes ignores the
          // stream it left, or it would count the event twice).
          if (ended) return;
          const event = result.data?.majorIncidentUpdates;
          if (!event) {
            end(`errors: ${JSON.stringify(result.errors)}`);
            return;
          }
          this.#cursor = event.cursor;
          this.deliveries.push({
            eventId: eventIdOf(event.cursor),
            cursor: event.cursor,
            type: event.type,
            incidentId: event.incident.id,
            via: url,
            session,
          });
          for (const wake of [...this.#waiters]) wake();
        },
        error: (error) => end(describe(error)),
        complete: () => end('complete'),
      },
    );
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code, reason } = error as { code: unknown; reason?: unknown };
    return `close ${String(code)}${reason ? ` ${String(reason)}` : ''}`;
  }
  return JSON.stringify(error);
}

export interface ReporterOptions {
  /** Gateway GraphQL URLs; report `n` starts with gateway `n mod length` and fails over in turn. */
  gatewayUrls: readonly string[];
  /** A token of an organization that may report (e.g. `my-mycert`, MEMBER). */
  token: string;
  /** Reports started per second. */
  ratePerSecond: number;
  /** Reports in flight at most. @default 4 */
  maxInFlight?: number;
  /** How long one report keeps retrying before it counts as not acknowledged. @default 60000 */
  giveUpAfterMs?: number;
  /** Prefix of every title, to tell runs apart. @default 'Load' */
  titlePrefix?: string;
}

export interface AcknowledgedReport {
  title: string;
  incidentId: string;
  attempts: number;
}

const REPORT = /* GraphQL */ `
  mutation ($i: ReportIncidentInput!) {
    reportIncident(input: $i) {
      id
    }
  }
`;

/**
 * Reports incidents through the gateways at a steady rate. A report that fails (network error,
 * error in the answer) is retried through the next gateway until acknowledged or given up. A retry
 * after a lost answer may create a second incident: the first then exists without having been
 * acknowledged, which the checks allow, as long as nothing is delivered twice.
 */
export class IncidentReporter {
  readonly acknowledged: AcknowledgedReport[] = [];
  readonly givenUp: string[] = [];
  /** Failed attempts, by the first error message seen for each kind. */
  readonly failures = new Map<string, number>();
  #started = 0;
  #inFlight = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | null = null;
  #attemptListeners = new Set<() => void>();
  #attempts = 0;

  constructor(private readonly options: ReporterOptions) {}

  /** Attempts made so far, failed ones included. */
  get attempts(): number {
    return this.#attempts;
  }

  get failedAttempts(): number {
    return [...this.failures.values()].reduce((a, b) => a + b, 0);
  }

  start(): void {
    const maxInFlight = this.options.maxInFlight ?? 4;
    this.#timer = setInterval(() => {
      if (this.#inFlight.size >= maxInFlight) return;
      const done = this.#report(this.#started++).finally(() => this.#inFlight.delete(done));
      this.#inFlight.add(done);
    }, 1000 / this.options.ratePerSecond);
  }

  /** Stops starting reports and waits for those in flight to be acknowledged or given up. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await Promise.all([...this.#inFlight]);
  }

  /** Resolves once `count` more attempts (successful or not) have been made. */
  async attemptsMade(count: number, timeoutMs: number): Promise<void> {
    const target = this.#attempts + count;
    const deadline = Date.now() + timeoutMs;
    while (this.#attempts < target) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`only ${this.#attempts - target + count} of ${count} attempts were made`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.#attemptListeners.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.#attemptListeners.add(wake);
      });
    }
  }

  async #report(n: number): Promise<void> {
    const { gatewayUrls, token } = this.options;
    const title = `${this.options.titlePrefix ?? 'Load'} #${n}`;
    const giveUpAt = Date.now() + (this.options.giveUpAfterMs ?? 60_000);
    for (let attempt = 0; ; attempt++) {
      const url = gatewayUrls[(n + attempt) % gatewayUrls.length]!;
      let failure: string | null = null;
      try {
        const result = await gql<{ reportIncident: { id: string } }>(
          url,
          REPORT,
          {
            i: {
              title,
              summary: 'Exercise scenario: load generated by the fault tests.',
              category: 'DDOS',
              severity: 'SEVERE',
              tlp: 'GREEN',
              affectedCountryCodes: ['SG'],
            },
          },
          token,
        );
        const id = result.data?.reportIncident.id;
        if (id) {
          this.acknowledged.push({ title, incidentId: id, attempts: attempt + 1 });
        } else {
          const code = result.errors?.[0]?.extensions?.['code'];
          failure = `HTTP ${result.status} ${String(code ?? result.errors?.[0]?.message ?? 'no data')}`;
        }
      } catch (error) {
        failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
      this.#attempts++;
      for (const wake of [...this.#attemptListeners]) wake();
      if (failure === null) return;
      this.failures.set(failure, (this.failures.get(failure) ?? 0) + 1);
      if (Date.now() > giveUpAt) {
        this.givenUp.push(title);
        return;
      }
      await pause(RETRY_DELAY_MS);
    }
  }
}
