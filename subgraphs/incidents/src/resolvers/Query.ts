import { pageSize, unauthenticated } from '@cadg/platform';
import { listAdvisories, type AdvisoryFilter } from '../advisories.ts';
import type { IncidentsContext } from '../context.ts';
import { lastEventId } from '../events/feed.ts';
import { eventCursor } from '../events/subscription.ts';
import { listIncidents, type IncidentFilter } from '../incidents.ts';
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
  incidentEventCursor: async (_: unknown, _args: unknown, { db }: IncidentsContext) =>
    eventCursor(await lastEventId(db)),
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
  phishingReport: (_: unknown, args: { url: string }, { db, caller }: IncidentsContext) => {
    // Reports name the members and detectors that sent them: members only.
    if (!caller) throw unauthenticated('Phishing reports are for authenticated members.');
    return findPhishingReport(db, args.url);
  },
  incidentStats: (
    _: unknown,
    args: { groupBy: StatsGroupBy; filter?: IncidentFilter | null },
    { db, caller }: IncidentsContext,
  ) => incidentStats(db, caller, args.groupBy, args.filter),
};
