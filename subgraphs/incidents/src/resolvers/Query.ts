import { pageSize } from '@cadg/platform';
import { listAdvisories } from '../advisories.ts';
import { listAssistanceRequests } from '../assistance.ts';
import { lastVisibleEventId } from '../events/feed.ts';
import { eventCursor } from '../events/subscription.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { listIncidents } from '../incidents.ts';
import { requireMember } from '../permissions.ts';
import { findPhishingReport } from '../phishing.ts';
import { findIndicators, incidentStats } from '../search.ts';
import { advisoriesPublishedSince, incidentsUpdatedSince } from '../sync.ts';

export const Query: QueryResolvers = {
  incident: (_, args, { loaders }) => loaders.incidentById.load(args.id),
  incidents: (_, args, { db, caller }) =>
    listIncidents(db, { caller, filter: args.filter }, pageSize(args.first), args.after),
  assistanceRequests: (_, args, { db, caller }) =>
    listAssistanceRequests(db, { caller, filter: args.filter }, pageSize(args.first), args.after),
  advisories: (_, args, { db, caller }) =>
    listAdvisories(db, { caller, filter: args.filter }, pageSize(args.first), args.after),
  indicators: (_, args, { db, caller }) => findIndicators(db, caller, args.value),
  // Per caller: a global newest id would move on changes the caller may not see.
  incidentEventCursor: async (_, _args, { db, caller }) => eventCursor(await lastVisibleEventId(db, caller)),
  incidentsUpdatedSince: (_, args, { db, caller }) =>
    incidentsUpdatedSince(db, { caller, since: args.since }, pageSize(args.first), args.after),
  advisoriesPublishedSince: (_, args, { db, caller }) =>
    advisoriesPublishedSince(db, { caller, since: args.since }, pageSize(args.first), args.after),
  phishingReport: (_, args, { db, caller }) => findPhishingReport(db, requireMember(caller), args.url),
  incidentStats: (_, args, { db, caller }) => incidentStats(db, caller, args.groupBy, args.filter),
};
