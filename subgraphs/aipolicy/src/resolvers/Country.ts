import { Kind, valueFromASTUntyped, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { CountryResolvers } from '../generated/resolvers-types.ts';

/**
 * Whether a `_entities` call selects `aiPolicyPositions` on Country without `includeSuperseded`,
 * so the reference check may read the current positions in the same statement. Fields under
 * fragments on other types, and positions asked for only with superseded ones, read nothing extra.
 */
function asksForCurrentPositions(info: GraphQLResolveInfo): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== 'aiPolicyPositions') return false;
        const argument = selection.arguments?.find((a) => a.name.value === 'includeSuperseded');
        return !argument || valueFromASTUntyped(argument.value, info.variableValues) !== true;
      }
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
      const on = fragment?.typeCondition?.name.value;
      return (on === undefined || on === 'Country') && visit(fragment?.selectionSet);
    });
  return info.fieldNodes.some((field) => visit(field.selectionSet));
}

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
