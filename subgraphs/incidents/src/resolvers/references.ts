import type { CountryRef, OrganizationRef } from '../rows.ts';

/** A reference the gateway resolves in the contacts subgraph, which owns organizations. */
export const organization = (id: string): OrganizationRef & { __typename: 'Organization' } => ({
  __typename: 'Organization',
  id,
});

/** A reference the gateway resolves in the contacts subgraph, which owns countries. */
export const country = (code: string): CountryRef & { __typename: 'Country' } => ({
  __typename: 'Country',
  code,
});
