import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { cursorShape, CursorParts, keysetList, type Caller } from '@cadg/platform';
import { tableKeyset, type Db } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import { advisoryReadableBy } from './advisories.ts';
import { incidentConditions } from './incidents.ts';

/**
 * Lists for clients that keep a copy in sync (the gateway's TAXII collections among them): records
 * the caller may see, oldest change first, changed strictly after `since`.
 *
 * PostgreSQL keeps microseconds, clients and cursors only milliseconds. Comparing raw timestamps
 * with a millisecond `since` would hand back, forever, a record changed at .123456 to a client
 * that last saw .123; so order, seek and filter all use the time truncated to milliseconds.
 */
const millis = (column: AnyPgColumn): SQL => sql`date_trunc('milliseconds', ${column})`;

/** Records changed after `since`, to the millisecond; every record when there is no `since`. */
function changedAfter(column: AnyPgColumn, since: Date | null | undefined): SQL[] {
  return since ? [sql`${millis(column)} > ${since.toISOString()}::timestamptz`] : [];
}

/** Whose sync list (the caller's visibility always applies) and since when. */
export interface SyncQuery {
  caller: Caller;
  since?: Date | null | undefined;
}

const UPDATED_INCIDENT_CURSOR = cursorShape('incidentsUpdated', CursorParts.timestamp, CursorParts.uuid);
const PUBLISHED_ADVISORY_CURSOR = cursorShape('advisoriesPublished', CursorParts.timestamp, CursorParts.uuid);

/** Incidents the caller may see, by last change (oldest first), changed after `since`. */
export const incidentsUpdatedSince = keysetList({
  cursor: UPDATED_INCIDENT_CURSOR,
  where: ({ caller, since }: SyncQuery) => [
    ...incidentConditions(caller, null),
    ...changedAfter(t.incidents.updatedAt, since),
  ],
  queries: (db: Db) =>
    tableKeyset(db, t.incidents, 'asc', [
      [millis(t.incidents.updatedAt), 'timestamptz'],
      [t.incidents.id, 'uuid'],
    ]),
  keyOf: (r) => [r.updatedAt.toISOString(), r.id],
});

/** Advisories the caller may see, oldest first, published after `since` (they never change). */
export const advisoriesPublishedSince = keysetList({
  cursor: PUBLISHED_ADVISORY_CURSOR,
  where: ({ caller, since }: SyncQuery) => [
    advisoryReadableBy(caller),
    ...changedAfter(t.advisories.publishedAt, since),
  ],
  queries: (db: Db) =>
    tableKeyset(db, t.advisories, 'asc', [
      [millis(t.advisories.publishedAt), 'timestamptz'],
      [t.advisories.id, 'uuid'],
    ]),
  keyOf: (r) => [r.publishedAt.toISOString(), r.id],
});
