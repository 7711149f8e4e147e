import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Runtime } from '../graph-client.ts';
import { authenticated } from './caller.ts';
import { serveCollectionObjects } from './collection-objects.ts';
import { COLLECTIONS, describeCollection, findCollection, type TaxiiCollection } from './collections.ts';
import { addObjects, describeInbox, isInbox, MAX_CONTENT_LENGTH, serveStatus } from './inbox.ts';
import { serveObject, serveVersions } from './object-versions.ts';
import { notFound, send, sendError, TAXII_MEDIA_TYPE } from './responses.ts';

export { TAXII_MEDIA_TYPE } from './responses.ts';
export { DEFAULT_PAGE_OBJECTS, MAX_PAGE_OBJECTS } from './filters.ts';

/**
 * A TAXII 2.1 server (OASIS Standard, https://docs.oasis-open.org/cti/taxii/v2.1/taxii-v2.1.html)
 * on the gateway's port: every endpoint of §4 and §5 (discovery, one API root, status, its
 * collections, their objects, manifests, single objects and versions). It reads through the graph
 * with the caller's bearer token, so TLP is enforced exactly as for GraphQL clients: anonymous
 * pollers get TLP:CLEAR only. The read collections have `can_write: false`; members write to the
 * `inbox` collection (inbox.ts), which cannot be read back: what it imports is read as advisories.
 */

/** Where discovery lives; every TAXII path starts with it. */
export const TAXII_ROOT = '/taxii2/';
const API_ROOT = 'cadg';

/** True for the paths this module answers. */
export const isTaxiiPath = (path: string): boolean => path.startsWith(TAXII_ROOT);

/**
 * True for the inbox's objects endpoint, whose envelopes may exceed the gateway's body limit for
 * GraphQL up to the API root's `max_content_length`, which the inbox enforces itself.
 */
export function isTaxiiInboxPath(path: string): boolean {
  return isTaxiiPath(path) && resolve(path)?.kind === 'inboxObjects';
}

/** What a TAXII URL names. */
type Resource =
  | { kind: 'discovery' | 'apiRoot' | 'collections' }
  | { kind: 'status'; statusId: string }
  | { kind: 'inbox' | 'inboxObjects' | 'inboxOther' }
  | { kind: 'collection' | 'objects' | 'manifest'; collection: TaxiiCollection }
  | { kind: 'object' | 'versions'; collection: TaxiiCollection; objectId: string };

/**
 * The methods each resource answers. §5 defines POST on objects and DELETE on one object; the read
 * collections refuse them with 403 (`can_write: false`), as the inbox refuses reads (`can_read: false`).
 */
const METHODS: Record<Resource['kind'], readonly string[]> = {
  discovery: ['GET', 'HEAD'],
  apiRoot: ['GET', 'HEAD'],
  status: ['GET', 'HEAD'],
  collections: ['GET', 'HEAD'],
  collection: ['GET', 'HEAD'],
  manifest: ['GET', 'HEAD'],
  objects: ['GET', 'HEAD', 'POST'],
  object: ['GET', 'HEAD', 'DELETE'],
  versions: ['GET', 'HEAD'],
  inbox: ['GET', 'HEAD'],
  inboxObjects: ['GET', 'HEAD', 'POST'],
  inboxOther: ['GET', 'HEAD', 'DELETE'],
};

/**
 * Answers one TAXII request. Never throws: failures become TAXII error messages.
 * @param publicUrl where clients reach the gateway (`PUBLIC_URL`), for the URLs discovery hands
 *   out; never taken from the request's `Host` or `X-Forwarded-*`, which any caller can set
 */
export async function serveTaxii(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  publicUrl: string,
): Promise<void> {
  try {
    await route(runtime, req, res, publicUrl);
  } catch {
    // The runtime masks and logs what went wrong inside the graph; nothing else is expected here.
    if (!res.headersSent) sendError(res, 500, 'Internal server error', 'The request could not be served.');
    else res.destroy();
  }
}

