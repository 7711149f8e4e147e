/**
 * Compiled by `npm run typecheck`, never run. Each `@ts-expect-error` below fails the typecheck if
 * the generated resolver types (`npm run codegen`) ever stop catching the mistake under it.
 */
import type {
  CountryResolvers,
  MutationResolvers,
  OrganizationResolvers,
  QueryResolvers,
  Resolvers,
} from '../src/generated/resolvers-types.ts';

export const wrongArgumentType: QueryResolvers = {
  // @ts-expect-error `organization(id: ID!)` passes the id as a string, not a number.
  organization: (_, args: { id: number }, { loaders }) => loaders.organizationById.load(String(args.id)),
};

export const unknownArgument: QueryResolvers = {
  // @ts-expect-error `country(code: ID!)` has no `id` argument.
  country: (_, args, { loaders }) => loaders.countryByCode.load(args.id),
};

export const wrongInputField: MutationResolvers = {
  createOrganization: (_, { input }) => {
    // @ts-expect-error `CreateOrganizationInput` has `countryCode`, not `country`.
    throw new Error(`not called: ${input.country}`);
  },
};

export const wrongParentField: OrganizationResolvers = {
  // @ts-expect-error The parent is an organization row, which has `countryCode`, not `country`.
  country: (organization, _, { loaders }) => loaders.countryByCode.load(organization.country),
};

export const wrongResultType: CountryResolvers = {
  // @ts-expect-error `aseanMember` is a `Boolean!`.
  aseanMember: (country) => country.aseanMemberSince,
};

export const wrongContextField: CountryResolvers = {
  // @ts-expect-error The context has `loaders`, not `dataSources`.
  organizations: (country, _, { dataSources }) => dataSources.organizationsByCountry(country.code),
};

export const unknownField: Resolvers = {
  // @ts-expect-error `Organization` has no field `nmae`.
  Organization: { nmae: () => 'typo' },
};

export const unknownType: Resolvers = {
  // @ts-expect-error There is no `Organisation` type in the SDL.
  Organisation: {},
};
