import type { ContactsContext } from '../context.ts';
import type { ContactRole, OrganizationRow } from '../rows.ts';

export const Organization = {
  __resolveReference: (ref: { id: string }, { loaders }: ContactsContext) =>
    loaders.organizationById.load(ref.id),
  country: (org: OrganizationRow, _: unknown, { loaders }: ContactsContext) =>
    loaders.countryByCode.load(org.countryCode),
  contacts: async (
    org: OrganizationRow,
    args: { role?: ContactRole | null },
    { loaders }: ContactsContext,
  ) => {
    const contacts = await loaders.contactsByOrganization.load(org.id);
    const role = args.role;
    return role ? contacts.filter((contact) => contact.roles.includes(role)) : contacts;
  },
  activities: (org: OrganizationRow, _: unknown, { loaders }: ContactsContext) =>
    loaders.activitiesByOrganization.load(org.id),
};
