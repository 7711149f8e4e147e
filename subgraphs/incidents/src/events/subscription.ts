import { GraphQLError } from 'graphql';
import { cursorShape, CursorParts, decodeCursor, encodeCursor, ErrorCode, type Caller } from '@cadg/platform';
import type { Db } from '@cadg/db';
import type { Severity } from '../rows.ts';
import { atLeast } from '../severity.ts';
import { canRead } from '../visibility.ts';
import type { FeedItem, StreamItem } from './feed.ts';
import { eventsAfter } from './feed.ts';
import type { EventHub } from './hub.ts';

export interface MajorIncidentFilter {
  minSeverity: Severity;
  /** Upper-case alpha-2 codes; empty means every country. */
  countries: readonly string[];
}

/**
 * Whether an event concerns a subscriber: at or above its threshold, or the change that took the
 * incident below it (delivered once, so dashboards can clear it), and about one of its countries.
 */
export function matches(
  item: { event: Pick<FeedItem['event'], 'severity' | 'previousSeverity' | 'affectedCountries'> },
  filter: MajorIncidentFilter,
): boolean {
  const { event } = item;
  if (
    filter.countries.length > 0 &&
    !event.affectedCountries.some((code) => filter.countries.includes(code))
  ) {
    return false;
  }
  if (atLeast(event.severity, filter.minSeverity)) return true;
  return event.previousSeverity !== null && atLeast(event.previousSeverity, filter.minSeverity);
}

/**
 * The position in the stream of all events, `[id]`, shared by `Incident.events` and the
 * subscription's `after`. It carries no list name: agencies keep it across releases to resume
 * without a gap, so its encoding must not change.
 */
export const EVENT_CURSOR = cursorShape(null, CursorParts.serial);

export const eventCursor = (id: number): string => encodeCursor(EVENT_CURSOR, [id]);

export function eventIdOf(cursor: string): number {
  const [id] = decodeCursor(cursor, EVENT_CURSOR);
  return id;
}

export interface SubscriptionOptions {
  /** Rows per replay query. @default 500 */
  replayBatch?: number;
}

/**
 * The queues between the event hub and a client's socket, and why each is there (four places, of
 * which three are bounded):
 * 1. Here. `ready`: the hub hands events over synchronously and the stream is pulled, so they wait
 *    for `next()`. Not bounded here: its one consumer, platform's graphql-ws server, pulls eagerly
 *    into its own bounded queue (2). `held`: live events that arrive while the replay reads the
 *    table, merged in after it; nothing downstream sees them until then, so they are bounded here
 *    (MAX_HELD_DURING_REPLAY, SUBSCRIBER_TOO_SLOW).
 * 2. platform's graphql-ws server (backpressure.ts `drainEagerly`): the subgraph's memory against a
 *    gateway that stops reading (closed with 4413).
 * 3. The gateway's shared subscriptions (shared-subscriptions.ts): one upstream stream read by many
 *    clients at their own pace; bounded for multipart HTTP subscribers, which have no drain.
 * 4. The gateway's graphql-ws server (`drainEagerly`): the gateway's memory against a client that
 *    stops reading (closed with 4413).
 */
const MAX_HELD_DURING_REPLAY = 10_000;

const tooSlow = () =>
  new GraphQLError(
    'The subscriber fell too far behind; resubscribe with the cursor of the last event it received.',
    {
      extensions: { code: ErrorCode.SubscriberTooSlow },
    },
  );

/**
 * The major-incident stream of one subscriber. With `afterId` it first replays every matching
 * event since from the table, then continues with live ones from the hub. The hub listener is
 * registered before the replay starts and holds back what arrives meanwhile; replayed and held
 * events are merged by id, so nothing committed during the replay is lost or delivered twice.
 * Visibility is judged on the incident's state when the event is delivered.
 *
 * A hand-written iterator rather than an async generator: a generator parked on "wait for the next
 * event" cannot be ended by `return()` until an event arrives, and would keep its hub listener.
 */
export function majorIncidentStream(
  hub: EventHub,
  db: Db,
  caller: Caller,
  filter: MajorIncidentFilter,
  afterId: number | null,
  options: SubscriptionOptions = {},
): AsyncIterableIterator<StreamItem> {
  const replayBatch = options.replayBatch ?? 500;
  const ready: StreamItem[] = [];
  const held: StreamItem[] = [];
  let replaying = afterId !== null;
  let finished = false;
  let failure: unknown = null;
  let waiter: {
    resolve: (result: IteratorResult<StreamItem>) => void;
    reject: (error: unknown) => void;
  } | null = null;
  let drained: (() => void) | null = null;
  // Everything after this id reaches the listener below; a replay covers the rest.
  let lastProcessed = afterId ?? hub.lastId;

  const visible = (item: StreamItem) =>
    canRead(caller, {
      tlp: item.incident.tlp,
      ownerOrg: item.incident.reportedByOrg,
      sharedWith: item.incident.sharedWith,
      groupReaders: item.groupReaders,
    });
  const offer = (item: StreamItem) => {
    if (item.event.id <= lastProcessed) return;
    lastProcessed = item.event.id;
    if (matches(item, filter) && visible(item)) ready.push(item);
  };
  const finish = (error: unknown = null) => {
    if (finished) return;
    finished = true;
    failure = error;
    unsubscribe();
    ready.length = 0;
    held.length = 0;
    settle();
  };
  const settle = () => {
    if (!waiter) return;
    const current = waiter;
    if (ready.length > 0) {
      waiter = null;
      current.resolve({ value: ready.shift()!, done: false });
    } else if (finished) {
      waiter = null;
      if (failure) current.reject(failure);
      else current.resolve({ value: undefined, done: true });
    }
  };

  const unsubscribe = hub.subscribe((items) => {
    if (finished) return;
    if (replaying) held.push(...items);
    else for (const item of items) offer(item);
    if (held.length > MAX_HELD_DURING_REPLAY) finish(tooSlow());
    else settle();
  });

  if (replaying) {
    void (async () => {
      for (;;) {
        const page = await eventsAfter(db, lastProcessed, replayBatch);
        if (finished) return;
        for (const item of page) offer(item);
        settle();
        if (page.length < replayBatch) break;
        // Read the next page only once this one is mostly delivered, so a long replay stays bounded.
        while (ready.length > replayBatch && !finished)
          await new Promise<void>((resolve) => (drained = resolve));
      }
      replaying = false;
      for (const item of held.splice(0)) offer(item);
      settle();
    })().catch((error: unknown) => finish(error));
  }

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      if (ready.length > 0) {
        const value = ready.shift()!;
        if (ready.length <= replayBatch) drained?.();
        return Promise.resolve({ value, done: false });
      }
      if (finished)
        return failure ? Promise.reject(failure) : Promise.resolve({ value: undefined, done: true });
      drained?.();
      return new Promise((resolve, reject) => {
        waiter = { resolve, reject };
      });
    },
    return() {
      finish();
      drained?.();
      return Promise.resolve({ value: undefined, done: true });
    },
  };
}
