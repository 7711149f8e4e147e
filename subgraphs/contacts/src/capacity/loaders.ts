import DataLoader from 'dataloader';
import { and, asc, inArray } from 'drizzle-orm';
import { byKey, groupBy, loadersOnFirstUse, manyByColumn, oneByColumn, type Caller } from '@cadg/platform';
import type { Db } from '@cadg/db';
import * as c from '@cadg/db/contacts-capacity';
import type { AfterActionRow, AttendeeRow, CancellationRow, FollowUpRow, MaterialRow } from './rows.ts';
import { readableRecord } from './visibility.ts';

/**
 * Per-request loaders for capacity-building records. They take the caller because what a caller
 * may read (TLP) is decided in the SQL that loads it, so one request's cache never serves another.
 */
export const createCapacityLoaders = loadersOnFirstUse({
  cancellationByActivity: (db: Db) =>
    new DataLoader<string, CancellationRow | null>(oneByColumn(db, c.activityCancellations, 'activityId')),
  readableMaterialsByActivity: (db: Db, caller: Caller) =>
    new DataLoader<string, MaterialRow[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(c.activityMaterials)
          .where(
            and(
              inArray(c.activityMaterials.activityId, [...ids]),
              readableRecord(caller, c.activityMaterials, 'participants'),
            ),
          )
          .orderBy(asc(c.activityMaterials.createdAt), asc(c.activityMaterials.id)),
        (r) => r.activityId,
      ),
    ),
  /** Personal data: resolvers ask `maySeePersonalDetails` before using it. */
  attendeesByActivity: (db: Db) =>
    new DataLoader<string, AttendeeRow[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(c.activityAttendees)
          .where(inArray(c.activityAttendees.activityId, [...ids]))
          .orderBy(
            asc(c.activityAttendees.organizationId),
            asc(c.activityAttendees.name),
            asc(c.activityAttendees.id),
          ),
        (r) => r.activityId,
      ),
    ),
  readableAfterActionByActivity: (db: Db, caller: Caller) =>
    new DataLoader<string, AfterActionRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(c.afterActionReports)
          .where(
            and(
              inArray(c.afterActionReports.activityId, [...ids]),
              readableRecord(caller, c.afterActionReports, 'namedTeams'),
            ),
          ),
        (r) => r.activityId,
      ),
    ),
  /** Only reached through a report the caller could read. */
  teamIdsByReport: (db: Db) =>
    new DataLoader<string, string[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(c.afterActionTeams)
          .where(inArray(c.afterActionTeams.activityId, [...ids]))
          .orderBy(asc(c.afterActionTeams.organizationId)),
        (r) => r.activityId,
      ).map((rows) => rows.map((r) => r.organizationId)),
    ),
  /** Only reached through a report the caller could read. */
  followUpsByReport: (db: Db) =>
    new DataLoader<string, FollowUpRow[]>(
      manyByColumn(db, c.afterActionFollowUps, 'activityId', asc(c.afterActionFollowUps.position)),
    ),
});

export type CapacityLoaders = ReturnType<typeof createCapacityLoaders>;
