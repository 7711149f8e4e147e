import { desc, eq } from 'drizzle-orm';
import {
  badUserInput,
  forbidden,
  hasRight,
  notFound,
  organizationWith,
  Right,
  unauthenticated,
  type Caller,
} from '@cadg/platform';
import type { Db, Tx } from '@cadg/db';
import { audit } from '../audit.ts';
import * as m from '@cadg/db/incidents-misp';
import type { Provenance } from '@cadg/db/incidents';
import type { MispFeedHeader, MispFeedPullRow, MispFeedRow } from '@cadg/db/incidents-misp';
import { refusedWebhookUrl, type WebhookTargetPolicy } from '../alerts/policy.ts';
import type { Directory } from '../directory.ts';
import type { Tlp } from '../rows.ts';
import * as valid from '../validation.ts';
import type { FeedSecrets } from './feed-secrets.ts';
import { isUuid } from './misp-values.ts';

/**
 * MISP feeds an organization's data is pulled from (`addMispFeed`, `mispFeeds`, …). Managed by
 * the SECRETARIAT, or by an ORG_ADMIN of the organization that owns what the feed imports. The
 * feed's header values (API keys) are written here and read only by the puller (misp-pull.ts).
 */

export type { MispFeedPullRow, MispFeedRow };
/** An imported record's provenance, as `ImportProvenance` reads it. */
export type ProvenanceRow = Provenance;

export interface AddMispFeedInput {
  url: string;
  headers?: readonly MispFeedHeader[] | null | undefined;
  defaultTlp?: Tlp | null | undefined;
  organizationId?: string | null | undefined;
  sharedWithOrganizationIds?: readonly string[] | null | undefined;
  pullIntervalSeconds?: number | null | undefined;
}

/** @default one pull an hour; at least a minute, at most a week apart. */
const DEFAULT_INTERVAL_S = 3600;
const MIN_INTERVAL_S = 60;
const MAX_INTERVAL_S = 7 * 24 * 3600;
const MAX_HEADERS = 20;
// RFC 9110 §5.1: a field name is a token.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
// Set by the HTTP client itself; a feed may not replace them.
const RESERVED = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'accept',
  'user-agent',
]);

/** Who may manage feeds of `org`: the SECRETARIAT, or an ORG_ADMIN of it. */
function mayManage(caller: Caller, org: string): boolean {
  return (
    hasRight(caller, Right.AdministerMechanism) || organizationWith(caller, Right.ManageOrganization) === org
  );
}

function requireFeedManager(caller: Caller): void {
  if (!caller) throw unauthenticated('Managing MISP feeds needs a bearer token.');
  if (!hasRight(caller, Right.AdministerMechanism) && !hasRight(caller, Right.ManageOrganization)) {
    throw forbidden('Only the SECRETARIAT or an ORG_ADMIN manages MISP feeds.');
  }
}

function headersOf(input: readonly MispFeedHeader[] | null | undefined): MispFeedHeader[] {
  const headers = input ?? [];
  if (headers.length > MAX_HEADERS) throw badUserInput('input.headers', `At most ${MAX_HEADERS} headers.`);
  return headers.map((header, n) => {
    const name = header.name.trim();
    if (!TOKEN.test(name) || RESERVED.has(name.toLowerCase())) {
      throw badUserInput(
        `input.headers.${n}.name`,
        'A header name is an HTTP token other than Host, Accept, …',
      );
    }
    // CR, LF and NUL would end the header early (request splitting); Node refuses them too.
    if (/[\r\n\0]/.test(header.value) || header.value.length > 8192) {
      throw badUserInput(
        `input.headers.${n}.value`,
        'A header value is one line of at most 8192 characters.',
      );
    }
    return { name, value: header.value.trim() };
  });
}

/** The feed's base URL: `…/manifest.json` and a trailing slash are taken off. */
function feedUrl(raw: string, policy: WebhookTargetPolicy): string {
  const url = raw
    .trim()
    .replace(/\/manifest\.json$/, '')
    .replace(/\/+$/, '');
  if (url.length > 2048) throw badUserInput('input.url', 'A feed URL is at most 2048 characters.');
  const refusal = refusedWebhookUrl(url, policy);
  if (refusal) throw badUserInput('input.url', refusal.replace(/webhooks/g, 'feeds'));
  return url;
}

