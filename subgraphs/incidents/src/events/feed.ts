import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import type { IncidentEventRow, IncidentRow } from '../rows.ts';

/** An event with its incident as it is now, which is what delivery-time visibility is judged on. */
export interface FeedItem {
  event: IncidentEventRow;
  incident: IncidentRow;
}

/** Events after `afterId`, oldest first, each with its incident's current state. */
export function eventsAfter(db: Db, afterId: number, limit: number): Promise<FeedItem[]> {
  return db
    .select({ event: t.incidentEvents, incident: t.incidents })
    .from(t.incidentEvents)
    .innerJoin(t.incidents, eq(t.incidents.id, t.incidentEvents.incidentId))
    .where(gt(t.incidentEvents.id, afterId))
    .orderBy(asc(t.incidentEvents.id))
    .limit(limit);
}

export async function lastEventId(db: Db): Promise<number> {
  const [row] = await db
    .select({ id: sql<number>`coalesce(max(${t.incidentEvents.id}), 0)::bigint` })
    .from(t.incidentEvents);
  return Number(row?.id ?? 0);
}
