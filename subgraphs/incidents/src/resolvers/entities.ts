import { cursorShape, CursorParts, pageInMemory, pageSize } from '@cadg/platform';
import { canSeeRequest } from '../assistance.ts';
import type { IncidentsContext } from '../context.ts';
import type { FeedItem } from '../events/feed.ts';
import { EVENT_CURSOR, eventCursor } from '../events/subscription.ts';
import { listIncidents, type IncidentFilter } from '../incidents.ts';
import { advisoryBundle, incidentBundle } from '../stix.ts';
import type {
  AdvisoryRow,
  AssistanceRequestRow,
  IncidentRow,
  IncidentUpdateRow,
  IndicatorRow,
} from '../rows.ts';

const organization = (id: string) => ({ __typename: 'Organization' as const, id });
const country = (code: string) => ({ __typename: 'Country' as const, code });

const UPDATE_CURSOR = cursorShape('incidentUpdates', CursorParts.timestamp, CursorParts.uuid);

interface Page {
  first?: number | null;
  after?: string | null;
}

export const Country = {
  __resolveReference: (ref: { code: string }) => ({ code: ref.code }),
  incidents: (
    parent: { code: string },
    args: Page & { filter?: IncidentFilter | null },
    { db, caller }: IncidentsContext,
  ) => listIncidents(db, caller, args.filter, pageSize(args.first), args.after, { countryCode: parent.code }),
};

export const Organization = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  reportedIncidents: (
    parent: { id: string },
    args: Page & { filter?: IncidentFilter | null },
    { db, caller }: IncidentsContext,
  ) => listIncidents(db, caller, args.filter, pageSize(args.first), args.after, { reportedByOrg: parent.id }),
};

export const Incident = {
  __resolveReference: (ref: { id: string }, { loaders }: IncidentsContext) =>
    loaders.incidentById.load(ref.id),
  reportedBy: (incident: IncidentRow) => organization(incident.reportedByOrg),
  affectedCountries: (incident: IncidentRow) => incident.affectedCountries.map(country),
  sharedWith: (incident: IncidentRow) => incident.sharedWith.map(organization),
  updates: async (incident: IncidentRow, args: Page, { loaders }: IncidentsContext) =>
    pageInMemory(
      await loaders.updatesByIncident.load(incident.id),
      pageSize(args.first),
      args.after,
      UPDATE_CURSOR,
      (u) => [u.postedAt.toISOString(), u.id],
    ),
  assistanceRequests: async (incident: IncidentRow, _: unknown, { caller, loaders }: IncidentsContext) =>
    (await loaders.assistanceByIncident.load(incident.id)).filter((request) =>
      canSeeRequest(caller, incident, request),
    ),
  indicators: (incident: IncidentRow, _: unknown, { loaders }: IncidentsContext) =>
    loaders.indicatorsByIncident.load(incident.id),
  events: async (incident: IncidentRow, args: Page, { loaders }: IncidentsContext) => {
    const events = (await loaders.eventsByIncident.load(incident.id)).map((event): FeedItem => ({
      event,
      incident,
    }));
    return pageInMemory(events, pageSize(args.first), args.after, EVENT_CURSOR, (item) => [item.event.id]);
  },
  stix: async (incident: IncidentRow, _: unknown, { loaders, directory }: IncidentsContext) =>
    incidentBundle(
      incident,
      await loaders.indicatorsByIncident.load(incident.id),
      await directory.organizationNames([incident.reportedByOrg]),
    ),
};

export const IncidentUpdate = {
  incident: (update: IncidentUpdateRow, _: unknown, { loaders }: IncidentsContext) =>
    loaders.incidentById.load(update.incidentId),
  author: (update: IncidentUpdateRow) => organization(update.authorOrg),
};

export const AssistanceRequest = {
  incident: (request: AssistanceRequestRow, _: unknown, { loaders }: IncidentsContext) =>
    loaders.incidentById.load(request.incidentId),
  requestedBy: (request: AssistanceRequestRow) => organization(request.requestedByOrg),
  requestedOf: (request: AssistanceRequestRow) => organization(request.requestedOfOrg),
};

export const Advisory = {
  publishedBy: (advisory: AdvisoryRow) => organization(advisory.publishedByOrg),
  sharedWith: (advisory: AdvisoryRow) => advisory.sharedWith.map(organization),
  indicators: (advisory: AdvisoryRow, _: unknown, { loaders }: IncidentsContext) =>
    loaders.indicatorsByAdvisory.load(advisory.id),
  stix: async (advisory: AdvisoryRow, _: unknown, { loaders, directory }: IncidentsContext) =>
    advisoryBundle(
      advisory,
      await loaders.indicatorsByAdvisory.load(advisory.id),
      await directory.organizationNames([advisory.publishedByOrg]),
    ),
};

export const Indicator = {
  incident: (indicator: IndicatorRow, _: unknown, { loaders }: IncidentsContext) =>
    indicator.incidentId ? loaders.incidentById.load(indicator.incidentId) : null,
  advisory: (indicator: IndicatorRow, _: unknown, { loaders }: IncidentsContext) =>
    indicator.advisoryId ? loaders.advisoryById.load(indicator.advisoryId) : null,
};

/** Event parents carry the incident they were read with (subscriptions, `Incident.events`). */
export const IncidentEvent = {
  cursor: ({ event }: FeedItem) => eventCursor(event.id),
  type: ({ event }: FeedItem) => event.type,
  occurredAt: ({ event }: FeedItem) => event.occurredAt,
  severity: ({ event }: FeedItem) => event.severity,
  previousSeverity: ({ event }: FeedItem) => event.previousSeverity,
  incident: ({ incident }: FeedItem) => incident,
};
