import { asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Caller } from '@cadg/platform';
import type { Db } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import type { IncidentEventRow, IncidentEventType, IncidentRow } from '../rows.ts';
import { groupReadersOf, INCIDENT_MARKING, readableBy } from '../visibility.ts';

/** An event about an incident; ADVISORY_PUBLISHED events name an advisory instead and never reach this feed. */
export type IncidentFeedEvent = IncidentEventRow & {
  incidentId: string;
  type: Exclude<IncidentEventType, 'ADVISORY_PUBLISHED'>;
};

/** An event with its incident as it is now, which is what delivery-time visibility is judged on. */
export interface FeedItem {
  event: IncidentFeedEvent;
  incident: IncidentRow;
}

/** An event as the stream delivers it: with the incident's sharing-group readers when it was read. */
export interface StreamItem extends FeedItem {
  groupReaders: string[];
}

/**
 * Events about incidents after `afterId`, oldest first, each with its incident's current state
 * and the current members of the sharing groups it was shared with (read in the same statement).
 * The inner join keeps advisory events out, which is what the narrower event type says.
 */
export function eventsAfter(db: Db, afterId: number, limit: number): Promise<StreamItem[]> {
  return db
    .select({
      event: t.incidentEvents,
      incident: t.incidents,
      groupReaders: groupReadersOf(INCIDENT_MARKING),
    })
    .from(t.incidentEvents)
    .innerJoin(t.incidents, eq(t.incidents.id, t.incidentEvents.incidentId))
    .where(gt(t.incidentEvents.id, afterId))
    .orderBy(asc(t.incidentEvents.id))
    .limit(limit) as Promise<StreamItem[]>;
}

export async function lastEventId(db: Db): Promise<number> {
  const [row] = await db
    .select({ id: sql<number>`coalesce(max(${t.incidentEvents.id}), 0)::bigint` })
    .from(t.incidentEvents);
  return Number(row?.id ?? 0);
}

/**
 * The id of the newest event about an incident the caller may read now (0 when there is none),
 * judged as delivery judges it: a subscriber resuming after it is sent every later event it may
 * see, and the id never moves on changes the caller may not see. Walks the events backwards
 * from the newest and stops at the first readable one.
 */
export async function lastVisibleEventId(db: Db, caller: Caller): Promise<number> {
  const [row] = await db
    .select({ id: t.incidentEvents.id })
    .from(t.incidentEvents)
    .innerJoin(t.incidents, eq(t.incidents.id, t.incidentEvents.incidentId))
    .where(readableBy(caller, INCIDENT_MARKING))
    .orderBy(desc(t.incidentEvents.id))
    .limit(1);
  return row?.id ?? 0;
}
