import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@cadg/db';
import * as x from '@cadg/db/incidents-exchange';
import * as m from '@cadg/db/incidents-misp';
import type { MispFeedHeader, MispFeedRow } from '@cadg/db/incidents-misp';
import { Role } from '@cadg/platform';
import { positiveInteger } from '../alerts/config.ts';
import { retryDelayMs } from '../alerts/dispatcher.ts';
import type { OrgIdentity } from '../permissions.ts';
import type { FeedSecrets } from './feed-secrets.ts';
import { FeedFetchError, fetchFeedJson, type FetchSettings } from './misp-fetch.ts';
import { importEventIn, prepareEvent } from './misp-import.ts';
import { isUuid, record, secondsOf } from './misp-values.ts';

/**
 * Pulls due MISP feeds, as MISP's own feed fetcher does (`app/Model/Feed.php`): `manifest.json`,
 * then `<uuid>.json` for each event that is new or whose manifest `timestamp` is newer than the
 * copy held, each imported in its own transaction through the path of `importMispEvent`.
 *
 * Once across replicas: a replica claims a due feed under a row lock (`FOR UPDATE SKIP LOCKED`)
 * and leases it (`leased_until`, renewed after every event) before it fetches anything; others
 * skip a leased feed and take it up after the lease if the puller died. After a failed pull the
 * feed is due again after a back-off that doubles from a minute, with jitter, as alert retries do.
 */

export interface MispPullSettings extends FetchSettings {
  /** How often a replica looks for due feeds. MISP_FEED_POLL_MS. @default 30000 */
  pollMs: number;
  /** Whether this process pulls feeds (MISP_FEED_PULL=off leaves it to other replicas). @default true */
  pull: boolean;
  /** Opens the feeds' stored header values (feed-secrets.ts). */
  secrets: FeedSecrets;
}

export interface PullReport {
  feedId: string;
  eventsImported: number;
  error: string | null;
}

/** The first retry after a failed pull; each further failure doubles it, up to a day. */
const RETRY_BASE_MS = 60_000;
const MAX_RETRY_MS = 24 * 3600_000;
/** How long a claim holds a feed without renewal. */
const LEASE_MS = 5 * 60_000;

/** Pull settings from the environment; the address policy is the webhook alerts' own. */
export function mispPullSettingsFromEnv(
  env: NodeJS.ProcessEnv,
  policy: FetchSettings['policy'],
  secrets: FeedSecrets,
): MispPullSettings {
  return {
    policy,
    secrets,
    pollMs: positiveInteger(env, 'MISP_FEED_POLL_MS', 30_000),
    timeoutMs: positiveInteger(env, 'MISP_FEED_TIMEOUT_MS', 30_000),
    maxBytes: positiveInteger(env, 'MISP_FEED_MAX_BYTES', 64 * 1024 * 1024),
    pull: !['off', 'false', '0'].includes(env['MISP_FEED_PULL']?.trim().toLowerCase() ?? ''),
  };
}

/** The organization a feed imports for, acting as a MEMBER of it (audit entries name the feed). */
const feedActor = (feed: MispFeedRow): OrgIdentity =>
  ({ sub: `misp-feed:${feed.id}`, org: feed.ownerOrg, roles: [Role.Member] }) as OrgIdentity;

export class MispFeedPuller {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  /** Aborts requests in flight when the puller stops, so shutdown does not wait for a slow feed. */
  readonly #stop = new AbortController();

  constructor(
    private readonly db: Db,
    private readonly settings: MispPullSettings,
    private readonly onPull: (report: PullReport) => void = () => {},
  ) {}

  start(): void {
    if (this.settings.pull) this.wake();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#stop.abort();
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }

