import { asc, isNotNull, isNull } from 'drizzle-orm';
import { pageSize } from '@cadg/platform';
import * as t from '@cadg/db/contacts';
import { listActivities, type ActivityFilter } from '../activities.ts';
import { listContacts, type ContactFilter } from '../contacts.ts';
import type { ContactsContext } from '../context.ts';
import { listOrganizations, type OrganizationFilter } from '../organizations.ts';
import * as valid from '../validation.ts';

interface Page<F> {
  filter?: F | null;
  first?: number | null;
  after?: string | null;
}

export const Query = {
  countries: async (_: unknown, args: { aseanMember?: boolean | null }, { db }: ContactsContext) => {
    const query = db.select().from(t.countries);
    const member = args.aseanMember;
    const filtered =
      member === true
        ? query.where(isNotNull(t.countries.aseanMemberSince))
        : member === false
          ? query.where(isNull(t.countries.aseanMemberSince))
          : query;
    return filtered.orderBy(asc(t.countries.name));
  },
  country: async (_: unknown, args: { code: string }, { loaders }: ContactsContext) =>
    loaders.countryByCode.load(valid.countryCode('code', args.code)),
  organizations: (_: unknown, args: Page<OrganizationFilter>, { db }: ContactsContext) =>
    listOrganizations(db, args.filter, pageSize(args.first), args.after),
  organization: (_: unknown, args: { id: string }, { loaders }: ContactsContext) =>
    loaders.organizationById.load(args.id),
  contacts: (_: unknown, args: Page<ContactFilter>, { db }: ContactsContext) =>
    listContacts(db, args.filter, pageSize(args.first), args.after),
  activities: (_: unknown, args: Page<ActivityFilter>, { db }: ContactsContext) =>
    listActivities(db, args.filter, pageSize(args.first), args.after),
};
