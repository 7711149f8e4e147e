import DataLoader from 'dataloader';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { byKey, groupBy, loadersOnFirstUse, type Caller } from '@cadg/platform';
import type { Db } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import { advisoryReadableBy } from './advisories.ts';
import type {
  AdvisoryRow,
  AssistanceRequestRow,
  IncidentRow,
  IncidentUpdateRow,
  IndicatorRow,
} from './rows.ts';
import type { IncidentFeedEvent } from './events/feed.ts';
import { sharingLoaders } from './sharing-links.ts';
import { INCIDENT_MARKING, readableBy } from './visibility.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One DataLoader per access path, per request (or per subscription event: `cache: false` there, so
 * a long-lived subscription never serves stale rows). Entity lookups apply the caller's TLP
 * visibility in SQL, so `_entities` cannot be used to read what a list would hide.
 */
const loaders = loadersOnFirstUse({
  incidentById: (db: Db, caller: Caller, options: LoaderOptions) =>
    new DataLoader<string, IncidentRow | null>(async (ids) => {
      const valid = ids.filter((id) => UUID.test(id));
      const rows = valid.length
        ? await db
            .select()
            .from(t.incidents)
            .where(and(inArray(t.incidents.id, valid), readableBy(caller, INCIDENT_MARKING)))
        : [];
      return byKey(ids, rows, (r) => r.id);
    }, options),
  advisoryById: (db: Db, caller: Caller, options: LoaderOptions) =>
    new DataLoader<string, AdvisoryRow | null>(async (ids) => {
      const rows = await db
        .select()
        .from(t.advisories)
        .where(and(inArray(t.advisories.id, [...ids]), advisoryReadableBy(caller)));
      return byKey(ids, rows, (r) => r.id);
    }, options),
  updatesByIncident: (db: Db, caller: Caller, options: LoaderOptions) =>
    new DataLoader<string, IncidentUpdateRow[]>(async (ids) => {
      const rows = await db
        .select()
        .from(t.incidentUpdates)
        .where(inArray(t.incidentUpdates.incidentId, [...ids]))
        .orderBy(asc(t.incidentUpdates.postedAt), asc(t.incidentUpdates.id));
      return groupBy(ids, rows, (r) => r.incidentId);
    }, options),
  eventsByIncident: (db: Db, caller: Caller, options: LoaderOptions) =>
    new DataLoader<string, IncidentFeedEvent[]>(async (ids) => {
      // Rows found by incident id are never advisory events (those have no incident).
      const rows = (await db
        .select()
        .from(t.incidentEvents)
        .where(inArray(t.incidentEvents.incidentId, [...ids]))
        .orderBy(asc(t.incidentEvents.id))) as IncidentFeedEvent[];
      return groupBy(ids, rows, (r) => r.incidentId);
    }, options),
  assistanceByIncident: (db: Db, caller: Caller, options: LoaderOptions) =>
    new DataLoader<string, AssistanceRequestRow[]>(async (ids) => {
      const rows = await db
        .select()
        .from(t.assistanceRequests)
        .where(inArray(t.assistanceRequests.incidentId, [...ids]))
        .orderBy(asc(t.assistanceRequests.requestedAt), asc(t.assistanceRequests.id));
      return groupBy(ids, rows, (r) => r.incidentId);
    }, options),
  advisoriesByIncident: (db: Db, caller: Caller, options: LoaderOptions) =>
    new DataLoader<string, AdvisoryRow[]>(async (ids) => {
      // Advisories naming one of the incidents' indicators: the same type and normalised value.
      const named = alias(t.indicators, 'named');
      const rows = await db
        .selectDistinct({ incidentId: t.indicators.incidentId, advisory: t.advisories })
        .from(t.indicators)
        .innerJoin(named, and(eq(named.type, t.indicators.type), eq(named.value, t.indicators.value)))
        .innerJoin(t.advisories, eq(t.advisories.id, named.advisoryId))
        .where(and(inArray(t.indicators.incidentId, [...ids]), advisoryReadableBy(caller)))
        .orderBy(desc(t.advisories.publishedAt), desc(t.advisories.id));
      return groupBy(ids, rows, (r) => r.incidentId).map((group) => group.map((r) => r.advisory));
    }, options),
  indicatorsByIncident: (db: Db, caller: Caller, options: LoaderOptions) =>
    new DataLoader<string, IndicatorRow[]>(async (ids) => {
      const rows = await db
        .select()
        .from(t.indicators)
        .where(inArray(t.indicators.incidentId, [...ids]))
        .orderBy(asc(t.indicators.addedAt), asc(t.indicators.id));
      return groupBy(ids, rows, (r) => r.incidentId);
    }, options),
  ...sharingLoaders,
  indicatorsByAdvisory: (db: Db, caller: Caller, options: LoaderOptions) =>
    new DataLoader<string, IndicatorRow[]>(async (ids) => {
      const rows = await db
        .select()
        .from(t.indicators)
        .where(inArray(t.indicators.advisoryId, [...ids]))
        .orderBy(asc(t.indicators.addedAt), asc(t.indicators.id));
      return groupBy(ids, rows, (r) => r.advisoryId);
    }, options),
});

/** Whether a loader keeps what it loaded for the rest of the request (`false` for subscription events). */
interface LoaderOptions {
  cache: boolean;
}

export function createLoaders(db: Db, caller: Caller, { cache = true }: { cache?: boolean } = {}) {
  return loaders(db, caller, { cache });
}

export type Loaders = ReturnType<typeof createLoaders>;
