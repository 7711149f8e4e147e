/**
 * An integrator's graphql-ws subscriber to the graph's major-incident updates. It remembers the
 * cursor of the last update it handled, so a subscriber that lost its connection (or was
 * restarted) subscribes again with `after: <that cursor>` and gets exactly what it missed, then
 * live updates, with no gap and no duplicate.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** One update as this subscriber selects it. */
export interface MajorIncidentUpdate {
  /** Where this update sits in the stream; pass it as `after` to resume behind it. */
  cursor: string;
  type: string;
  occurredAt: string;
  severity: string;
  previousSeverity: string | null;
  incident: {
    id: string;
    title: string;
    severity: string;
    status: string;
    tlp: string;
    reportedBy: { id: string; name: string };
  };
}

export const MAJOR_INCIDENT_UPDATES = /* GraphQL */ `
  subscription MajorIncidentUpdates($minSeverity: Severity, $countries: [ID!], $after: String) {
    majorIncidentUpdates(minSeverity: $minSeverity, countries: $countries, after: $after) {
      cursor
      type
      occurredAt
      severity
      previousSeverity
      incident {
        id
        title
        severity
        status
        tlp
        reportedBy {
          id
          name
        }
      }
    }
  }
`;

export interface FollowOptions {
  /** The gateway's graphql-ws endpoint, e.g. `ws://localhost:4000/graphql`. */
  url: string;
  /** A bearer token (`npm run token`); anonymous subscribers see TLP:CLEAR incidents only. */
  token?: string | undefined;
  /**
   * The cursor of the last update already handled: updates since are replayed first. `null`
   * starts with live updates only.
   * @default null
   */
  after?: string | null | undefined;
  /** Lowest severity to hear about. @default HIGH (the server's default) */
  minSeverity?: 'BASELINE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'SEVERE' | 'EMERGENCY' | undefined;
  /** Only incidents affecting one of these countries (ISO codes). @default every country */
  countries?: readonly string[] | undefined;
  /** Called with each update, in order. */
  onUpdate: (update: MajorIncidentUpdate) => void;
}

/** A running subscription. */
export interface Follower {
  /** The cursor of the last update handled (or the `after` it started with). */
  readonly cursor: string | null;
  /** Resolves once the server accepted the connection and its token; rejects if it did not. */
  readonly connected: Promise<void>;
  /** Resolves, with the reason, once the subscription ended: refused, disconnected or closed. */
  readonly closed: Promise<string>;
  /** Ends the subscription and closes the connection. */
  close(): Promise<void>;
}

/** Subscribes to `majorIncidentUpdates` over one graphql-ws connection, without reconnecting. */
export function followMajorIncidents(options: FollowOptions): Follower {
  let cursor = options.after ?? null;
  let isConnected = false;
  let accept!: () => void;
  let refuse!: (error: Error) => void;
  const connected = new Promise<void>((resolve, reject) => {
    accept = resolve;
    refuse = reject;
  });
  // Callers who only wait on `closed` must not see an unhandled rejection from `connected`.
  connected.catch(() => undefined);
  let end!: (reason: string) => void;
  const closed = new Promise<string>((resolve) => (end = resolve));
  const finish = (reason: string) => {
    if (!isConnected) refuse(new Error(reason));
    end(reason);
  };

  const client = createClient({
    url: options.url,
    webSocketImpl: WebSocket,
    // Reconnecting is the caller's call: it must resubscribe with the latest cursor, which the
    // client's own retries would not do (they resend the first subscription as it was).
    retryAttempts: 0,
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });
  client.on('connected', () => {
    isConnected = true;
    accept();
  });

  const unsubscribe = client.subscribe<{ majorIncidentUpdates: MajorIncidentUpdate }>(
    {
      query: MAJOR_INCIDENT_UPDATES,
      variables: {
        after: cursor,
        ...(options.minSeverity ? { minSeverity: options.minSeverity } : {}),
        ...(options.countries ? { countries: [...options.countries] } : {}),
      },
    },
    {
      next: ({ data, errors }) => {
        if (errors?.length) return finish(`refused: ${errors.map((error) => error.message).join('; ')}`);
        if (!data) return;
        cursor = data.majorIncidentUpdates.cursor;
        options.onUpdate(data.majorIncidentUpdates);
      },
      error: (error) => finish(describeError(error)),
      complete: () => finish('completed by the server'),
    },
  );

  return {
    get cursor() {
      return cursor;
    },
    connected,
    closed,
    async close() {
      unsubscribe();
      await client.dispose();
      finish('closed by the subscriber');
    },
  };
}

/** graphql-ws reports GraphQL errors as an array, and a closed socket as its close event. */
function describeError(error: unknown): string {
  if (Array.isArray(error)) return `refused: ${error.map((e: { message?: string }) => e.message).join('; ')}`;
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code, reason } = error as { code: number; reason?: string };
    return `connection closed (${code}${reason ? `: ${reason}` : ''})`;
  }
  return String(error);
}
