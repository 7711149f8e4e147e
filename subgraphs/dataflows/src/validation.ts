import { badUserInput } from '@cadg/platform';

/**
 * Input rules for the dataflows subgraph, free of GraphQL and the database. Each returns the
 * normalised value or throws BAD_USER_INPUT naming the field.
 */

export function countryCode(field: string, value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code))
    throw badUserInput(field, `"${value}" is not an ISO 3166-1 alpha-2 country code.`);
  return code;
}

/** Organization ids are the contacts subgraph's readable slugs, e.g. `sg-pdpc`. */
export function organizationId(field: string, value: string): string {
  const id = value.trim();
  if (!/^[a-z0-9][a-z0-9-]{1,79}$/.test(id))
    throw badUserInput(field, `"${value}" is not an organization id.`);
  return id;
}

export function requiredText(field: string, value: string, max = 300): string {
  const trimmed = value.trim();
  if (trimmed === '') throw badUserInput(field, `${field} must not be empty.`);
  if (trimmed.length > max) throw badUserInput(field, `${field} must be at most ${max} characters.`);
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, max = 2000): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) throw badUserInput(field, `${field} must be at most ${max} characters.`);
  return trimmed === '' ? null : trimmed;
}

/** Today as `YYYY-MM-DD` in UTC, the calendar the thresholds' effective dates are written in. */
export const today = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** Escapes LIKE wildcards so a user's `%` or `_` matches itself. */
export function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
