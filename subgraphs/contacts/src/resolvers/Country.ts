import type { ContactsContext } from '../context.ts';
import type { CountryRow, OrganizationKind } from '../rows.ts';

export const Country = {
  __resolveReference: (ref: { code: string }, { loaders }: ContactsContext) =>
    loaders.countryByCode.load(ref.code),
  aseanMember: (country: CountryRow) => country.aseanMemberSince !== null,
  organizations: async (
    country: CountryRow,
    args: { kind?: OrganizationKind | null },
    { loaders }: ContactsContext,
  ) => {
    const organizations = await loaders.organizationsByCountry.load(country.code);
    return args.kind ? organizations.filter((org) => org.kind === args.kind) : organizations;
  },
};
