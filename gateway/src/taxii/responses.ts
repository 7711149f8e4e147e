import type { ServerResponse } from 'node:http';
import { firstCode, type GraphAnswer } from '../graph-client.ts';

/** The one media type this server answers with (TAXII 2.1 §1.6.8.1). */
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';

export function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': TAXII_MEDIA_TYPE, 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** A TAXII 2.1 error message (§3.6.1); `http_status` must equal the response's status. */
export function sendError(res: ServerResponse, status: number, title: string, description: string): void {
  send(res, status, { title, description, http_status: String(status) });
}

export function notFound(res: ServerResponse, description = 'No such TAXII resource on this server.'): void {
  sendError(res, 404, 'Not found', description);
}

/** Turns a refused or failed GraphQL answer into the TAXII error; true when it did. */
export function graphFailed(res: ServerResponse, answer: GraphAnswer<unknown>): boolean {
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
  } else if (code === 'FORBIDDEN') {
    sendError(res, 403, 'Forbidden', message);
  } else if (code === 'NOT_FOUND') {
    sendError(res, 404, 'Not found', message);
  } else {
    sendError(res, answer.status >= 500 ? 502 : 500, 'Internal server error', message);
  }
  return true;
}

/**
 * The `X-TAXII-Date-Added-First` and `-Last` headers (§5.3, §5.4, §5.6, §5.8) of a response whose
 * items are in `date_added` order. Without items there is no date to give, so neither is set.
 */
export function setDateAddedHeaders(res: ServerResponse, items: readonly { dateAdded: string }[]): void {
  if (items.length === 0) return;
  res.setHeader('X-TAXII-Date-Added-First', items[0]!.dateAdded);
  res.setHeader('X-TAXII-Date-Added-Last', items.at(-1)!.dateAdded);
}
