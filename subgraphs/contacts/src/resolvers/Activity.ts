import { loadExisting } from '@cadg/platform';
import type { ContactsContext } from '../context.ts';
import type { ActivityRow } from '../rows.ts';

export const Activity = {
  host: (activity: ActivityRow, _: unknown, { loaders }: ContactsContext) =>
    activity.hostOrganizationId ? loaders.organizationById.load(activity.hostOrganizationId) : null,
  participants: async (activity: ActivityRow, _: unknown, { loaders }: ContactsContext) =>
    loadExisting(loaders.organizationById, await loaders.participantIdsByActivity.load(activity.id)),
  countries: async (activity: ActivityRow, _: unknown, { loaders }: ContactsContext) =>
    loadExisting(loaders.countryByCode, await loaders.countryCodesByActivity.load(activity.id)),
};
