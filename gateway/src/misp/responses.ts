import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '@cadg/platform';
import { firstCode, type GraphAnswer } from '../graph-client.ts';

/** Codes of refusals the feed makes itself, beside the graph's (`ErrorCode`). */
export const FeedErrorCode = {
  MethodNotAllowed: 'METHOD_NOT_ALLOWED',
} as const;

export const JSON_TYPE = 'application/json; charset=utf-8';
export const CSV_TYPE = 'text/csv; charset=utf-8';

// How the graph's codes read as HTTP, as on the TAXII endpoints: MISP logs the status of a failed pull.
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.ServiceUnavailable]: 503,
};

/** A coded JSON error: `{ errors: [{ message, code }] }`, as the gateway's other HTTP endpoints answer. */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': JSON_TYPE, 'cache-control': 'no-store' });
  res.end(JSON.stringify({ errors: [{ message, code }] }));
}

/** 404 for a feed file that does not exist, and for an event the caller may not read alike. */
export const sendNotFound = (res: ServerResponse): void =>
  sendError(res, 404, ErrorCode.NotFound, 'No such file in this feed for this caller.');

/**
 * Answers a refused or failed graph call with its code and the matching status (401 with
 * `WWW-Authenticate` for a bad token, 429 with `Retry-After`); true when it did.
 */
export function graphFailed(res: ServerResponse, answer: GraphAnswer<unknown>): boolean {
  if (answer.errors.length === 0) return false;
  const code = firstCode(answer) ?? ErrorCode.InternalServerError;
  const status = STATUS_BY_CODE[code] ?? (answer.status >= 500 ? 502 : 500);
  for (const header of ['www-authenticate', 'retry-after']) {
    const value = answer.headers.get(header);
    if (value) res.setHeader(header, value);
  }
  if (status === 401 && !res.hasHeader('www-authenticate')) res.setHeader('www-authenticate', 'Bearer');
  sendError(res, status, code, answer.errors[0]?.message ?? 'The request failed.');
  return true;
}

/** A feed file ready to send. */
export interface FeedFile {
  contentType: string;
  body: string;
  /** The last change of what it holds, in seconds since the epoch; null when it holds nothing. */
  lastModified: number | null;
}

/**
 * Sends a feed file with validators: a strong ETag of the bytes (what a caller may see differs by
 * token, so the tag is of this caller's bytes) and Last-Modified from the records' timestamps.
 * A matching `If-None-Match` (MISP sends the manifest's last ETag) or, without one, an
 * `If-Modified-Since` not older than Last-Modified (RFC 9110 §13.1) is 304 without a body.
 * `private, no-cache`: shared caches must not keep one caller's view, and clients revalidate.
 */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: FeedFile): void {
  const etag = `"${createHash('sha256').update(file.body, 'utf8').digest('base64url').slice(0, 32)}"`;
  const lastModified = file.lastModified === null ? null : new Date(file.lastModified * 1000).toUTCString();
  res.setHeader('etag', etag);
  if (lastModified) res.setHeader('last-modified', lastModified);
  res.setHeader('cache-control', 'private, no-cache');
  res.setHeader('vary', 'Authorization');
  if (notModified(req, etag, file.lastModified)) {
    res.writeHead(304);
    res.end();
    return;
  }
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': Buffer.byteLength(file.body, 'utf8'),
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

function notModified(req: IncomingMessage, etag: string, lastModified: number | null): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === etag);
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return lastModified !== null && Number.isFinite(since) && lastModified * 1000 <= since;
}
