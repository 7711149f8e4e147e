import { asc, isNotNull, isNull } from 'drizzle-orm';
import { pageSize } from '@cadg/platform';
import * as t from '@cadg/db/contacts';
import { listActivities } from '../activities.ts';
import { listContacts } from '../contacts.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { listOrganizations } from '../organizations.ts';
import * as valid from '../validation.ts';

export const Query: QueryResolvers = {
  countries: async (_, args, { db }) => {
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
  country: async (_, args, { loaders }) => loaders.countryByCode.load(valid.countryCode('code', args.code)),
  organizations: (_, args, { db }) => listOrganizations(db, args.filter, pageSize(args.first), args.after),
  organization: (_, args, { loaders }) => loaders.organizationById.load(args.id),
  contacts: (_, args, { db }) => listContacts(db, args.filter, pageSize(args.first), args.after),
  activities: (_, args, { db }) => listActivities(db, args.filter, pageSize(args.first), args.after),
};
