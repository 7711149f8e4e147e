import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  callGraph,
  readEveryPage,
  registeredOperation,
  type Operation,
  type Runtime,
} from '../graph-client.ts';
import { advisoryEvent, incidentEvent, type FeedEvent } from './events.ts';
import type { FeedAdvisory, FeedIncident, FeedPage } from './records.ts';
import { graphFailed } from './responses.ts';

/**
 * The feed's reads, all through the graph with the caller's `Authorization` (graph-client.ts):
 * identity, rate limits and TLP apply exactly as to a GraphQL client, so anonymous callers get
 * TLP:CLEAR records only and nobody gets a record they could not query. The gateway never reads
 * a subgraph's tables.
 */

// One registered document holds every operation, so its fragments are written once.
const FEED_DOCUMENT = registeredOperation('misp', 'MispFeed');
const operation = (name: string): Operation => ({ ...FEED_DOCUMENT, name });
const CALLER = operation('MispCaller');
const INCIDENTS = operation('MispIncidents');
const ADVISORIES = operation('MispAdvisories');
const EVENT = operation('MispEvent');

/**
 * Records per read. Each costs 25 under the operation limits (itself, its organization and
 * indicators counted as a list of 20), so a page stays far below the default maximum cost of 20,000.
 */
export const RECORDS_PER_READ = 200;

/** Checks the caller's token through the graph (a bad one is 401, never silently anonymous). */
export async function authenticated(runtime: Runtime, req: IncomingMessage, res: ServerResponse) {
  return !graphFailed(res, await callGraph(runtime, req, CALLER, {}));
}

/**
 * Every event the caller may read: incidents by last change, then advisories by publication.
 * Null once a failure has been answered.
 */
export async function readEvents(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<FeedEvent[] | null> {
  const incidents = await readAll<FeedIncident>(runtime, req, res, INCIDENTS, 'incidentsUpdatedSince');
  if (!incidents) return null;
  const advisories = await readAll<FeedAdvisory>(runtime, req, res, ADVISORIES, 'advisoriesPublishedSince');
  if (!advisories) return null;
  // An incident changed between two reads moves to the end of its list and comes twice: the later wins.
  const events = new Map<string, FeedEvent>();
  for (const event of [...incidents.map(incidentEvent), ...advisories.map(advisoryEvent)]) {
    events.delete(event.uuid);
    events.set(event.uuid, event);
  }
  return [...events.values()];
}

async function readAll<T>(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  list: Operation,
  field: string,
): Promise<T[] | null> {
  const records: T[] = [];
  const read = await readEveryPage<Record<string, FeedPage<T>>>(
    runtime,
    req,
    list,
    { first: RECORDS_PER_READ },
    (answer) => graphFailed(res, answer),
    (data) => {
      const page = data?.[field];
      if (!page) return null;
      records.push(...page.edges.map((edge) => edge.node));
      return { cursor: page.edges.at(-1)?.cursor, hasNextPage: page.pageInfo.hasNextPage };
    },
  );
  return read ? records : null;
}

/**
 * The event with this uuid, if the caller may read it: an incident's or an advisory's, whose ids
 * are the events' uuids. Null when there is none for this caller (missing and hidden alike), or
 * once a failure has been answered; `res.headersSent` tells the two apart.
 */
export async function readEvent(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  uuid: string,
): Promise<FeedEvent | null> {
  const answer = await callGraph<{ incident: FeedIncident | null; advisory: FeedAdvisory | null }>(
    runtime,
    req,
    EVENT,
    { id: uuid },
  );
  if (graphFailed(res, answer)) return null;
  if (answer.data?.incident) return incidentEvent(answer.data.incident);
  if (answer.data?.advisory) return advisoryEvent(answer.data.advisory);
  return null;
}
