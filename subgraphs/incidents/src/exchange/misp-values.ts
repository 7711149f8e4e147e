import { badUserInput } from '@cadg/platform';
import type { IndicatorType, Severity, Tlp } from '../rows.ts';
import { stricter } from './plan.ts';
import type { ObservedValue } from './stix-values.ts';

/**
 * Reading MISP events as MISP's API (`/events/view`, `/events/restSearch`) and feeds
 * (`<uuid>.json`) give them: the `{"Event": …}` wrapper or not, numbers as numbers or strings,
 * tags as `Tag` or `EventTag[].Tag`. The attribute types are MISP's (`describeTypes.json` in
 * MISP/MISP and PyMISP); composite types (`ip-dst|port`, `filename|sha256`, …) carry two values
 * joined by `|`. No maintained JavaScript library reads MISP's format (PyMISP is Python), so the
 * few fields we map are read here.
 */

export type Json = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const record = (value: unknown): Json | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const str = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** A MISP uuid: lower case, as MISP stores it. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * A MISP timestamp (seconds since the epoch, as a number or a numeric string) as a Date; null when
 * absent. `field` names it in the error when it is present but no timestamp.
 */
export function secondsOf(field: string, value: unknown): Date | null {
  if (value === undefined || value === null || value === '') return null;
  const seconds = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw badUserInput(field, 'A MISP timestamp is a whole number of seconds since 1970.');
  }
  return new Date(seconds * 1000);
}

/** MISP booleans come as true/false, 1/0 or "1"/"0" (older exports); absent gives `fallback`. */
export function flag(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true' || value === 'True') return true;
  if (value === 0 || value === '0' || value === 'false' || value === 'False') return false;
  return fallback;
}

/** The event inside `{"Event": …}`, or the event itself; BAD_USER_INPUT when neither is one. */
export function unwrapEvent(input: unknown): Json {
  const outer = record(input);
  const event = record(outer?.['Event']) ?? outer;
  if (!event || (outer?.['Event'] !== undefined && record(outer['Event']) === null)) {
    throw badUserInput(
      'event',
      'Send a MISP event: a JSON object, with or without the {"Event": …} wrapper.',
    );
  }
  if (!isUuid(event['uuid'])) throw badUserInput('event.uuid', 'A MISP event needs its "uuid".');
  if (str(event['info']) === null) throw badUserInput('event.info', 'A MISP event needs its "info".');
  for (const key of ['Attribute', 'Object', 'Tag', 'EventTag', 'Galaxy']) {
    if (event[key] !== undefined && event[key] !== null && !Array.isArray(event[key])) {
      throw badUserInput(`event.${key}`, `"${key}" must be a list.`);
    }
  }
  return event;
}

/** The names of the tags on an event, an attribute or an object (`Tag` or `EventTag[].Tag`). */
export function tagNames(owner: Json): string[] {
  const direct = list(owner['Tag']);
  const linked = list(owner['EventTag'] ?? owner['AttributeTag']).map((link) => record(link)?.['Tag']);
  return [...direct, ...linked]
    .map((tag) => str(record(tag)?.['name']))
    .filter((name): name is string => name !== null);
}

const TLP_TAGS: Readonly<Record<string, Tlp>> = {
  'tlp:white': 'CLEAR',
  'tlp:clear': 'CLEAR',
  'tlp:green': 'GREEN',
  'tlp:amber': 'AMBER',
  'tlp:amber+strict': 'AMBER_STRICT',
  'tlp:red': 'RED',
};

/** The strictest `tlp:` tag among the names (MISP's tlp taxonomy, 1.0 and 2.0), or null. */
export function tlpOfTags(names: readonly string[]): Tlp | null {
  let found: Tlp | null = null;
  for (const name of names) {
    const level = TLP_TAGS[name.trim().toLowerCase()];
    if (level) found = found ? stricter(found, level) : level;
  }
  return found;
}

/**
 * The least strict marking a MISP `distribution` (of an event, object or attribute) allows; a
 * `tlp:` tag never widens it. 0 "your organisation only" is TLP:AMBER+STRICT, which FIRST's TLP
 * 2.0 defines as "restricts sharing to the organization only"; 4 "sharing group" is TLP:AMBER
 * (MISP's sharing groups are another instance's: the importer names recipients here). 1 "this
 * community", 2 "connected communities", 3 "all communities" and 5 "inherit event" set none.
 */
export function distributionFloor(value: unknown): Tlp | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return text === '0' ? 'AMBER_STRICT' : text === '4' ? 'AMBER' : null;
}

/** `tlp` made at least as strict as each floor given. */
export const atLeast = (tlp: Tlp, ...floors: (Tlp | null)[]): Tlp =>
  floors.reduce<Tlp>((marking, floor) => (floor ? stricter(marking, floor) : marking), tlp);

