import { badUserInput } from '@cadg/platform';
import { normaliseIndicator } from '../indicators.ts';
import type { IndicatorType, Tlp } from '../rows.ts';
import { tlpMarkingId } from '../stix.ts';
import type { StixObject } from '../stix.ts';
import { stricter } from './plan.ts';

/**
 * Reading STIX 2.1 values we map: TLP markings and the observables of indicators' patterns and of
 * observed-data (STIX 2.1 §7.2.1.4, §9; TLP 2.0 extension). No maintained JavaScript library
 * parses STIX patterns (the reference parser, stix2-patterns, is Python); we need only the
 * single-comparison form, so it is matched here and anything else is reported as not mapped.
 */

/** STIX 2.1 §7.2.1.4: the four TLP 1.0 marking definitions every STIX producer may reference. */
const TLP_1_0: Readonly<Record<string, Tlp>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'CLEAR',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'RED',
};

const TLP_NAMES: Readonly<Record<string, Tlp>> = {
  white: 'CLEAR',
  clear: 'CLEAR',
  green: 'GREEN',
  amber: 'AMBER',
  'amber+strict': 'AMBER_STRICT',
  red: 'RED',
};

const TLP_2_0: ReadonlyMap<string, Tlp> = new Map(
  (['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'] as const).map((tlp) => [tlpMarkingId(tlp), tlp]),
);

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const record = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

/** A TLP level named as `amber`, `TLP:AMBER+STRICT`, `TLP:WHITE`…; null for anything else. */
function tlpNamed(name: string | null): Tlp | null {
  if (name === null) return null;
  return TLP_NAMES[name.trim().toLowerCase().replace(/^tlp:/, '')] ?? null;
}

/**
 * The TLP a marking-definition object in the bundle stands for: TLP 1.0 (`definition_type: tlp`),
 * the TLP 2.0 extension (`tlp_2_0`), or a platform's own TLP marking named `TLP:…` (OpenCTI
 * exports `definition_type: "TLP"` with `definition: "TLP:AMBER+STRICT"`).
 */
function tlpOfMarkingDefinition(object: StixObject): Tlp | null {
  for (const extension of Object.values(record(object['extensions']) ?? {})) {
    const level = tlpNamed(text(record(extension)?.['tlp_2_0']));
    if (level) return level;
  }
  if (text(object['definition_type'])?.toLowerCase() !== 'tlp') return null;
  const definition = object['definition'];
  return tlpNamed(text(record(definition)?.['tlp']) ?? text(definition)) ?? tlpNamed(text(object['name']));
}

/** Marking-definition id → TLP, for the standard ids and every TLP marking defined in the bundle. */
export function tlpMarkings(objects: readonly StixObject[]): Map<string, Tlp> {
  const markings = new Map<string, Tlp>([...Object.entries(TLP_1_0), ...TLP_2_0]);
  for (const object of objects) {
    if (object.type !== 'marking-definition') continue;
    const level = tlpOfMarkingDefinition(object);
    if (level) markings.set(object.id, level);
  }
  return markings;
}

/** The strictest TLP among an object's `object_marking_refs`, or null when it names none we know. */
export function tlpOf(object: StixObject, markings: ReadonlyMap<string, Tlp>): Tlp | null {
  const refs = Array.isArray(object['object_marking_refs']) ? object['object_marking_refs'] : [];
  let found: Tlp | null = null;
  for (const ref of refs) {
    const level = typeof ref === 'string' ? markings.get(ref) : undefined;
    if (level) found = found ? stricter(found, level) : level;
  }
  return found;
}

/** One observable value, not yet validated. */
export interface ObservedValue {
  type: IndicatorType;
  raw: string;
}

const VALUE_TYPES: Readonly<Record<string, IndicatorType>> = {
  'domain-name': 'DOMAIN',
  'ipv4-addr': 'IPV4',
  'ipv6-addr': 'IPV6',
  url: 'URL',
  'email-addr': 'EMAIL',
};

