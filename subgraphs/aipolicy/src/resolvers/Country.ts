import type { CountryResolvers } from '../generated/resolvers-types.ts';

export const Country: CountryResolvers = {
  /** Null for a country that does not take part, so the gateway sees no AI-policy record for it. */
  __resolveReference: (ref, { loaders }) => loaders.countryByCode.load(ref.code),
  aiPolicyPositions: async (country, args, { loaders }) => {
    const loader = args.includeSuperseded ? loaders.allPositionsByCountry : loaders.currentPositionsByCountry;
    const positions = await loader.load(country.code);
    return positions.filter(
      (p) => (!args.topic || p.topicSlug === args.topic) && (!args.forum || p.forumSlug === args.forum),
    );
  },
  aiPolicyInstruments: (country, _, { loaders }) => loaders.instrumentsByCountry.load(country.code),
};
