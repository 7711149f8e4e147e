import type { AipolicyContext } from '../context.ts';
import type { CountryRow } from '../rows.ts';

export const Country = {
  /** Null for a country that does not take part, so the gateway sees no AI-policy record for it. */
  __resolveReference: (ref: { code: string }, { loaders }: AipolicyContext) =>
    loaders.countryByCode.load(ref.code),
  aiPolicyPositions: async (
    country: CountryRow,
    args: { topic?: string | null; forum?: string | null; includeSuperseded?: boolean | null },
    { loaders }: AipolicyContext,
  ) => {
    const loader = args.includeSuperseded ? loaders.allPositionsByCountry : loaders.currentPositionsByCountry;
    const positions = await loader.load(country.code);
    return positions.filter(
      (p) => (!args.topic || p.topicSlug === args.topic) && (!args.forum || p.forumSlug === args.forum),
    );
  },
  aiPolicyInstruments: (country: CountryRow, _: unknown, { loaders }: AipolicyContext) =>
    loaders.instrumentsByCountry.load(country.code),
};