const HASH_TYPES: Readonly<Record<string, IndicatorType>> = {
  MD5: 'FILE_MD5',
  'SHA-1': 'FILE_SHA1',
  SHA1: 'FILE_SHA1',
  'SHA-256': 'FILE_SHA256',
  SHA256: 'FILE_SHA256',
  'SHA-512': 'FILE_SHA512',
  SHA512: 'FILE_SHA512',
};

/** The types of observables (SCOs) we map, as their STIX type names. */
export const SUPPORTED_OBSERVABLES: ReadonlySet<string> = new Set([...Object.keys(VALUE_TYPES), 'file']);

const hashType = (name: string): IndicatorType | undefined => HASH_TYPES[name.toUpperCase()];

// `[type:value = 'literal']` or `[file:hashes.'SHA-256' = 'literal']` / `hashes.MD5`, nothing more.
const SINGLE_COMPARISON =
  /^\[\s*([a-z0-9-]+):(value|hashes\.(?:'([^']+)'|([A-Za-z0-9-]+)))\s*=\s*'((?:[^'\\]|\\.)*)'\s*\]$/;

/** The observable a pattern compares, or null when it is not one equality on one we map. */
export function patternValue(pattern: string): ObservedValue | null {
  const match = SINGLE_COMPARISON.exec(pattern.trim());
  if (!match) return null;
  const [, objectType = '', path = '', quotedHash, bareHash, literal = ''] = match;
  // STIX 2.1 §9.3: inside a string literal, `\'` and `\\` are the only escapes.
  const raw = literal.replace(/\\(['\\])/g, '$1');
  if (path === 'value') {
    const type = VALUE_TYPES[objectType];
    return type ? { type, raw } : null;
  }
  const type = objectType === 'file' ? hashType(quotedHash ?? bareHash ?? '') : undefined;
  return type ? { type, raw } : null;
}

/** The values of one observable (SCO) we map: its `value`, or each hash of a file. */
export function observableValues(observable: Record<string, unknown>): ObservedValue[] {
  const type = text(observable['type']) ?? '';
  const value = text(observable['value']);
  if (VALUE_TYPES[type] && value !== null) return [{ type: VALUE_TYPES[type], raw: value }];
  if (type !== 'file') return [];
  const values: ObservedValue[] = [];
  for (const [name, hash] of Object.entries(record(observable['hashes']) ?? {})) {
    const hashKind = hashType(name);
    if (hashKind && typeof hash === 'string') values.push({ type: hashKind, raw: hash });
  }
  return values;
}

/** The normalised value, or null when it is not valid for its type. */
export function normalised(value: ObservedValue): string | null {
  try {
    return normaliseIndicator('value', value.type, value.raw);
  } catch {
    return null;
  }
}

/** A STIX timestamp (RFC 3339) as a Date; null when absent or not one. */
export function timestamp(value: unknown): Date | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

// STIX 2.1 §2.9: `type--UUID`, where the type is lower-case letters, digits and hyphens.
const STIX_ID =
  /^([a-z0-9][a-z0-9-]{0,248}[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * Checks that every element is a STIX object: a JSON object whose `id` is `type--UUID` for its
 * `type`. Anything else is BAD_USER_INPUT naming the element, so nothing of a bad bundle is written.
 */
export function stixObjects(field: string, objects: readonly unknown[]): StixObject[] {
  return objects.map((object, index) => {
    const fields = record(object);
    const type = text(fields?.['type']);
    const id = text(fields?.['id']);
    const idType = id === null ? null : (STIX_ID.exec(id)?.[1] ?? null);
    if (!fields || type === null || idType === null || idType !== type) {
      throw badUserInput(
        `${field}.${index}`,
        'Each object must be a STIX object with a "type" and an "id" of the form "<type>--<UUID>".',
      );
    }
    return fields as StixObject;
  });
}
