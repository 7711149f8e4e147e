import { and, asc, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { cursorShape, CursorParts, keysetConnection, type Caller, type Connection } from '@cadg/platform';
import { countRows, type Db } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import { advisoryReadableBy } from './advisories.ts';
import { incidentConditions } from './incidents.ts';
import type { AdvisoryRow, IncidentRow } from './rows.ts';

/**
 * Lists for clients that keep a copy in sync (the gateway's TAXII collections among them): records
 * the caller may see, oldest change first, changed strictly after `since`.
 *
 * PostgreSQL keeps microseconds, clients and cursors only milliseconds. Comparing raw timestamps
 * with a millisecond `since` would hand back, forever, a record changed at .123456 to a client
 * that last saw .123; so order, seek and filter all use the time truncated to milliseconds.
 */
const millis = (column: AnyPgColumn): SQL => sql`date_trunc('milliseconds', ${column})`;

function seekAfter(column: AnyPgColumn, id: AnyPgColumn) {
  return ([at, key]: readonly [string, string]): SQL =>
    sql`(${millis(column)}, ${id}) > (${at}::timestamptz, ${key}::uuid)`;
}

const UPDATED_INCIDENT_CURSOR = cursorShape('incidentsUpdated', CursorParts.timestamp, CursorParts.uuid);
const PUBLISHED_ADVISORY_CURSOR = cursorShape('advisoriesPublished', CursorParts.timestamp, CursorParts.uuid);

/** Incidents the caller may see, by last change (oldest first), changed after `since`. */
export function incidentsUpdatedSince(
  db: Db,
  caller: Caller,
  since: Date | null | undefined,
  limit: number,
  after: string | null | undefined,
): Promise<Connection<IncidentRow>> {
  const where = incidentConditions(caller, null);
  if (since) where.push(sql`${millis(t.incidents.updatedAt)} > ${since.toISOString()}::timestamptz`);
  return keysetConnection({
    where,
    after,
    limit,
    cursor: UPDATED_INCIDENT_CURSOR,
    seek: seekAfter(t.incidents.updatedAt, t.incidents.id),
    fetch: (condition, limitPlusOne) =>
      db
        .select()
        .from(t.incidents)
        .where(condition)
        .orderBy(asc(millis(t.incidents.updatedAt)), asc(t.incidents.id))
        .limit(limitPlusOne),
    count: (condition) => countRows(db, t.incidents, condition),
    keyOf: (r) => [r.updatedAt.toISOString(), r.id],
  });
}

/** Advisories the caller may see, oldest first, published after `since` (they never change). */
export function advisoriesPublishedSince(
  db: Db,
  caller: Caller,
  since: Date | null | undefined,
  limit: number,
  after: string | null | undefined,
): Promise<Connection<AdvisoryRow>> {
  const where: SQL[] = [advisoryReadableBy(caller)];
  if (since) where.push(sql`${millis(t.advisories.publishedAt)} > ${since.toISOString()}::timestamptz`);
  return keysetConnection({
    where,
    after,
    limit,
    cursor: PUBLISHED_ADVISORY_CURSOR,
    seek: seekAfter(t.advisories.publishedAt, t.advisories.id),
    fetch: (condition, limitPlusOne) =>
      db
        .select()
        .from(t.advisories)
        .where(and(condition))
        .orderBy(asc(millis(t.advisories.publishedAt)), asc(t.advisories.id))
        .limit(limitPlusOne),
    count: (condition) => countRows(db, t.advisories, condition),
    keyOf: (r) => [r.publishedAt.toISOString(), r.id],
  });
}
