import { loadRequired } from '@cadg/platform';
import type { OrganizationResolvers } from '../generated/resolvers-types.ts';

export const Organization: OrganizationResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.organizationById.load(ref.id),
  country: (org, _, { loaders }) => loadRequired(loaders.countryByCode, org.countryCode),
  contacts: async (org, args, { loaders }) => {
    const contacts = await loaders.contactsByOrganization.load(org.id);
    const role = args.role;
    return role ? contacts.filter((contact) => contact.roles.includes(role)) : contacts;
  },
  activities: (org, _, { loaders }) => loaders.activitiesByOrganization.load(org.id),
};
