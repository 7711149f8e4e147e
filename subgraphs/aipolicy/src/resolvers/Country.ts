import { valueFromASTUntyped, type GraphQLResolveInfo } from 'graphql';
import { selectsField } from '@cadg/platform';
import type { CountryResolvers } from '../generated/resolvers-types.ts';

/**
 * Whether a `_entities` call selects `aiPolicyPositions` on Country without `includeSuperseded`,
 * so the reference check may read the current positions in the same statement. Positions asked
 * for only with superseded ones read nothing extra.
 */
const asksForCurrentPositions = (info: GraphQLResolveInfo): boolean =>
  selectsField(info, 'Country', 'aiPolicyPositions', (field) => {
    const argument = field.arguments?.find((a) => a.name.value === 'includeSuperseded');
    return !argument || valueFromASTUntyped(argument.value, info.variableValues) !== true;
  });

export const Country: CountryResolvers = {
  /** Null for a country that does not take part, so the gateway sees no AI-policy record for it. */
  __resolveReference: (ref, { loaders }, info) =>
    (asksForCurrentPositions(info) ? loaders.countryWithCurrentPositions : loaders.countryByCode).load(
      ref.code,
    ),
  aiPolicyPositions: async (country, args, { loaders }) => {
    const loader = args.includeSuperseded ? loaders.allPositionsByCountry : loaders.currentPositionsByCountry;
    const positions = await loader.load(country.code);
    return positions.filter(
      (p) => (!args.topic || p.topicSlug === args.topic) && (!args.forum || p.forumSlug === args.forum),
    );
  },
  aiPolicyInstruments: (country, _, { loaders }) => loaders.instrumentsByCountry.load(country.code),
};
