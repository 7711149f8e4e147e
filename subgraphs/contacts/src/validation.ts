import { badUserInput } from '@cadg/platform';

/**
 * Input rules for the contacts subgraph, free of GraphQL and the database. Each returns the
 * normalised value or throws BAD_USER_INPUT naming the field.
 */
// The rules shared by every subgraph; this module adds the ones only this subgraph needs.
export { countryCode, httpsUrl, likePattern, optionalText, requiredText } from '@cadg/platform';

// Deliberately simple: one @, a dotted domain, no spaces. Real deliverability is what verification checks.
const EMAIL =
  /^[^\s@"<>(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function email(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed.length > 254 || !EMAIL.test(trimmed))
    throw badUserInput(field, `"${value}" is not an e-mail address.`);
  const at = trimmed.lastIndexOf('@');
  // The local part may be case-sensitive; the domain is not.
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

/**
 * Any zone the runtime's IANA database knows, by region/city name. Checked through
 * Intl.DateTimeFormat rather than Intl.supportedValuesOf, which lists only CLDR's canonical names
 * (Asia/Rangoon, not Asia/Yangon) and would refuse the current ones.
 */
export function timezone(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed === 'UTC' || /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(trimmed)) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: trimmed });
      return trimmed;
    } catch {
      // not a zone the runtime knows: refused below
    }
  }
  throw badUserInput(field, `"${value}" is not an IANA time zone such as Asia/Singapore.`);
}

export function pgpFingerprint(field: string, value: string): string {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[0-9A-F]{40}$/.test(compact)) {
    throw badUserInput(field, 'A PGP fingerprint is 40 hexadecimal digits (spaces allowed).');
  }
  return compact;
}

export function phone(field: string, value: string): string {
  const trimmed = value.trim();
  const digits = trimmed.replace(/[\s.()-]/g, '');
  if (!/^\+[1-9]\d{6,14}$/.test(digits)) {
    throw badUserInput(field, 'A phone number must be in international format, e.g. +65 6000 0000.');
  }
  return trimmed;
}

/** A BCP 47 language tag in its canonical form (`zh-hans` → `zh-Hans`), checked by the runtime's Intl. */
export function languageTag(field: string, value: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(value.trim());
    if (canonical) return canonical;
  } catch {
    // RangeError: not a well-formed tag; refused below.
  }
  throw badUserInput(field, `"${value}" is not a BCP 47 language tag.`);
}
