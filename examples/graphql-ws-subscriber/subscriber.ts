/**
 * An integrator's graphql-ws subscriber to the graph's major-incident updates. It remembers the
 * cursor of the last update it handled, so a subscriber that lost its connection (or was
 * restarted) subscribes again with `after: <that cursor>` and gets exactly what it missed, then
 * live updates, with no gap and no duplicate.
 */
import { createHash } from 'node:crypto';
import { parse, print } from 'graphql';
import { createClient, type SubscribePayload } from 'graphql-ws';
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

/**
 * The subscription's id as a production gateway knows it: the SHA-256 of the document as graphql-js
 * prints it (the gateway's manifest registers that form of every operation).
 */
export const MAJOR_INCIDENT_UPDATES_ID = createHash('sha256')
  .update(print(parse(MAJOR_INCIDENT_UPDATES)), 'utf8')
  .digest('hex');

/** The gateway's answers to an id it does not know, on which the document is sent as text. */
const SEND_THE_TEXT = new Set(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

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

  const variables = {
    after: cursor,
    ...(options.minSeverity ? { minSeverity: options.minSeverity } : {}),
    ...(options.countries ? { countries: [...options.countries] } : {}),
  };
  const persistedQuery = { version: 1, sha256Hash: MAJOR_INCIDENT_UPDATES_ID };
  /**
   * Subscribes by id first, as Apollo's persisted queries do: graphql-ws messages carry it in
   * `extensions` (with an empty `query`, which the protocol requires to be a string). A gateway that
   * does not know the id yet (the embedded default, before anyone registered it) gets the text
   * once, with the id, and registers it; a production gateway runs registered documents only.
   */
  const subscribe = (payload: SubscribePayload, byId: boolean): (() => void) =>
    client.subscribe<{ majorIncidentUpdates: MajorIncidentUpdate }>(payload, {
      next: ({ data, errors }) => {
        if (errors?.length) {
          if (byId && errors.every((error) => SEND_THE_TEXT.has(String(error.extensions?.['code'])))) {
            return sendTheText();
          }
          return finish(`refused: ${errors.map((error) => error.message).join('; ')}`);
        }
        if (!data) return;
        cursor = data.majorIncidentUpdates.cursor;
        options.onUpdate(data.majorIncidentUpdates);
      },
      error: (error) => {
        if (
          byId &&
          Array.isArray(error) &&
          error.every((e) => SEND_THE_TEXT.has(String(e.extensions?.['code'])))
        )
          return sendTheText();
        finish(describeError(error));
      },
      complete: () => {
        if (!resent || !byId) finish('completed by the server');
      },
    });
  let resent = false;
  const sendTheText = () => {
    resent = true;
    unsubscribe = subscribe(
      { query: MAJOR_INCIDENT_UPDATES, variables, extensions: { persistedQuery } },
      false,
    );
  };
  let unsubscribe = subscribe({ query: '', variables, extensions: { persistedQuery } }, true);

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
