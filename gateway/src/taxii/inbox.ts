import type { IncomingMessage, ServerResponse } from 'node:http';
import { callGraph, firstCode, registeredOperation, type Runtime } from '../graph-client.ts';
import { STIX_MEDIA_TYPE } from './collections.ts';
import { graphFailed, notFound, send, sendError } from './responses.ts';

/**
 * The writable TAXII 2.1 collection (`inbox`): Add Objects (§5.5) and the status resource (§4.3).
 * An envelope is handed to the incidents subgraph through the graph with the caller's token, in
 * parts that each fit one GraphQL request; the subgraph processes it in the background and keeps
 * the status in its database, so any gateway and any incidents replica can answer for it.
 */

/** The inbox's fixed id (TAXII ids are unique across servers) and its alias. */
export const INBOX_ID = '3f9c6d0e-8b1a-4c52-9e7d-5a2f1b8c4d03';
export const INBOX_ALIAS = 'inbox';
export const isInbox = (key: string): boolean => key === INBOX_ID || key === INBOX_ALIAS;

/**
 * The largest envelope the inbox takes, in bytes, as the API root advertises it
 * (`max_content_length`). Larger than the gateway's limit for GraphQL bodies: an envelope is sent
 * on in parts, so no single GraphQL request grows with it.
 */
export const MAX_CONTENT_LENGTH = 16 * 1024 * 1024;

// Each part stays well under the 1 MiB a subgraph accepts from the gateway.
const PART_BYTES = 512 * 1024;

const BEGIN = registeredOperation('taxii', 'TaxiiBeginUpload');
const APPEND = registeredOperation('taxii', 'TaxiiAppendUpload');
const STATUS = registeredOperation('taxii', 'TaxiiStatus');

/** The collection resource (§5.2) of the inbox: write-only, for members with a token. */
export const describeInbox = (req: IncomingMessage) => ({
  id: INBOX_ID,
  title: 'Inbox',
  description:
    'Add STIX 2.1 objects for your organization: indicators, observed-data, reports and groupings become advisories and indicators under their TLP markings (AMBER when unmarked); everything else is kept and reported as not mapped. Needs the bearer token of a MEMBER or ORG_ADMIN. Recipients, sharing groups and the marking of unmarked objects go in the X-CADG-Shared-With-Organizations, X-CADG-Shared-With-Sharing-Groups and X-CADG-TLP headers.',
  alias: INBOX_ALIAS,
  can_read: false,
  // Per requester (§5.2.1): anonymous callers cannot write; a token's roles are checked on write.
  can_write: req.headers.authorization !== undefined,
  media_types: [STIX_MEDIA_TYPE],
});

/**
 * Whether a Content-Type is TAXII 2.1 JSON (an envelope), or STIX 2.1 JSON (a bundle: its
 * `objects` are read like an envelope's), as OpenCTI's TAXII POST stream connector sends it. The
 * version parameter may be left out.
 */
function isTaxiiContent(contentType: string | undefined): boolean {
  const [type = '', ...parameters] = (contentType ?? '').split(';').map((p) => p.trim().toLowerCase());
  const version = parameters.find((p) => p.replace(/\s/g, '').startsWith('version='))?.replace(/\s/g, '');
  return (
    (type === 'application/taxii+json' || type === 'application/stix+json') &&
    (version === undefined || version === 'version=2.1')
  );
}

/** The body, or null once a refusal (too large, unreadable) has been sent. */
async function readBody(req: IncomingMessage, res: ServerResponse): Promise<string | null> {
  const tooLarge = () => {
    sendError(
      res,
      413,
      'Too large',
      `An envelope is at most ${MAX_CONTENT_LENGTH} bytes (max_content_length).`,
    );
    return null;
  };
  if (Number(req.headers['content-length'] ?? 0) > MAX_CONTENT_LENGTH) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CONTENT_LENGTH) return tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The envelope's objects, or an error message saying what is wrong with it. */
function envelopeObjects(body: string): unknown[] | string {
  let envelope: unknown;
  try {
    envelope = JSON.parse(body);
  } catch {
    return 'The body is not JSON.';
  }
  const objects = (envelope as { objects?: unknown } | null)?.objects;
  if (!Array.isArray(objects) || objects.length === 0) {
    return 'Send a TAXII envelope: {"objects": [...]} with at least one STIX object.';
  }
  return objects;
}

const TLPS = new Set(['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED']);

/**
 * Who a write is shared with, and the marking of objects that carry none: what `importStixBundle`
 * takes as arguments. TAXII 2.1 has no place for recipients (markings say how far a reader may
 * pass an object on, not who reads it; MISP's sharing groups travel in the MISP format, not in
 * STIX), so the writer names them in headers of the POST, `X-CADG-TLP`,
 * `X-CADG-Shared-With-Organizations` and `X-CADG-Shared-With-Sharing-Groups` (comma-separated
 * ids), or, for clients that cannot add headers, the query parameters `tlp`,
 * `shared_with_organizations` and `shared_with_sharing_groups`. Ids are checked by the incidents
 * subgraph exactly as for `importStixBundle`.
 */
