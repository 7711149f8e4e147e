import { badUserInput } from '@cadg/platform';

/**
 * Input rules for the dataflows subgraph, free of GraphQL and the database. Each returns the
 * normalised value or throws BAD_USER_INPUT naming the field.
 */
// The rules shared by every subgraph; this module adds the ones only this subgraph needs.
export { countryCode, likePattern, optionalText, requiredText } from '@cadg/platform';

/** Organization ids are the contacts subgraph's readable slugs, e.g. `sg-pdpc`. */
export function organizationId(field: string, value: string): string {
  const id = value.trim();
  if (!/^[a-z0-9][a-z0-9-]{1,79}$/.test(id))
    throw badUserInput(field, `"${value}" is not an organization id.`);
  return id;
}

/** Today as `YYYY-MM-DD` in UTC, the calendar the thresholds' effective dates are written in. */
export const today = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
