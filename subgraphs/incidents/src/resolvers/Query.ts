import { pageSize } from '@cadg/platform';
import { listAdvisories, type AdvisoryFilter } from '../advisories.ts';
import type { IncidentsContext } from '../context.ts';
import { lastVisibleEventId } from '../events/feed.ts';
import { eventCursor } from '../events/subscription.ts';
import { listIncidents, type IncidentFilter } from '../incidents.ts';
import { requireMember } from '../permissions.ts';
import { findPhishingReport } from '../phishing.ts';
import { findIndicators, incidentStats, type StatsGroupBy } from '../search.ts';
import { advisoriesPublishedSince, incidentsUpdatedSince } from '../sync.ts';

interface Page<F> {
  filter?: F | null;
  first?: number | null;
  after?: string | null;
}

export const Query = {
  incident: (_: unknown, args: { id: string }, { loaders }: IncidentsContext) =>
    loaders.incidentById.load(args.id),
  incidents: (_: unknown, args: Page<IncidentFilter>, { db, caller }: IncidentsContext) =>
    listIncidents(db, caller, args.filter, pageSize(args.first), args.after),
  advisories: (_: unknown, args: Page<AdvisoryFilter>, { db, caller }: IncidentsContext) =>
    listAdvisories(db, caller, args.filter, pageSize(args.first), args.after),
  indicators: (_: unknown, args: { value: string }, { db, caller }: IncidentsContext) =>
    findIndicators(db, caller, args.value),
  // Per caller: a global newest id would move on changes the caller may not see.
  incidentEventCursor: async (_: unknown, _args: unknown, { db, caller }: IncidentsContext) =>
    eventCursor(await lastVisibleEventId(db, caller)),
  incidentsUpdatedSince: (
    _: unknown,
    args: { since?: Date | null; first?: number | null; after?: string | null },
    { db, caller }: IncidentsContext,
  ) => incidentsUpdatedSince(db, caller, args.since, pageSize(args.first), args.after),
  advisoriesPublishedSince: (
    _: unknown,
    args: { since?: Date | null; first?: number | null; after?: string | null },
    { db, caller }: IncidentsContext,
  ) => advisoriesPublishedSince(db, caller, args.since, pageSize(args.first), args.after),
  phishingReport: (_: unknown, args: { url: string }, { db, caller }: IncidentsContext) =>
    findPhishingReport(db, requireMember(caller), args.url),
  incidentStats: (
    _: unknown,
    args: { groupBy: StatsGroupBy; filter?: IncidentFilter | null },
    { db, caller }: IncidentsContext,
  ) => incidentStats(db, caller, args.groupBy, args.filter),
};
