import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '@cadg/platform';
import type { Runtime } from '../graph-client.ts';
import { eventDocument, hashLines, manifestEntry, type FeedEvent } from './events.ts';
import { authenticated, readEvent, readEvents } from './reads.ts';
import {
  CSV_TYPE,
  FeedErrorCode,
  JSON_TYPE,
  sendError,
  sendFile,
  sendNotFound,
  type FeedFile,
} from './responses.ts';

/**
 * A MISP feed (the "MISP Feed" source format of MISP's Feeds, `app/Model/Feed.php` in MISP/MISP)
 * on the gateway's port: `manifest.json`, one `<event uuid>.json` per incident and advisory, and
 * `hashes.csv` for MISP's feed cache and correlations. A MISP instance adds
 * `<PUBLIC_URL>/misp/feed` as a feed with the header `Authorization: Bearer <token>`, and then
 * pulls exactly what that token may read under TLP 2.0; without the header, TLP:CLEAR only.
 */

/** Where the feed lives; MISP appends `/manifest.json`, `/hashes.csv` and `/<uuid>.json`. */
export const MISP_FEED_ROOT = '/misp/feed/';

/** True for the paths this module answers (the root without its slash too, to say 404). */
export const isMispFeedPath = (path: string): boolean =>
  path.startsWith(MISP_FEED_ROOT) || path === MISP_FEED_ROOT.slice(0, -1);

const METHODS = ['GET', 'HEAD'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Answers one feed request. Never throws: failures become coded JSON errors.
 * @param path the request's path, without its query string
 */
export async function serveMispFeed(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  try {
    if (!METHODS.includes(req.method ?? 'GET')) {
      res.setHeader('allow', METHODS.join(', '));
      return sendError(res, 405, FeedErrorCode.MethodNotAllowed, 'This feed answers GET and HEAD only.');
    }
    // A feed URL saved with a trailing slash makes MISP ask for `…/feed//manifest.json`.
    const file = path.slice(MISP_FEED_ROOT.length).replace(/^\/+/, '');
    await route(runtime, req, res, file);
  } catch {
    // The runtime masks and logs what went wrong inside the graph; nothing else is expected here.
    if (!res.headersSent) sendError(res, 500, ErrorCode.InternalServerError, 'The feed could not be served.');
    else res.destroy();
  }
}

async function route(runtime: Runtime, req: IncomingMessage, res: ServerResponse, file: string) {
  if (file === 'manifest.json' || file === 'hashes.csv') {
    const events = await readEvents(runtime, req, res);
    if (!events) return;
    return sendFile(req, res, file === 'manifest.json' ? manifestFile(events) : hashesFile(events));
  }
  const uuid = /^(.+)\.json$/.exec(file)?.[1]?.toLowerCase();
  if (uuid === undefined || !UUID.test(uuid)) {
    // Nothing else is in the feed; the token is still checked, so a bad one is 401 on every path.
    if (await authenticated(runtime, req, res)) sendNotFound(res);
    return;
  }
  const event = await readEvent(runtime, req, res, uuid);
  if (res.headersSent) return;
  if (!event) return sendNotFound(res);
  sendFile(req, res, {
    contentType: JSON_TYPE,
    body: JSON.stringify(eventDocument(event)),
    lastModified: event.timestamp,
  });
}

const latest = (events: readonly FeedEvent[]): number | null =>
  events.length === 0 ? null : Math.max(...events.map((event) => event.timestamp));

/** `manifest.json`: an object keyed by event uuid, as MISP's `getManifest` reads it. */
function manifestFile(events: readonly FeedEvent[]): FeedFile {
  const manifest = Object.fromEntries(events.map((event) => [event.uuid, manifestEntry(event)]));
  return { contentType: JSON_TYPE, body: JSON.stringify(manifest), lastModified: latest(events) };
}

/** `hashes.csv`: one `<md5>,<event uuid>` line per correlating attribute. */
function hashesFile(events: readonly FeedEvent[]): FeedFile {
  const lines = events.flatMap(hashLines);
  return {
    contentType: CSV_TYPE,
    body: lines.length === 0 ? '' : `${lines.join('\n')}\n`,
    lastModified: latest(events),
  };
}
