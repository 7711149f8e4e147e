import { pageSize } from '@cadg/platform';
import { listAdvisories, type AdvisoryFilter } from '../advisories.ts';
import type { IncidentsContext } from '../context.ts';
import { lastEventId } from '../events/feed.ts';
import { eventCursor } from '../events/subscription.ts';
import { listIncidents, type IncidentFilter } from '../incidents.ts';
import { findIndicators, incidentStats, type StatsGroupBy } from '../search.ts';

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
  incidentStats: (
    _: unknown,
    args: { groupBy: StatsGroupBy; filter?: IncidentFilter | null },
    { db, caller }: IncidentsContext,
  ) => incidentStats(db, caller, args.groupBy, args.filter),
};
