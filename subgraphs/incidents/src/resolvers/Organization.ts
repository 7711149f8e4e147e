import { pageSize } from '@cadg/platform';
import type { OrganizationResolvers } from '../generated/resolvers-types.ts';
import { listIncidents } from '../incidents.ts';

export const Organization: OrganizationResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  reportedIncidents: (parent, { filter, first, after }, { db, caller }) =>
    listIncidents(db, { caller, filter, scope: { reportedByOrg: parent.id } }, pageSize(first), after),
};