export const isTlpTag = (name: string): boolean => TLP_TAGS[name.trim().toLowerCase()] !== undefined;

/**
 * Labels of an event: its tags other than TLP, and its galaxy clusters as the machine tags MISP
 * gives them (`misp-galaxy:threat-actor="APT 29"`).
 */
export function labelsOf(event: Json): string[] {
  const labels = tagNames(event).filter((name) => !isTlpTag(name));
  for (const galaxy of list(event['Galaxy'])) {
    const type = str(record(galaxy)?.['type']) ?? 'galaxy';
    for (const cluster of list(record(galaxy)?.['GalaxyCluster'])) {
      const fields = record(cluster);
      const name =
        str(fields?.['tag_name']) ??
        (str(fields?.['value']) ? `misp-galaxy:${type}="${str(fields?.['value'])}"` : null);
      if (name) labels.push(name);
    }
  }
  return [...new Set(labels.map((label) => label.slice(0, 300)))];
}

/**
 * `threat_level_id` (1 High, 2 Medium, 3 Low, 4 Undefined) → severity. The inverse of what our
 * own feed writes (gateway/src/misp/mapping.ts); Undefined is MEDIUM, the middle of the scale, as
 * for STIX, which has no severity at all.
 */
export function severityOf(threatLevel: unknown): Severity {
  switch (Number(threatLevel)) {
    case 1:
      return 'HIGH';
    case 3:
      return 'LOW';
    default:
      return 'MEDIUM';
  }
}

/** How an attribute type is read. */
export type AttributeRole =
  /** One or two indicator values. */
  | { kind: 'values'; read: (value: string) => ObservedValue[] }
  /** Text of the advisory: `comment`, `text`; `link` as a reference; `vulnerability` as a CVE. */
  | { kind: 'body' | 'link' | 'vulnerability' };

const ip = (raw: string): ObservedValue => ({ type: raw.includes(':') ? 'IPV6' : 'IPV4', raw });
const one =
  (type: IndicatorType) =>
  (raw: string): ObservedValue[] => [{ type, raw }];
/** `a|b`: the part before the last `|` (a port, a hash and a filename hold none). */
const before = (raw: string) => raw.slice(0, Math.max(raw.lastIndexOf('|'), 0)) || raw;
const after = (raw: string) => raw.slice(raw.lastIndexOf('|') + 1);

const HASHES: readonly [string, IndicatorType][] = [
  ['md5', 'FILE_MD5'],
  ['sha1', 'FILE_SHA1'],
  ['sha256', 'FILE_SHA256'],
  ['sha512', 'FILE_SHA512'],
];

/** MISP attribute type → how it maps; types not listed are kept and listed as not mapped. */
export const ATTRIBUTE_ROLES: ReadonlyMap<string, AttributeRole> = new Map<string, AttributeRole>([
  ['domain', { kind: 'values', read: one('DOMAIN') }],
  ['hostname', { kind: 'values', read: one('DOMAIN') }],
  ['hostname|port', { kind: 'values', read: (raw) => [{ type: 'DOMAIN', raw: before(raw) }] }],
  ['domain|ip', { kind: 'values', read: (raw) => [{ type: 'DOMAIN', raw: before(raw) }, ip(after(raw))] }],
  ['ip-src', { kind: 'values', read: (raw) => [ip(raw)] }],
  ['ip-dst', { kind: 'values', read: (raw) => [ip(raw)] }],
  ['ip-src|port', { kind: 'values', read: (raw) => [ip(before(raw))] }],
  ['ip-dst|port', { kind: 'values', read: (raw) => [ip(before(raw))] }],
  ['url', { kind: 'values', read: one('URL') }],
  ['email', { kind: 'values', read: one('EMAIL') }],
  ['email-src', { kind: 'values', read: one('EMAIL') }],
  ['email-dst', { kind: 'values', read: one('EMAIL') }],
  ...HASHES.map(([name, type]): [string, AttributeRole] => [name, { kind: 'values', read: one(type) }]),
  ...HASHES.map(([name, type]): [string, AttributeRole] => [
    `filename|${name}`,
    { kind: 'values', read: (raw) => [{ type, raw: after(raw) }] },
  ]),
  ['comment', { kind: 'body' }],
  ['text', { kind: 'body' }],
  ['link', { kind: 'link' }],
  ['vulnerability', { kind: 'vulnerability' }],
]);

/** The filename of a `filename|<hash>` value, for the indicator's description. */
export const filenameOf = (type: string, value: string): string | null =>
  type.startsWith('filename|') && value.includes('|') ? before(value) : null;
