import type { IncomingMessage, ServerResponse } from 'node:http';
import { callGraph, type Runtime } from '../graph-client.ts';
import { STIX_MEDIA_TYPE, type TaxiiCollection } from './collections.ts';
import { matchesObject, parseQuery, selectVersions, versionOf, type TaxiiQuery } from './filters.ts';
import {
  cutPage,
  decodeNext,
  encodeNext,
  recordsFor,
  type CollectionEntry,
  type CollectionRecord,
  type ObjectPage,
  type PagePosition,
} from './paging.ts';
import { graphFailed, send, sendError, setDateAddedHeaders } from './responses.ts';

/**
 * Get Objects and Get Object Manifests (TAXII 2.1 §5.4, §5.3): one page of a collection, oldest
 * first, as STIX objects or as manifest records. Both filter identically.
 */

// Reads of the graph one page may take when filters leave few objects per record; past this a
// narrow filter over a large collection answers with fewer objects and `more` rather than hold on.
const MAX_READS_PER_PAGE = 10;

export async function serveCollectionObjects(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  collection: TaxiiCollection,
  params: URLSearchParams,
  kind: 'objects' | 'manifest',
): Promise<void> {
  const parsed = parseQuery(params, ['id', 'type', 'version', 'spec_version']);
  if ('error' in parsed) return sendError(res, 400, 'Bad request', parsed.error);
  const { query } = parsed;
  const position = query.next === null ? { after: null, skip: 0 } : decodeNext(query.next);
  if (!position) return sendError(res, 400, 'Bad next', 'next is a value this server returned.');

  const page = await readPage(runtime, req, res, collection, query, position);
  if (!page) return;
  const entries = selectVersions(page.objects, query.match.versions);
  setDateAddedHeaders(res, entries);
  const items = kind === 'objects' ? entries.map((entry) => entry.object) : entries.map(manifestRecord);
  send(res, 200, {
    more: page.next !== null,
    ...(page.next ? { next: encodeNext(page.next) } : {}),
    // §5.3.1 and §3.7: an empty result has no `objects` at all.
    ...(items.length > 0 ? { objects: items } : {}),
  });
}

/** The manifest-record of §5.3.1. */
function manifestRecord(entry: CollectionEntry) {
  return {
    id: entry.object.id,
    date_added: entry.dateAdded,
    version: versionOf(entry),
    media_type: STIX_MEDIA_TYPE,
  };
}

/**
 * The page that starts at `position`, with the filters that look at one object applied before it
 * is cut, so a filtered page is as full as an unfiltered one whenever enough objects match. Reads
 * go through the graph with the caller's token: TLP applies as for any GraphQL client. Returns
 * null once a failure has been answered.
 */
async function readPage(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  collection: TaxiiCollection,
  query: TaxiiQuery,
  position: PagePosition,
): Promise<ObjectPage | null> {
  const records: CollectionRecord[] = [];
  let after = position.after;
  let moreRecords = true;
  let following = 0;
  for (let reads = 0; moreRecords && following < query.limit && reads < MAX_READS_PER_PAGE; reads++) {
    const answer = await callGraph(runtime, req, collection.operation, {
      since: query.addedAfter,
      first: recordsFor(query.limit - following),
      after,
    });
    if (graphFailed(res, answer)) return null;
    const read = collection.records(answer.data);
    for (const record of read.records) {
      const objects = record.objects.filter((object) =>
        matchesObject({ object, dateAdded: record.dateAdded }, query.match),
      );
      // The first record is the one a `next` resumes inside; its first `skip` objects were served.
      following += records.length === 0 ? Math.max(0, objects.length - position.skip) : objects.length;
      records.push({ ...record, objects });
    }
    moreRecords = read.hasNextPage;
    after = records.at(-1)?.cursor ?? after;
  }
  return cutPage(records, position, query.limit, moreRecords);
}
