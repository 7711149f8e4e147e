import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  callGraph,
  firstCode,
  registeredOperation,
  type GraphAnswer,
  type Runtime,
} from '../graph-client.ts';
import { COLLECTIONS, describeCollection, findCollection, type TaxiiCollection } from './collections.ts';
import { cutPage, decodeNext, encodeNext, type StixObject } from './paging.ts';

/**
 * A read-only TAXII 2.1 server (OASIS Standard, https://docs.oasis-open.org/cti/taxii/v2.1/taxii-v2.1.html)
 * on the gateway's port: discovery, one API root, its collections, their objects and manifests.
 * It reads through the graph with the caller's bearer token, so TLP is enforced exactly as for
 * GraphQL clients: anonymous pollers get TLP:CLEAR only.
 */

/** Where discovery lives; every TAXII path starts with it. */
export const TAXII_ROOT = '/taxii2/';
const API_ROOT = 'cadg';
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';
/** Objects per page when the client gives no `limit`, and the most it may ask for. */
export const DEFAULT_PAGE_OBJECTS = 100;
export const MAX_PAGE_OBJECTS = 500;

const CALLER = registeredOperation('taxii', 'TaxiiCaller');
const OBJECTS_PER_RECORD = 3;

/** True for the paths this module answers. */
export const isTaxiiPath = (path: string): boolean => path.startsWith(TAXII_ROOT);

/**
 * Answers one TAXII request. Never throws: failures become TAXII error messages.
 */
export async function serveTaxii(runtime: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    await route(runtime, req, res);
  } catch {
    // The runtime masks and logs what went wrong inside the graph; nothing else is expected here.
    if (!res.headersSent) sendError(res, 500, 'Internal server error', 'The request could not be served.');
    else res.destroy();
  }
}

async function route(runtime: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://taxii.invalid');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendError(res, 405, 'Method not allowed', 'This TAXII server is read-only.');
  }
  if (!acceptsTaxii(req.headers.accept)) {
    return sendError(res, 406, 'Not acceptable', `This server answers with ${TAXII_MEDIA_TYPE} only.`);
  }
  const parts = url.pathname.slice(TAXII_ROOT.length).split('/');
  // Every TAXII URL ends with a slash; the last part is then empty.
  if (parts.pop() !== '') return notFound(res);

  if (parts.length === 0) return withCaller(runtime, req, res, () => discovery(req));
  if (parts[0] !== API_ROOT) return notFound(res);
  if (parts.length === 1) return withCaller(runtime, req, res, () => apiRoot());
  if (parts[1] !== 'collections') return notFound(res);
  if (parts.length === 2) {
    return withCaller(runtime, req, res, () => ({ collections: COLLECTIONS.map(describeCollection) }));
  }
  const collection = findCollection(decodeURIComponent(parts[2]!));
  if (!collection) return notFound(res);
  if (parts.length === 3) return withCaller(runtime, req, res, () => describeCollection(collection));
  if (parts.length === 4 && (parts[3] === 'objects' || parts[3] === 'manifest')) {
    return objects(runtime, req, res, collection, url.searchParams, parts[3]);
  }
  return notFound(res);
}

/**
 * Whether the client takes TAXII 2.1 JSON: the TAXII media type (with `version=2.1` or none), a
 * wildcard, or no Accept at all. Anything else, TAXII 2.0 included, gets 406.
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((range) => {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    if (type === '*/*' || type === 'application/*') return true;
    if (type !== 'application/taxii+json') return false;
    const version = parameters.find((p) => p.startsWith('version='));
    return version === undefined || version === 'version=2.1';
  });
}

function baseUrl(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = typeof forwarded === 'string' && /^https?$/.test(forwarded) ? forwarded : 'http';
  return `${proto}://${req.headers.host ?? 'localhost'}`;
}

function discovery(req: IncomingMessage) {
  const root = `${baseUrl(req)}${TAXII_ROOT}${API_ROOT}/`;
  return {
    title: 'China–ASEAN cooperation graph: TAXII 2.1',
    description:
      'Incidents and advisories of the China–ASEAN cybersecurity cooperation mechanism as STIX 2.1, under TLP 2.0. Authenticate with the same bearer token as the GraphQL API; without one, TLP:CLEAR only.',
    default: root,
    api_roots: [root],
  };
}

function apiRoot() {
  return {
    title: 'China–ASEAN cooperation mechanism',
    description: 'Read-only collections of incidents and advisories.',
    versions: [TAXII_MEDIA_TYPE],
    // Read-only: the root accepts no content at all.
    max_content_length: 0,
  };
}

/** Checks the caller's token (a bad one is 401, never silently anonymous), then answers. */
async function withCaller(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  body: () => unknown,
): Promise<void> {
  const answer = await callGraph(runtime, req, CALLER, {});
  if (graphFailed(res, answer)) return;
  send(res, 200, body());
}

