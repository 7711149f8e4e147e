import type { DataProtectionLawResolvers } from '../generated/resolvers-types.ts';

export const DataProtectionLaw: DataProtectionLawResolvers = {
  source: (law) => ({ url: law.sourceUrl }),
};
