import { badUserInput } from '@cadg/platform';

/**
 * Input rules for the aipolicy subgraph, free of GraphQL and the database. Each returns the
 * normalised value or throws BAD_USER_INPUT naming the field.
 */
// The rules shared by every subgraph; this module adds the ones only this subgraph needs.
export {
  countryCode,
  httpsUrl,
  likePattern,
  optionalText,
  organizationId,
  requiredText,
} from '@cadg/platform';

/** Topic and forum slugs: lower-case words joined by hyphens (`risk-management`). */
export function slug(field: string, value: string): string {
  const trimmed = value.trim();
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(trimmed) || trimmed.length > 64) {
    throw badUserInput(field, `"${value}" is not a slug such as risk-management.`);
  }
  return trimmed;
}

/** A `YYYY-MM-DD` day that is not after today (UTC): statements and adoptions are facts, not plans. */
export function pastOrToday(field: string, day: string, now: Date = new Date()): string {
  if (day > now.toISOString().slice(0, 10)) throw badUserInput(field, `${field} cannot be in the future.`);
  return day;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);
