import { pageSize } from '@cadg/platform';
import type { CountryResolvers } from '../generated/resolvers-types.ts';
import { listIncidents } from '../incidents.ts';

export const Country: CountryResolvers = {
  __resolveReference: (ref) => ({ code: ref.code }),
  incidents: (parent, { filter, first, after }, { db, caller }) =>
    listIncidents(db, { caller, filter, scope: { countryCode: parent.code } }, pageSize(first), after),
};