export function writeSharing(req: IncomingMessage): WriteSharing | string {
  const query = new URL(req.url ?? '/', 'http://taxii.invalid').searchParams;
  const value = (header: string, parameter: string): string | undefined => {
    const raw = req.headers[header];
    const fromHeader = Array.isArray(raw) ? raw.join(',') : raw;
    const all = [fromHeader, ...query.getAll(parameter)].filter((v) => v !== undefined && v.trim() !== '');
    return all.length === 0 ? undefined : all.join(',');
  };
  const list = (header: string, parameter: string) =>
    value(header, parameter)
      ?.split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
  const rawTlp = value('x-cadg-tlp', 'tlp');
  const tlp = rawTlp
    ?.trim()
    .toUpperCase()
    .replace(/^TLP:/, '')
    .replace('+', '_')
    .replace(/^WHITE$/, 'CLEAR');
  if (tlp !== undefined && !TLPS.has(tlp)) {
    return `X-CADG-TLP (or tlp) is one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED; got "${rawTlp!.slice(0, 40)}".`;
  }
  return {
    ...(tlp !== undefined ? { tlp } : {}),
    sharedWithOrganizationIds: list('x-cadg-shared-with-organizations', 'shared_with_organizations') ?? null,
    sharedWithSharingGroupIds:
      list('x-cadg-shared-with-sharing-groups', 'shared_with_sharing_groups') ?? null,
  };
}

interface WriteSharing {
  tlp?: string;
  sharedWithOrganizationIds: string[] | null;
  sharedWithSharingGroupIds: string[] | null;
}

/** Consecutive runs of objects whose JSON stays under PART_BYTES (one object may exceed it alone). */
function parts(objects: readonly unknown[]): unknown[][] {
  const result: unknown[][] = [];
  let current: unknown[] = [];
  let bytes = 0;
  for (const object of objects) {
    const size = Buffer.byteLength(JSON.stringify(object));
    if (current.length > 0 && bytes + size > PART_BYTES) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(object);
    bytes += size + 1;
  }
  result.push(current);
  return result;
}

/** `POST {api-root}/collections/inbox/objects/` (§5.5): 202 and a status resource. */
export async function addObjects(runtime: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!req.headers.authorization) {
    res.setHeader('www-authenticate', 'Bearer');
    return sendError(res, 401, 'Unauthorized', 'Adding objects needs the bearer token of a member.');
  }
  if (!isTaxiiContent(req.headers['content-type'])) {
    return sendError(
      res,
      415,
      'Unsupported media type',
      'Send the envelope as application/taxii+json;version=2.1 (or a bundle as application/stix+json;version=2.1).',
    );
  }
  const sharing = writeSharing(req);
  if (typeof sharing === 'string') return sendError(res, 400, 'Bad request', sharing);
  const body = await readBody(req, res);
  if (body === null) return;
  const objects = envelopeObjects(body);
  if (typeof objects === 'string') return sendError(res, 400, 'Bad request', objects);

  const begun = await callGraph<{ beginStixUpload: { id: string } }>(runtime, req, BEGIN, {
    totalCount: objects.length,
    ...sharing,
  });
  // A recipient or group the writer may not name is a bad request here, not a missing resource.
  if (firstCode(begun) === 'NOT_FOUND') {
    return sendError(res, 400, 'Bad request', begun.errors[0]?.message ?? 'Unknown recipient.');
  }
  if (graphFailed(res, begun)) return;
  const id = begun.data!.beginStixUpload.id;
  const all = parts(objects);
  let queued: ImportStatus | undefined;
  for (const [index, part] of all.entries()) {
    const appended = await callGraph<{ appendStixUpload: Omit<ImportStatus, 'successes' | 'failures'> }>(
      runtime,
      req,
      APPEND,
      { id, objects: part, last: index === all.length - 1 },
    );
    if (graphFailed(res, appended)) return;
    queued = { ...appended.data!.appendStixUpload, successes: [], failures: [] };
  }
  // The status as the last part left it (queued), from that answer rather than read again:
  // processing has begun and may hold the embedded database's one connection for a while.
  send(res, 202, taxiiStatus(queued!));
}

/** `GET {api-root}/status/{status-id}/` (§4.3): the status of a write of the caller's organization. */
export async function serveStatus(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
): Promise<void> {
  if (!req.headers.authorization) {
    res.setHeader('www-authenticate', 'Bearer');
    return sendError(res, 401, 'Unauthorized', 'Statuses are shown to the organization that made the write.');
  }
  const answer = await callGraph<{ exchangeImport: ImportStatus | null }>(runtime, req, STATUS, { id });
  if (graphFailed(res, answer)) return;
  const status = answer.data?.exchangeImport;
  if (!status) return notFound(res, 'No such status for your organization.');
  send(res, 200, taxiiStatus(status));
}

interface ObjectStatus {
  id: string;
  version: string | null;
  message: string | null;
}

interface ImportStatus {
  id: string;
  state: 'RECEIVING' | 'QUEUED' | 'COMPLETE';
  requestedAt: string;
  totalCount: number;
  successCount: number;
  failureCount: number;
  pendingCount: number;
  successes: ObjectStatus[];
  failures: ObjectStatus[];
}

/**
 * The status resource of TAXII 2.1 §4.3.1. Every status-details entry needs a version: an object
 * without `modified` or `created` (a cyber-observable) gets the time its write was received.
 */
function taxiiStatus(status: ImportStatus) {
  const details = (list: ObjectStatus[]) =>
    list.map((s) => ({
      id: s.id,
      version: s.version ?? status.requestedAt,
      ...(s.message ? { message: s.message } : {}),
    }));
  return {
    id: status.id,
    status: status.state === 'COMPLETE' ? 'complete' : 'pending',
    request_timestamp: status.requestedAt,
    total_count: status.totalCount,
    success_count: status.successCount,
    ...(status.successes.length > 0 ? { successes: details(status.successes) } : {}),
    failure_count: status.failureCount,
    ...(status.failures.length > 0 ? { failures: details(status.failures) } : {}),
    pending_count: status.pendingCount,
  };
}
