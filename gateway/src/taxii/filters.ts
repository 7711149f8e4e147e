import type { CollectionEntry, StixObject } from './paging.ts';

/**
 * The URL query parameters of TAXII 2.1 §3.4 (`added_after`, `limit`, `next`, `match[<field>]`),
 * shared by the objects, manifest, single-object and versions endpoints.
 */

/** Objects per page when the client gives no `limit`, and the most it may ask for. */
export const DEFAULT_PAGE_OBJECTS = 100;
export const MAX_PAGE_OBJECTS = 500;

/** The `match` fields of §3.4.1; each endpoint takes some of them (§5.3–§5.8) and ignores others. */
export type MatchField = 'id' | 'type' | 'version' | 'spec_version';

/** Which versions of each object `match[version]` asks for. */
export interface VersionMatch {
  all: boolean;
  first: boolean;
  last: boolean;
  /** Exact versions, as epoch milliseconds (our versions are millisecond timestamps). */
  at: readonly number[];
}

/** Without `match[version]`, §3.4.1 asks for the latest version of each object only. */
const LATEST: VersionMatch = { all: false, first: false, last: true, at: [] };
export const ALL_VERSIONS: VersionMatch = { all: true, first: false, last: false, at: [] };

export interface MatchFilters {
  /** Null where the request does not filter on the field. */
  ids: readonly string[] | null;
  types: readonly string[] | null;
  specVersions: readonly string[] | null;
  versions: VersionMatch;
}

export interface TaxiiQuery {
  /** Normalised to RFC 3339 with milliseconds, or null. */
  addedAfter: string | null;
  limit: number;
  /** The opaque `next` token as sent; each endpoint decodes its own kind. */
  next: string | null;
  match: MatchFilters;
}

// RFC 3339 in UTC, as STIX 2.1 §3.2 requires of timestamps (fractional seconds optional).
const STIX_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Reads the query of a request, or says what is wrong with it (a 400). `fields` are the `match`
 * fields the endpoint supports; other `match[...]` parameters are ignored, as §3.4 lets servers do.
 */
export function parseQuery(
  params: URLSearchParams,
  fields: readonly MatchField[],
): { query: TaxiiQuery } | { error: string } {
  // §3.4: each parameter, and each match field, is given at most once.
  const names = ['added_after', 'limit', 'next', ...fields.map((field) => `match[${field}]`)];
  const repeated = names.find((name) => params.getAll(name).length > 1);
  if (repeated) return { error: `${repeated} may be given only once.` };

  const limitParam = params.get('limit');
  const limit = limitParam === null ? DEFAULT_PAGE_OBJECTS : Number(limitParam);
  if (!/^\d+$/.test(limitParam ?? '1') || !Number.isSafeInteger(limit) || limit < 1) {
    return { error: 'limit is a positive integer.' };
  }
  const addedAfterParam = params.get('added_after');
  if (addedAfterParam !== null && Number.isNaN(Date.parse(addedAfterParam))) {
    return { error: 'added_after is an RFC 3339 timestamp.' };
  }

  const lists: Partial<Record<MatchField, string[]>> = {};
  for (const field of fields) {
    const value = params.get(`match[${field}]`);
    if (value === null) continue;
    const values = value.split(',').map((part) => part.trim());
    if (values.some((part) => part === '')) return { error: `match[${field}] has an empty value.` };
    lists[field] = values;
  }
  const versions = lists.version ? parseVersions(lists.version) : LATEST;
  if (typeof versions === 'string') return { error: versions };

  return {
    query: {
      addedAfter: addedAfterParam === null ? null : new Date(addedAfterParam).toISOString(),
      limit: Math.min(limit, MAX_PAGE_OBJECTS),
      next: params.get('next'),
      match: {
        ids: lists.id ?? null,
        types: lists.type ?? null,
        specVersions: lists.spec_version ?? null,
        versions,
      },
    },
  };
}

/** `match[version]` (§3.4.1), or the reason it is not valid. */
function parseVersions(values: readonly string[]): VersionMatch | string {
  if (new Set(values).size !== values.length) return 'match[version] may not repeat a value.';
  if (values.includes('all') && values.length > 1) return 'match[version]=all may not be combined.';
  const at: number[] = [];
  for (const value of values) {
    if (value === 'all' || value === 'first' || value === 'last') continue;
    if (!STIX_TIMESTAMP.test(value) || Number.isNaN(Date.parse(value))) {
      return `match[version] takes first, last, all or STIX timestamps, not ${JSON.stringify(value)}.`;
    }
    at.push(Date.parse(value));
  }
  return {
    all: values.includes('all'),
    first: values.includes('first'),
    last: values.includes('last'),
    at,
  };
}

/**
 * The version of an object (§5.3.1): its `modified`, else its `created`; an object with neither
 * gets its `date_added`, a value that stays the same for it on this server.
 */
export function versionOf({ object, dateAdded }: CollectionEntry): string {
  if (typeof object['modified'] === 'string') return object['modified'];
  if (typeof object['created'] === 'string') return object['created'];
  return dateAdded;
}

const versionTime = (entry: CollectionEntry): number => Date.parse(versionOf(entry));

// Everything served here comes from our STIX 2.1 exporter, which always sets spec_version.
const specVersionOf = (object: StixObject): string =>
  typeof object['spec_version'] === 'string' ? object['spec_version'] : '2.1';

/**
 * Whether an entry passes the filters that look at one object alone: id, type, spec_version and,
 * when the request names only exact versions, the version. `first` and `last` compare versions of
 * one object with each other, so selectVersions applies them.
 */
export function matchesObject(entry: CollectionEntry, match: MatchFilters): boolean {
  const { object } = entry;
  if (match.ids && !match.ids.includes(object.id)) return false;
  if (match.types && !match.types.includes(object.type)) return false;
  if (match.specVersions && !match.specVersions.includes(specVersionOf(object))) return false;
  const { all, first, last, at } = match.versions;
  return all || first || last || at.includes(versionTime(entry));
}

/**
 * Keeps the versions `match[version]` asks for among the entries given, each version of an object
 * once: several bundles carry the same identity and marking, and the first (earliest added) entry
 * stands for them. Entries keep their order.
 */
export function selectVersions(entries: readonly CollectionEntry[], match: VersionMatch): CollectionEntry[] {
  const times = new Map<string, number[]>();
  for (const entry of entries) {
    const list = times.get(entry.object.id) ?? [];
    list.push(versionTime(entry));
    times.set(entry.object.id, list);
  }
  const wanted = (entry: CollectionEntry): boolean => {
    if (match.all) return true;
    const time = versionTime(entry);
    const ofObject = times.get(entry.object.id)!;
    return (
      (match.first && time === Math.min(...ofObject)) ||
      (match.last && time === Math.max(...ofObject)) ||
      match.at.includes(time)
    );
  };
  const seen = new Set<string>();
  return entries.filter((entry) => {
    if (!wanted(entry)) return false;
    const key = `${entry.object.id}@${versionTime(entry)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
