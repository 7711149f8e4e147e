import { loadExisting } from '@cadg/platform';
import type { ActivityResolvers } from '../generated/resolvers-types.ts';

export const Activity: ActivityResolvers = {
  host: (activity, _, { loaders }) =>
    activity.hostOrganizationId ? loaders.organizationById.load(activity.hostOrganizationId) : null,
  participants: async (activity, _, { loaders }) =>
    loadExisting(loaders.organizationById, await loaders.participantIdsByActivity.load(activity.id)),
  countries: async (activity, _, { loaders }) =>
    loadExisting(loaders.countryByCode, await loaders.countryCodesByActivity.load(activity.id)),
};
