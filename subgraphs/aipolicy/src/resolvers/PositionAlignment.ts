import type { AlignmentEntry as Entry } from '../alignment.ts';
import type { PositionAlignmentResult } from '../positions.ts';

export const PositionAlignment = {
  divergentCountries: (alignment: PositionAlignmentResult) =>
    alignment.divergentCountryCodes.map((code) => ({ code })),
};

export const AlignmentEntry = {
  country: (entry: Entry) => ({ code: entry.countryCode }),
};
