import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Subscription } from 'rxjs';
import {
  LiveMajorIncidentsDocument,
  type LiveMajorIncidentsSubscription,
  type SituationOverviewQuery,
} from '../gql/graphql.ts';
import type { ConnectionState } from './connection.ts';
import { useGraph } from './GraphProvider.tsx';

type Incident = LiveMajorIncidentsSubscription['majorIncidentUpdates']['incident'];
type Event = LiveMajorIncidentsSubscription['majorIncidentUpdates'];

/** One row of the live list: an incident and its latest change. */
export interface FeedItem {
  incident: Incident;
  /** When it last changed (the event's time, or the incident's `updatedAt` from the first read). */
  at: string;
  /** What the latest event was, when one arrived while the page was open. */
  lastEvent: Event['type'] | null;
}

const MAJOR = new Set(['HIGH', 'SEVERE', 'EMERGENCY']);
const OPEN = new Set(['REPORTED', 'TRIAGED', 'IN_PROGRESS', 'CONTAINED']);

/** Applies one event: the incident moves to the top, or leaves once it is no longer open and major. */
export function applyEvent(items: readonly FeedItem[], event: Event): FeedItem[] {
  const rest = items.filter((item) => item.incident.id !== event.incident.id);
  if (!MAJOR.has(event.incident.severity) || !OPEN.has(event.incident.status)) return rest;
  return [{ incident: event.incident, at: event.occurredAt, lastEvent: event.type }, ...rest];
}

/**
 * Open major incidents, newest change first: the list read with the overview, then every
 * `majorIncidentUpdates` event after the overview's cursor. When the connection drops, the
 * subscription is dropped with it; once the socket is back it subscribes again from the cursor of
 * the last event handled, so the events missed meanwhile are replayed once, in order. (graphql-ws's
 * own retry would resend the first subscription with its first cursor and replay everything again.)
 */
export function useMajorIncidentFeed(overview: SituationOverviewQuery): {
  items: FeedItem[];
  connection: ConnectionState;
} {
  const graph = useGraph();
  const connection = useSyncExternalStore(graph.status.subscribe, graph.status.get);
  const cursor = useRef(overview.incidentEventCursor);
  const [items, setItems] = useState<FeedItem[]>(() =>
    overview.majorIncidents.edges.map(({ node }) => ({
      incident: node,
      at: node.updatedAt,
      lastEvent: null,
    })),
  );

  useEffect(() => {
    let subscription: Subscription | undefined;
    const start = () => {
      subscription?.unsubscribe();
      subscription = graph.apollo
        .subscribe({ query: LiveMajorIncidentsDocument, variables: { after: cursor.current } })
        .subscribe(({ data }) => {
          const event = data?.majorIncidentUpdates;
          if (!event) return;
          cursor.current = event.cursor;
          setItems((current) => applyEvent(current, event));
        });
    };
    const stop = () => {
      subscription?.unsubscribe();
      subscription = undefined;
    };
    start();
    const offConnected = graph.socket.on('connected', start);
    const offClosed = graph.socket.on('closed', stop);
    return () => {
      offConnected();
      offClosed();
      stop();
    };
  }, [graph]);

  return { items, connection };
}
