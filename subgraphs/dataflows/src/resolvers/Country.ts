import { pageSize } from '@cadg/platform';
import { listPilots } from '../pilots.ts';
import type { CountryResolvers } from '../generated/resolvers-types.ts';

/** Country is owned by contacts; this subgraph only adds fields to it, so any code is a reference. */
export const Country: CountryResolvers = {
  __resolveReference: (ref) => ({ code: ref.code }),
  dataFlowPolicy: (country, _, { loaders }) => loaders.policyByCountry.load(country.code),
  dataFlowPilots: (country, args, { db }) =>
    listPilots(
      db,
      { countryCode: country.code, statuses: args.status ? [args.status] : null },
      pageSize(args.first),
      args.after,
    ),
};
