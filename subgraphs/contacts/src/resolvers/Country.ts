import type { CountryResolvers } from '../generated/resolvers-types.ts';

export const Country: CountryResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.countryByCode.load(ref.code),
  aseanMember: (country) => country.aseanMemberSince !== null,
  aseanDialoguePartnership: (country, _, { loaders }) => loaders.dialoguePartnerByCountry.load(country.code),
  organizations: async (country, args, { loaders }) => {
    const organizations = await loaders.organizationsByCountry.load(country.code);
    return args.kind ? organizations.filter((org) => org.kind === args.kind) : organizations;
  },
};
