import { isIPv4, isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';
import { badUserInput } from '@cadg/platform';
import type { IndicatorType } from './rows.ts';

/**
 * Indicator values are validated for their type and normalised, so "has anyone seen this?" finds
 * the same thing however it was written. Analysts often paste defanged values (`hxxps://evil[.]example`),
 * which are refanged first.
 */
export function refang(value: string): string {
  return value
    .trim()
    .replace(/^hxxp(s?):\/\//i, 'http$1://')
    .replace(/\[(\.|dot)\]|\((\.|dot)\)|\{(\.|dot)\}/gi, '.')
    .replace(/\[(@|at)\]|\((@|at)\)/gi, '@')
    .replace(/\[:\]/g, ':');
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function domain(raw: string): string | null {
  const lower = raw.toLowerCase().replace(/\.$/, '');
  const ascii = domainToASCII(lower);
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  // The last label is a TLD: letters, or an IDN TLD in punycode.
  return /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(labels.at(-1) ?? '') ? ascii : null;
}

function url(raw: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return null;
  }
  if (!['http:', 'https:', 'ftp:'].includes(parsed.protocol) || parsed.hostname === '') return null;
  parsed.hash = '';
  // URL already lower-cases scheme and host, converts IDNs to punycode and drops default ports.
  return parsed.toString();
}

function ipv6(raw: string): string | null {
  if (!isIPv6(raw)) return null;
  return new URL(`http://[${raw}]/`).hostname.slice(1, -1);
}

function email(raw: string): string | null {
  const at = raw.lastIndexOf('@');
  if (at < 1 || /\s/.test(raw)) return null;
  const host = domain(raw.slice(at + 1));
  return host ? `${raw.slice(0, at)}@${host}` : null;
}

const normalisers: Record<IndicatorType, (raw: string) => string | null> = {
  URL: url,
  DOMAIN: domain,
  IPV4: (raw) => (isIPv4(raw) ? raw : null),
  IPV6: ipv6,
  EMAIL: email,
  FILE_SHA256: (raw) => (/^[0-9a-f]{64}$/i.test(raw) ? raw.toLowerCase() : null),
  FILE_MD5: (raw) => (/^[0-9a-f]{32}$/i.test(raw) ? raw.toLowerCase() : null),
  FILE_SHA1: (raw) => (/^[0-9a-f]{40}$/i.test(raw) ? raw.toLowerCase() : null),
  FILE_SHA512: (raw) => (/^[0-9a-f]{128}$/i.test(raw) ? raw.toLowerCase() : null),
};

/** The normalised value, or BAD_USER_INPUT naming the field when it is not a valid value of its type. */
export function normaliseIndicator(field: string, type: IndicatorType, value: string): string {
  if (value.length > 2048) throw badUserInput(field, 'An indicator value is at most 2048 characters.');
  const normalised = normalisers[type](refang(value));
  if (normalised === null)
    throw badUserInput(field, `"${value.slice(0, 100)}" is not a valid ${type} indicator.`);
  return normalised;
}

/** Every normalised form a searched value could take, one per type it is valid for. */
export function searchForms(value: string): string[] {
  const refanged = refang(value);
  const forms = new Set<string>();
  for (const normalise of Object.values(normalisers)) {
    const form = normalise(refanged);
    if (form !== null) forms.add(form);
  }
  return [...forms];
}
