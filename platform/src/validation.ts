import { ilike, or, type Column, type SQL } from 'drizzle-orm';
import { badUserInput } from './errors.ts';

/**
 * Input rules every subgraph applies the same way. Each returns the normalised value or throws
 * BAD_USER_INPUT naming the field.
 */

export function countryCode(field: string, value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code))
    throw badUserInput(field, `"${value}" is not an ISO 3166-1 alpha-2 country code.`);
  return code;
}

export function httpsUrl(field: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw badUserInput(field, `"${value}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw badUserInput(field, 'Only http(s) URLs are accepted.');
  return url.toString();
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

/** Escapes LIKE wildcards so a user's `%` or `_` matches itself. */
export function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A list filter's free-text condition: some of `columns` contains `text`, case-insensitively and
 * with LIKE wildcards taken literally. None for a filter without text (or only blanks).
 */
export function textSearch(text: string | null | undefined, ...columns: Column[]): SQL[] {
  if (!text?.trim()) return [];
  const pattern = likePattern(text);
  const condition = or(...columns.map((column) => ilike(column, pattern)));
  return condition ? [condition] : [];
}

/**
 * The one rule for organization ids, as the contacts subgraph issues them (`sg-csa`, `th-ncsa-2`):
 * lower-case letters and digits in words joined by single hyphens, at most 64 characters. Whether
 * the organization exists is asked of contacts, not decided here.
 */
export function organizationId(field: string, value: string): string {
  const id = value.trim();
  if (id.length > 64 || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    throw badUserInput(field, `"${value}" is not an organization id such as sg-csa.`);
  }
  return id;
}

/** De-duplicated organization ids, each by `organizationId`'s rule; at most `max` of them. */
export function organizationIds(
  field: string,
  ids: readonly string[] | null | undefined,
  max = 200,
): string[] {
  const unique = [...new Set((ids ?? []).map((id) => organizationId(field, id)))];
  if (unique.length > max) throw badUserInput(field, `At most ${max} organizations at once.`);
  return unique;
}
