import type { AlignmentEntryResolvers, PositionAlignmentResolvers } from '../generated/resolvers-types.ts';

export const PositionAlignment: PositionAlignmentResolvers = {
  divergentCountries: (alignment) => alignment.divergentCountryCodes.map((code) => ({ code })),
};

export const AlignmentEntry: AlignmentEntryResolvers = {
  country: (entry) => ({ code: entry.countryCode }),
};
