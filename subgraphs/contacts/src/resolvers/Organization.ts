import { loadRequired, selectsField } from '@cadg/platform';
import type { OrganizationResolvers } from '../generated/resolvers-types.ts';
import { languageTag } from '../validation.ts';

export const Organization: OrganizationResolvers = {
  /** With the organizations' contacts in the same statement when the call asks for them. */
  __resolveReference: (ref, { loaders }, info) =>
    (selectsField(info, 'Organization', 'contacts')
      ? loaders.organizationWithContacts
      : loaders.organizationById
    ).load(ref.id),
  names: (org, _, { loaders }) => loaders.namesByOrganization.load(org.id),
  nameIn: async (org, args, { loaders }) => {
    const language = languageTag('language', args.language);
    const names = await loaders.namesByOrganization.load(org.id);
    return names.find((entry) => entry.language === language) ?? null;
  },
  country: (org, _, { loaders }) => loadRequired(loaders.countryByCode, org.countryCode),
  contacts: async (org, args, { loaders }) => {
    const contacts = await loaders.contactsByOrganization.load(org.id);
    const role = args.role;
    return role ? contacts.filter((contact) => contact.roles.includes(role)) : contacts;
  },
  activities: (org, _, { loaders }) => loaders.activitiesByOrganization.load(org.id),
};
