import type { TransferRegimeResolvers } from '../generated/resolvers-types.ts';

export const TransferRegime: TransferRegimeResolvers = {
  country: (regime) => ({ code: regime.countryCode }),
  source: (regime) => ({ url: regime.sourceUrl }),
};