async function objects(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  collection: TaxiiCollection,
  params: URLSearchParams,
  kind: 'objects' | 'manifest',
): Promise<void> {
  const limitParam = params.get('limit');
  const limit = limitParam === null ? DEFAULT_PAGE_OBJECTS : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1) {
    return sendError(res, 400, 'Bad limit', 'limit is a positive integer.');
  }
  const pageLimit = Math.min(limit, MAX_PAGE_OBJECTS);
  const addedAfter = params.get('added_after');
  if (addedAfter !== null && Number.isNaN(Date.parse(addedAfter))) {
    return sendError(res, 400, 'Bad added_after', 'added_after is an RFC 3339 timestamp.');
  }
  const nextParam = params.get('next');
  const position = nextParam === null ? { after: null, skip: 0 } : decodeNext(nextParam);
  if (!position) return sendError(res, 400, 'Bad next', 'next is a value this server returned.');
  const types = listParam(params, 'match[type]');
  const ids = listParam(params, 'match[id]');
  const specVersions = listParam(params, 'match[spec_version]');

  // Every bundle holds at least its record, the creator's identity and the marking, so this many
  // records (plus the one a `next` resumes inside) fill a page whenever that many objects follow.
  const answer = await callGraph(runtime, req, collection.operation, {
    since: addedAfter === null ? null : new Date(addedAfter).toISOString(),
    first: Math.ceil(pageLimit / OBJECTS_PER_RECORD) + 1,
    after: position.after,
  });
  if (graphFailed(res, answer)) return;
  const { records, hasNextPage } = collection.records(answer.data);
  const page = cutPage(records, position, pageLimit, hasNextPage);

  const seen = new Set<string>();
  const chosen = page.objects.filter(({ object }) => {
    if (seen.has(object.id)) return false;
    seen.add(object.id);
    if (types && !types.includes(object.type)) return false;
    if (ids && !ids.includes(object.id)) return false;
    return !specVersions || specVersions.includes('2.1');
  });
  if (chosen.length > 0) {
    res.setHeader('X-TAXII-Date-Added-First', chosen[0]!.dateAdded);
    res.setHeader('X-TAXII-Date-Added-Last', chosen.at(-1)!.dateAdded);
  }
  const envelope = {
    more: page.next !== null,
    ...(page.next ? { next: encodeNext(page.next) } : {}),
    objects:
      kind === 'objects'
        ? chosen.map(({ object }) => object)
        : chosen.map(({ object, dateAdded }) => manifestRecord(object, dateAdded)),
  };
  send(res, 200, envelope);
}

function manifestRecord(object: StixObject, dateAdded: string) {
  const version = typeof object['modified'] === 'string' ? object['modified'] : object['created'];
  return { id: object.id, date_added: dateAdded, version, media_type: STIX_MEDIA_TYPE };
}

function listParam(params: URLSearchParams, name: string): string[] | null {
  const value = params.get(name);
  return value === null ? null : value.split(',').map((part) => part.trim());
}

/** Turns a refused or failed GraphQL answer into the TAXII error; true when it did. */
function graphFailed(res: ServerResponse, answer: GraphAnswer<unknown>): boolean {
  if (answer.errors.length === 0) return false;
  const code = firstCode(answer);
  const message = answer.errors[0]?.message ?? 'The request failed.';
  if (code === 'UNAUTHENTICATED') {
    res.setHeader('www-authenticate', answer.headers.get('www-authenticate') ?? 'Bearer');
    sendError(res, 401, 'Unauthorized', message);
  } else if (code === 'RATE_LIMITED') {
    const retryAfter = answer.headers.get('retry-after');
    if (retryAfter) res.setHeader('retry-after', retryAfter);
    sendError(res, 429, 'Too many requests', message);
  } else if (code === 'BAD_USER_INPUT') {
    sendError(res, 400, 'Bad request', message);
  } else {
    sendError(res, answer.status >= 500 ? 502 : 500, 'Internal server error', message);
  }
  return true;
}

function notFound(res: ServerResponse): void {
  sendError(res, 404, 'Not found', 'No such TAXII resource on this server.');
}

/** A TAXII 2.1 error message (§3.6.1). */
function sendError(res: ServerResponse, status: number, title: string, description: string): void {
  send(res, status, { title, description, http_status: String(status) });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': TAXII_MEDIA_TYPE, 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