  /** Looks for due feeds now; a call during a pass runs one more pass after it. */
  wake(): void {
    if (this.#stopped || !this.settings.pull) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#running = this.#pass().finally(() => {
      this.#running = null;
      if (this.#stopped) return;
      if (this.#again) {
        this.#again = false;
        this.wake();
        return;
      }
      this.#timer = setTimeout(() => this.wake(), this.settings.pollMs);
      this.#timer.unref();
    });
  }

  async #pass(): Promise<void> {
    try {
      for (let feed = await this.#claim(); feed && !this.#stopped; feed = await this.#claim()) {
        this.onPull(await this.pull(feed));
      }
    } catch (error) {
      console.error('[incidents] MISP feed puller failed', error instanceof Error ? error.message : error);
    }
  }

  /** Claims one due feed that no replica holds, leasing it; null when there is none. */
  async #claim(): Promise<MispFeedRow | null> {
    return this.db.transaction(async (tx) => {
      const f = m.mispFeeds;
      const [due] = await tx
        .select()
        .from(f)
        .where(
          and(
            eq(f.enabled, true),
            lte(f.nextPullAt, sql`now()`),
            or(isNull(f.leasedUntil), lt(f.leasedUntil, sql`now()`)),
          ),
        )
        .orderBy(f.nextPullAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return null;
      await tx
        .update(f)
        .set({ leasedUntil: sql`now() + ${`${LEASE_MS} milliseconds`}::interval` })
        .where(eq(f.id, due.id));
      return due;
    });
  }

  async #renew(feed: MispFeedRow): Promise<void> {
    await this.db
      .update(m.mispFeeds)
      .set({ leasedUntil: sql`now() + ${`${LEASE_MS} milliseconds`}::interval` })
      .where(eq(m.mispFeeds.id, feed.id));
  }

  /** One pull of a claimed feed, recorded on the feed and in its pull history. */
  async pull(feed: MispFeedRow): Promise<PullReport> {
    const startedAt = new Date();
    const counts = { listed: 0, fetched: 0, imported: 0 };
    const importIds: string[] = [];
    const errors: string[] = [];
    try {
      // Decrypted for this pull only; never logged, never recorded.
      let headers: MispFeedHeader[];
      try {
        headers = this.settings.secrets.openHeaders(feed.headers);
      } catch {
        throw new FeedFetchError('headers: could not be decrypted with this EXCHANGE_SECRETS_KEY.');
      }
      const due = await this.#dueEvents(feed, headers, counts);
      for (const uuid of due) {
        if (this.#stopped) break;
        try {
          const document = await fetchFeedJson(
            feed.url,
            `${uuid}.json`,
            headers,
            this.settings,
            this.#stop.signal,
          );
          counts.fetched += 1;
          const prepared = prepareEvent(document, feed.defaultTlp);
          if (String(prepared.event['uuid']).toLowerCase() !== uuid) {
            throw new FeedFetchError(`${uuid}.json: holds event ${String(prepared.event['uuid'])}.`);
          }
          const result = await this.db.transaction((tx) =>
            importEventIn(tx, feedActor(feed), prepared, {
              channel: 'MISP_FEED',
              defaultTlp: feed.defaultTlp,
              sharedWith: feed.sharedWith,
            }),
          );
          importIds.push(result.importId);
          if (result.created + result.updated > 0) counts.imported += 1;
        } catch (error) {
          errors.push(messageOf(error, `${uuid}.json`));
        }
        await this.#renew(feed);
      }
    } catch (error) {
      errors.push(messageOf(error, 'manifest.json'));
    }
    if (this.#stopped) {
      // Cut short by shutdown: no failure to count; the feed is free for another replica now.
      await this.db.update(m.mispFeeds).set({ leasedUntil: null }).where(eq(m.mispFeeds.id, feed.id));
      return { feedId: feed.id, eventsImported: counts.imported, error: null };
    }
    const error =
      errors.length === 0
        ? null
        : errors.length === 1
          ? errors[0]!
          : `${errors.length} errors; the first: ${errors[0]}`;
    await this.#record(feed, startedAt, counts, importIds, error);
    return { feedId: feed.id, eventsImported: counts.imported, error };
  }

  /** The manifest's events that are new, or newer than the copy this organization holds. */
  async #dueEvents(
    feed: MispFeedRow,
    headers: readonly MispFeedHeader[],
    counts: { listed: number },
  ): Promise<string[]> {
    const manifest = record(
      await fetchFeedJson(feed.url, 'manifest.json', headers, this.settings, this.#stop.signal),
    );
    if (!manifest) throw new FeedFetchError('manifest.json: not an object keyed by event uuid.');
    const entries = Object.entries(manifest).filter(([uuid]) => isUuid(uuid));
    counts.listed = entries.length;
    const held = new Map<string, number>();
    for (let i = 0; i < entries.length; i += 1000) {
      const rows = await this.db
        .select({ id: x.exchangeObjects.externalId, version: x.exchangeObjects.version })
        .from(x.exchangeObjects)
        .where(
          and(
            eq(x.exchangeObjects.ownerOrg, feed.ownerOrg),
            inArray(
              x.exchangeObjects.externalId,
              entries.slice(i, i + 1000).map(([uuid]) => uuid.toLowerCase()),
            ),
          ),
        );
      for (const row of rows) held.set(row.id, row.version?.getTime() ?? 0);
    }
    return entries
      .filter(([uuid, entry]) => {
        const known = held.get(uuid.toLowerCase());
        if (known === undefined) return true;
        let listed: Date | null = null;
        try {
          listed = secondsOf('timestamp', record(entry)?.['timestamp']);
        } catch {
          // A manifest entry without a usable timestamp: fetch the event and let it say.
        }
        return listed === null || listed.getTime() > known;
      })
      .map(([uuid]) => uuid.toLowerCase());
  }

  async #record(
    feed: MispFeedRow,
    startedAt: Date,
    counts: { listed: number; fetched: number; imported: number },
    importIds: string[],
    error: string | null,
  ): Promise<void> {
    const finishedAt = new Date();
    const failures = error ? feed.failures + 1 : 0;
    const delay = error
      ? Math.min(retryDelayMs(RETRY_BASE_MS, failures), MAX_RETRY_MS)
      : feed.pullIntervalSeconds * 1000;
    await this.db.transaction(async (tx) => {
      const [kept] = await tx
        .update(m.mispFeeds)
        .set({
          lastPulledAt: finishedAt,
          lastError: error,
          failures,
          eventsImported: sql`${m.mispFeeds.eventsImported} + ${counts.imported}`,
          // Made due again while it was pulled (`pullMispFeed`): it stays due. (The claim read it in
          // milliseconds; PostgreSQL keeps microseconds.)
          nextPullAt: sql`case when date_trunc('milliseconds', ${m.mispFeeds.nextPullAt}) <> ${feed.nextPullAt.toISOString()}::timestamptz then ${m.mispFeeds.nextPullAt} else ${new Date(finishedAt.getTime() + delay).toISOString()}::timestamptz end`,
          leasedUntil: null,
        })
        .where(eq(m.mispFeeds.id, feed.id))
        .returning({ id: m.mispFeeds.id });
      // A feed removed while it was pulled keeps no history.
      if (!kept) return;
      await tx.insert(m.mispFeedPulls).values({
        feedId: feed.id,
        startedAt,
        finishedAt,
        eventsListed: counts.listed,
        eventsFetched: counts.fetched,
        eventsImported: counts.imported,
        error,
        importIds,
      });
    });
  }
}

/** What to record of a failure: our own messages whole, anything else by its code only. */
function messageOf(error: unknown, file: string): string {
  if (error instanceof FeedFetchError) return error.message;
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  if (typeof code === 'string') return `${file}: ${code}: ${(error as Error).message}`.slice(0, 500);
  console.error(`[incidents] MISP feed import of ${file} failed`, error);
  return `${file}: could not be imported.`;
}
