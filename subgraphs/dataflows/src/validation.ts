/**
 * Input rules for the dataflows subgraph, free of GraphQL and the database. Each returns the
 * normalised value or throws BAD_USER_INPUT naming the field.
 */
// The rules shared by every subgraph; this module adds the ones only this subgraph needs.
export { countryCode, likePattern, optionalText, organizationId, requiredText } from '@cadg/platform';

/** Today as `YYYY-MM-DD` in UTC, the calendar the thresholds' effective dates are written in. */
export const today = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
