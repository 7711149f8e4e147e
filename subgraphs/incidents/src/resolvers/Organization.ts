import { pageSize } from '@cadg/platform';
import type { OrganizationResolvers } from '../generated/resolvers-types.ts';
import { listIncidents } from '../incidents.ts';

export const Organization: OrganizationResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  reportedIncidents: (parent, args, { db, caller }) =>
    listIncidents(db, caller, args.filter, pageSize(args.first), args.after, { reportedByOrg: parent.id }),
};
