import type { IncomingMessage, ServerResponse } from 'node:http';
import { readEveryPage, type Runtime } from '../graph-client.ts';
import { authenticated } from './caller.ts';
import type { TaxiiCollection } from './collections.ts';
import {
  ALL_VERSIONS,
  MAX_PAGE_OBJECTS,
  matchesObject,
  parseQuery,
  selectVersions,
  versionOf,
  type MatchField,
  type TaxiiQuery,
} from './filters.ts';
import {
  decodeVersionNext,
  encodeVersionNext,
  recordsFor,
  type CollectionEntry,
  type VersionPosition,
} from './paging.ts';
import { graphFailed, notFound, send, sendError, setDateAddedHeaders } from './responses.ts';

/**
 * Get an Object and Get Object Versions (TAXII 2.1 §5.6, §5.8): the versions of one object that a
 * collection holds, as an envelope of objects or as a list of versions.
 */

// A STIX identifier (STIX 2.1 §2.9); anything else cannot be in a collection, so none is read.
const STIX_ID =
  /^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// As many records per read as a full page of the objects endpoint, which the operation limits allow.
const RECORDS_PER_READ = recordsFor(MAX_PAGE_OBJECTS);

/** `GET {api-root}/collections/{id}/objects/{object-id}/`: an envelope of the versions asked for. */
export const serveObject = versionsEndpoint(['version', 'spec_version'], (entries) => ({
  objects: entries.map((entry) => entry.object),
}));

/** `GET {api-root}/collections/{id}/objects/{object-id}/versions/`: the versions resource (§5.8.1). */
export const serveVersions = versionsEndpoint(['spec_version'], (entries) => ({
  versions: entries.map(versionOf),
}));

/**
 * An endpoint that answers the page of an object's versions that `fields` filter, its entries as
 * `body` gives them. §3.7, §5.8.1: without entries the key is left out (for the versions
 * resource, the response is then an empty object).
 */
function versionsEndpoint(
  fields: readonly MatchField[],
  body: (entries: CollectionEntry[]) => Record<string, unknown>,
) {
  return async (...request: ObjectRequest): Promise<void> => {
    const page = await pageOfVersions(request, fields);
    if (!page) return;
    const res = request[2];
    send(res, 200, { ...page.paging, ...(page.entries.length > 0 ? body(page.entries) : {}) });
  };
}

/** What the router hands both endpoints: the caller's request and the object it names. */
type ObjectRequest = [
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  collection: TaxiiCollection,
  objectId: string,
  params: URLSearchParams,
];

interface VersionsPage {
  entries: CollectionEntry[];
  paging: { more: boolean; next?: string };
}

/**
 * The page of the object's versions a request asks for, oldest added first, with the date-added
 * headers set. An object the collection does not hold for this caller is 404, whether it does not
 * exist or TLP hides it, so the answer tells nothing about objects the caller may not see; one it
 * holds but the filters exclude is an empty page. Returns null once an error has been answered.
 */
async function pageOfVersions(
  [runtime, req, res, collection, objectId, params]: ObjectRequest,
  fields: readonly MatchField[],
): Promise<VersionsPage | null> {
  const parsed = parseQuery(params, fields);
  if ('error' in parsed) {
    sendError(res, 400, 'Bad request', parsed.error);
    return null;
  }
  const { query } = parsed;
  const position = query.next === null ? null : decodeVersionNext(query.next);
  if (query.next !== null && !position) {
    sendError(res, 400, 'Bad next', 'next is a value this server returned.');
    return null;
  }
  // A string that is no STIX id is in no collection; the token is still checked, as everywhere.
  let found: CollectionEntry[] | null;
  if (STIX_ID.test(objectId)) found = await entriesOf(runtime, req, res, collection, objectId);
  else found = (await authenticated(runtime, req, res)) ? [] : null;
  if (!found) return null;
  if (found.length === 0) {
    notFound(res, 'This collection holds no such object for this caller.');
    return null;
  }

  const versions = fields.includes('version') ? query.match.versions : ALL_VERSIONS;
  const chosen = selectVersions(
    found.filter((entry) => isAddedAfter(entry, query) && matchesObject(entry, query.match)),
    versions,
  )
    .sort(byAddedThenVersion)
    .filter((entry) => !position || comesAfter(entry, position));
  const entries = chosen.slice(0, query.limit);
  setDateAddedHeaders(res, entries);
  const last = entries.at(-1);
  const more = chosen.length > entries.length && last !== undefined;
  return {
    entries,
    paging: {
      more,
      ...(more ? { next: encodeVersionNext(positionOf(last)) } : {}),
    },
  };
}

/**
 * Every entry of one object in the collection that the caller may see, oldest added first. The
 * graph has no lookup by STIX id, so this reads the whole collection through the very operation
 * the objects endpoint pages with, under the caller's token: an object TLP hides from the caller
 * is never in what the graph returns. Returns null once a failure has been answered.
 */
async function entriesOf(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  collection: TaxiiCollection,
  objectId: string,
): Promise<CollectionEntry[] | null> {
  const entries: CollectionEntry[] = [];
  const read = await readEveryPage(
    runtime,
    req,
    collection.operation,
    { since: null, first: RECORDS_PER_READ },
    (answer) => graphFailed(res, answer),
    (data) => {
      const { records, hasNextPage } = collection.records(data);
      for (const record of records) {
        for (const object of record.objects) {
          if (object.id === objectId) entries.push({ object, dateAdded: record.dateAdded });
        }
      }
      return { cursor: records.at(-1)?.cursor, hasNextPage };
    },
  );
  return read ? entries : null;
}

const isAddedAfter = (entry: CollectionEntry, query: TaxiiQuery): boolean =>
  query.addedAfter === null || Date.parse(entry.dateAdded) > Date.parse(query.addedAfter);

/** Pages of versions are in (date_added, version) order, which `next` positions point into. */
const compareAddedThenVersion = (a: VersionPosition, b: VersionPosition): number =>
  Date.parse(a.dateAdded) - Date.parse(b.dateAdded) || Date.parse(a.version) - Date.parse(b.version);

const positionOf = (entry: CollectionEntry): VersionPosition => ({
  dateAdded: entry.dateAdded,
  version: versionOf(entry),
});

const byAddedThenVersion = (a: CollectionEntry, b: CollectionEntry): number =>
  compareAddedThenVersion(positionOf(a), positionOf(b));

const comesAfter = (entry: CollectionEntry, position: VersionPosition): boolean =>
  compareAddedThenVersion(positionOf(entry), position) > 0;
