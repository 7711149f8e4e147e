import { badUserInput } from '@cadg/platform';

/**
 * Input rules for the aipolicy subgraph, free of GraphQL and the database. Each returns the
 * normalised value or throws BAD_USER_INPUT naming the field.
 */

export function countryCode(field: string, value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code))
    throw badUserInput(field, `"${value}" is not an ISO 3166-1 alpha-2 country code.`);
  return code;
}

/** Topic and forum slugs: lower-case words joined by hyphens (`risk-management`). */
export function slug(field: string, value: string): string {
  const trimmed = value.trim();
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(trimmed) || trimmed.length > 64) {
    throw badUserInput(field, `"${value}" is not a slug such as risk-management.`);
  }
  return trimmed;
}

/** Organization ids as contacts issues them (`sg-csa`); existence is checked by contacts, not here. */
export function organizationId(field: string, value: string): string {
  const trimmed = value.trim();
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(trimmed) || trimmed.length > 80) {
    throw badUserInput(field, `"${value}" is not an organization id such as sg-csa.`);
  }
  return trimmed;
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

/** A `YYYY-MM-DD` day that is not after today (UTC): statements and adoptions are facts, not plans. */
export function pastOrToday(field: string, day: string, now: Date = new Date()): string {
  if (day > now.toISOString().slice(0, 10)) throw badUserInput(field, `${field} cannot be in the future.`);
  return day;
}

/** Escapes LIKE wildcards so a user's `%` or `_` matches itself. */
export function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);