async function route(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  publicUrl: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://taxii.invalid');
  if (!acceptsTaxii(req.headers.accept)) {
    return sendError(res, 406, 'Not acceptable', `This server answers with ${TAXII_MEDIA_TYPE} only.`);
  }
  const resource = resolve(url.pathname);
  if (!resource) return notFound(res);
  const method = req.method ?? 'GET';
  const allowed = METHODS[resource.kind];
  if (!allowed.includes(method)) {
    res.setHeader('allow', allowed.join(', '));
    return sendError(res, 405, 'Method not allowed', `${url.pathname} answers ${allowed.join(', ')} only.`);
  }
  if (resource.kind === 'inboxObjects' && method === 'POST') return addObjects(runtime, req, res);
  if (resource.kind === 'inboxObjects' || resource.kind === 'inboxOther')
    return refuseRead(runtime, req, res);
  if (method === 'POST' || method === 'DELETE') return refuseWrite(runtime, req, res);

  switch (resource.kind) {
    case 'discovery':
      return withCaller(runtime, req, res, () => discovery(publicUrl));
    case 'apiRoot':
      return withCaller(runtime, req, res, apiRoot);
    case 'status':
      return serveStatus(runtime, req, res, resource.statusId);
    case 'collections':
      return withCaller(runtime, req, res, () => ({
        collections: [...COLLECTIONS.map(describeCollection), describeInbox(req)],
      }));
    case 'inbox':
      return withCaller(runtime, req, res, () => describeInbox(req));
    case 'collection':
      return withCaller(runtime, req, res, () => describeCollection(resource.collection));
    case 'objects':
    case 'manifest':
      return serveCollectionObjects(runtime, req, res, resource.collection, url.searchParams, resource.kind);
    case 'object':
      return serveObject(runtime, req, res, resource.collection, resource.objectId, url.searchParams);
    case 'versions':
      return serveVersions(runtime, req, res, resource.collection, resource.objectId, url.searchParams);
  }
}

/** The resource a path names, or null when it names none. */
function resolve(pathname: string): Resource | null {
  const parts = pathname.slice(TAXII_ROOT.length).split('/').map(decodePart);
  // Every TAXII URL ends with a slash; the last part is then empty.
  if (parts.pop() !== '' || parts.includes(null)) return null;
  const [root, section, key, sub, objectId, versions, ...rest] = parts as string[];
  if (root === undefined) return { kind: 'discovery' };
  if (root !== API_ROOT) return null;
  if (section === undefined) return { kind: 'apiRoot' };
  if (section === 'status')
    return key !== undefined && sub === undefined ? { kind: 'status', statusId: key } : null;
  if (section !== 'collections') return null;
  if (key === undefined) return { kind: 'collections' };
  if (isInbox(key)) {
    if (sub === undefined) return { kind: 'inbox' };
    return sub === 'objects' && objectId === undefined ? { kind: 'inboxObjects' } : { kind: 'inboxOther' };
  }
  const collection = findCollection(key);
  if (!collection || rest.length > 0) return null;
  if (sub === undefined) return { kind: 'collection', collection };
  if (sub === 'manifest' && objectId === undefined) return { kind: 'manifest', collection };
  if (sub !== 'objects') return null;
  if (objectId === undefined) return { kind: 'objects', collection };
  if (versions === undefined) return { kind: 'object', collection, objectId };
  return versions === 'versions' ? { kind: 'versions', collection, objectId } : null;
}

/** One path segment, percent-decoded; null when it is not valid UTF-8 percent-encoding or empty. */
function decodePart(part: string, index: number, parts: string[]): string | null {
  if (part === '') return index === parts.length - 1 ? '' : null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
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

function discovery(publicUrl: string) {
  // Relative to the public URL's path, so a gateway published under a prefix keeps it.
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  const root = new URL(`${TAXII_ROOT.slice(1)}${API_ROOT}/`, base).toString();
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
    description:
      'Collections of incidents and advisories to read, and an inbox where members add STIX objects.',
    versions: [TAXII_MEDIA_TYPE],
    // The largest envelope the inbox takes; the read collections take no bodies.
    max_content_length: MAX_CONTENT_LENGTH,
  };
}

/** Checks the caller's token, then answers. */
async function withCaller(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  body: () => unknown,
): Promise<void> {
  if (await authenticated(runtime, req, res)) send(res, 200, body());
}

/** A request refused with 403 and `description`, once its token is known good (a bad one is still 401). */
const refusal =
  (description: string) =>
  async (runtime: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (await authenticated(runtime, req, res)) sendError(res, 403, 'Forbidden', description);
  };

/** Reading the inbox: §5.3, §5.4, §5.6 and §5.8 answer 403 when `can_read` is false. */
const refuseRead = refusal(
  'The inbox is write-only (can_read false): what it imports is read from the advisories collection.',
);

/**
 * POST on objects and DELETE on an object. §5.5 and §5.7 require 403 (or 404) from a collection
 * whose `can_write` is false for the client, and every read collection is read-only for everyone;
 * the body is never read. A bad token is still 401, as on every other endpoint.
 */
const refuseWrite = refusal(
  'This collection is read-only (can_write false): objects can be neither added nor deleted. Members add objects to the inbox collection.',
);
