import { pageSize } from '@cadg/platform';
import type { CountryResolvers } from '../generated/resolvers-types.ts';
import { listIncidents } from '../incidents.ts';

export const Country: CountryResolvers = {
  __resolveReference: (ref) => ({ code: ref.code }),
  incidents: (parent, args, { db, caller }) =>
    listIncidents(db, caller, args.filter, pageSize(args.first), args.after, { countryCode: parent.code }),
};