/** `addMispFeed`: due at once, then every `pullIntervalSeconds`. */
export async function addFeed(
  db: Db,
  directory: Directory,
  caller: Caller,
  input: AddMispFeedInput,
  policy: WebhookTargetPolicy,
  secrets: FeedSecrets | undefined,
): Promise<MispFeedRow> {
  if (!secrets) throw new Error('MISP feeds need the exchange secrets key (feed-secrets.ts).');
  requireFeedManager(caller);
  const own = organizationWith(caller, Right.ManageOrganization);
  const org = input.organizationId ?? own;
  if (!org)
    throw badUserInput('input.organizationId', 'Name the organization that will own what the feed imports.');
  if (!mayManage(caller, org)) throw forbidden('An ORG_ADMIN adds feeds for its own organization only.');
  const interval = input.pullIntervalSeconds ?? DEFAULT_INTERVAL_S;
  if (!Number.isInteger(interval) || interval < MIN_INTERVAL_S || interval > MAX_INTERVAL_S) {
    throw badUserInput(
      'input.pullIntervalSeconds',
      `Between ${MIN_INTERVAL_S} and ${MAX_INTERVAL_S} seconds.`,
    );
  }
  const url = feedUrl(input.url, policy);
  const headers = headersOf(input.headers);
  const shared = valid
    .organizationIds('input.sharedWithOrganizationIds', input.sharedWithOrganizationIds)
    .filter((id) => id !== org);
  await directory.requireOrganizations([org, ...shared]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(m.mispFeeds)
      .values({
        ownerOrg: org,
        url,
        // Header values are stored encrypted; only their names are ever returned.
        headers: secrets.sealHeaders(headers),
        defaultTlp: input.defaultTlp ?? 'AMBER',
        sharedWith: shared,
        pullIntervalSeconds: interval,
        createdBySub: caller!.sub,
      })
      .returning();
    // The URL may carry a key in its query, and the headers are secrets: neither is written here.
    await auditFeed(
      tx,
      caller,
      'addMispFeed',
      row!.id,
      `Added a MISP feed for ${org} (TLP:${row!.defaultTlp} by default).`,
    );
    return row!;
  });
}

function auditFeed(tx: Tx, caller: Caller, operation: string, id: string, summary: string) {
  return audit(
    tx,
    { sub: caller!.sub, org: caller!.org },
    { operation, targetType: 'MispFeed', targetId: id, summary },
  );
}

/** `mispFeeds`: every feed for the SECRETARIAT, an ORG_ADMIN's organization's feeds otherwise. */
export async function listFeeds(db: Db, caller: Caller): Promise<MispFeedRow[]> {
  requireFeedManager(caller);
  const query = db.select().from(m.mispFeeds);
  const own = organizationWith(caller, Right.ManageOrganization);
  const rows = hasRight(caller, Right.AdministerMechanism)
    ? await query.orderBy(m.mispFeeds.createdAt)
    : await query.where(eq(m.mispFeeds.ownerOrg, own ?? '')).orderBy(m.mispFeeds.createdAt);
  return rows;
}

/** A feed the caller may manage, or NOT_FOUND (the same for one of another organization). */
export async function managedFeed(db: Db, caller: Caller, id: string): Promise<MispFeedRow> {
  requireFeedManager(caller);
  const [row] = isUuid(id) ? await db.select().from(m.mispFeeds).where(eq(m.mispFeeds.id, id)) : [];
  if (!row || !mayManage(caller, row.ownerOrg)) throw notFound('MispFeed', id);
  return row;
}

/** Enables or disables a feed; enabling makes it due at once. */
export async function setFeedEnabled(db: Db, caller: Caller, id: string, enabled: boolean) {
  await managedFeed(db, caller, id);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(m.mispFeeds)
      .set(enabled ? { enabled, nextPullAt: new Date(), failures: 0 } : { enabled })
      .where(eq(m.mispFeeds.id, id))
      .returning();
    await auditFeed(tx, caller, 'setMispFeedEnabled', id, `${enabled ? 'Enabled' : 'Disabled'} a MISP feed.`);
    return row!;
  });
}

/** Makes a feed due now; a pull in progress keeps its lease and finishes first. */
export async function pullFeedNow(db: Db, caller: Caller, id: string) {
  const feed = await managedFeed(db, caller, id);
  if (!feed.enabled) throw badUserInput('id', 'The feed is disabled; enable it to pull it.');
  const [row] = await db
    .update(m.mispFeeds)
    .set({ nextPullAt: new Date() })
    .where(eq(m.mispFeeds.id, id))
    .returning();
  return row!;
}

/** Removes a feed and its pull history; what it imported stays, owned by its organization. */
export async function removeFeed(db: Db, caller: Caller, id: string): Promise<string> {
  const feed = await managedFeed(db, caller, id);
  await db.transaction(async (tx) => {
    await tx.delete(m.mispFeeds).where(eq(m.mispFeeds.id, id));
    await auditFeed(tx, caller, 'removeMispFeed', id, `Removed a MISP feed of ${feed.ownerOrg}.`);
  });
  return id;
}

/** The last pulls of a feed, newest first. */
export function recentPulls(db: Db, feedId: string, first: number) {
  return db
    .select()
    .from(m.mispFeedPulls)
    .where(eq(m.mispFeedPulls.feedId, feedId))
    .orderBy(desc(m.mispFeedPulls.startedAt))
    .limit(Math.min(Math.max(first, 1), 100));
}
