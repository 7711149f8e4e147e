import { boolean, index, integer, jsonb, text, uuid } from 'drizzle-orm/pg-core';
import { instant, textList, uuidKey, uuidList, writtenAt } from './columns.ts';
import { incidentsSchema, tlp } from './incidents.ts';

/**
 * MISP feeds the incidents subgraph pulls on a schedule (`addMispFeed`), and the result of each
 * pull. Owned by the incidents subgraph.
 */

/** One HTTP header sent with every request of a feed (an API key, usually): a secret. */
export interface MispFeedHeader {
  name: string;
  value: string;
}

export const mispFeeds = incidentsSchema.table(
  'misp_feeds',
  {
    id: uuidKey(),
    /** The organization that owns what the feed imports. */
    ownerOrg: text('owner_org').notNull(),
    /** The feed's base URL: `<url>/manifest.json` and `<url>/<uuid>.json`. */
    url: text('url').notNull(),
    /** Sent with every request; never returned by the API or logged. */
    headers: jsonb('headers').$type<MispFeedHeader[]>().notNull(),
    /** The marking of events that carry no `tlp:` tag. */
    defaultTlp: tlp('default_tlp').notNull(),
    sharedWith: textList('shared_with'),
    enabled: boolean('enabled').notNull().default(true),
    pullIntervalSeconds: integer('pull_interval_seconds').notNull(),
    /** When the feed is next due. */
    nextPullAt: writtenAt('next_pull_at'),
    /**
     * Set by the replica pulling the feed, and renewed as it goes: other replicas leave the feed
     * alone until then, and take it up again after it if the puller died.
     */
    leasedUntil: instant('leased_until'),
    lastPulledAt: instant('last_pulled_at'),
    lastError: text('last_error'),
    /** Pulls that failed in a row: the exponent of the back-off. */
    failures: integer('failures').notNull().default(0),
    eventsImported: integer('events_imported').notNull().default(0),
    createdBySub: text('created_by_sub').notNull(),
    createdAt: writtenAt('created_at'),
  },
  (t) => [index('misp_feeds_due_idx').on(t.nextPullAt), index('misp_feeds_owner_idx').on(t.ownerOrg)],
);

/** One pull of a feed: when, what it imported, and why it failed. */
export const mispFeedPulls = incidentsSchema.table(
  'misp_feed_pulls',
  {
    id: uuidKey(),
    feedId: uuid('feed_id')
      .notNull()
      .references(() => mispFeeds.id, { onDelete: 'cascade' }),
    startedAt: instant('started_at').notNull(),
    finishedAt: instant('finished_at').notNull(),
    /** Events listed in the manifest. */
    eventsListed: integer('events_listed').notNull(),
    /** Events fetched because they were new or newer than the copy held. */
    eventsFetched: integer('events_fetched').notNull(),
    /** Events that created or updated records. */
    eventsImported: integer('events_imported').notNull(),
    error: text('error'),
    /** The imports (one per event) the pull made. */
    importIds: uuidList('import_ids'),
  },
  (t) => [index('misp_feed_pulls_feed_idx').on(t.feedId, t.startedAt)],
);

export type MispFeedRow = typeof mispFeeds.$inferSelect;
export type MispFeedPullRow = typeof mispFeedPulls.$inferSelect;
