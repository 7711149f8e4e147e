import { cursorShape, CursorParts, pageInMemory, pageSize } from '@cadg/platform';
import { canSeeRequest } from '../assistance.ts';
import type { FeedItem } from '../events/feed.ts';
import { EVENT_CURSOR } from '../events/subscription.ts';
import type { IncidentResolvers } from '../generated/resolvers-types.ts';
import { incidentBundle } from '../stix.ts';
import { country, organization } from './references.ts';

const UPDATE_CURSOR = cursorShape('incidentUpdates', CursorParts.timestamp, CursorParts.uuid);

export const Incident: IncidentResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.incidentById.load(ref.id),
  reportedBy: (incident) => organization(incident.reportedByOrg),
  affectedCountries: (incident) => incident.affectedCountries.map(country),
  sharedWith: (incident) => incident.sharedWith.map(organization),
  sharedWithSharingGroups: (incident, _, { loaders }) => loaders.sharingGroupsByIncident.load(incident.id),
  updates: async (incident, args, { loaders }) =>
    pageInMemory(
      await loaders.updatesByIncident.load(incident.id),
      pageSize(args.first),
      args.after,
      UPDATE_CURSOR,
      (u) => [u.postedAt.toISOString(), u.id],
    ),
  assistanceRequests: async (incident, _, { caller, loaders }) =>
    (await loaders.assistanceByIncident.load(incident.id)).filter((request) =>
      canSeeRequest(caller, incident, request),
    ),
  indicators: (incident, _, { loaders }) => loaders.indicatorsByIncident.load(incident.id),
  advisories: (incident, _, { loaders }) => loaders.advisoriesByIncident.load(incident.id),
  events: async (incident, args, { loaders }) => {
    const events = (await loaders.eventsByIncident.load(incident.id)).map((event): FeedItem => ({
      event,
      incident,
    }));
    return pageInMemory(events, pageSize(args.first), args.after, EVENT_CURSOR, (item) => [item.event.id]);
  },
  stix: async (incident, _, { loaders, directory }) =>
    incidentBundle(
      incident,
      await loaders.indicatorsByIncident.load(incident.id),
      await directory.organizationNames([incident.reportedByOrg]),
    ),
};
