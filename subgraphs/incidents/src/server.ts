import type { Database } from '@cadg/db';
import {
  createSubgraphMetrics,
  createSubgraphServer,
  eventLagHistogram,
  liveSubscriptionsGauge,
  type SubgraphServer,
  type TokenVerifier,
} from '@cadg/platform';
import { createContext, type IncidentsContext, type IncidentsServices } from './context.ts';
import { contactsDirectory, type Directory } from './directory.ts';
import { EventHub } from './events/hub.ts';
import { phishingIncidentScoreFromEnv } from './phishing.ts';
import { schema } from './schema.ts';

export { createContext, type IncidentsContext, type IncidentsServices } from './context.ts';
export { contactsDirectory, type Directory } from './directory.ts';
export { EventHub } from './events/hub.ts';
export { schema } from './schema.ts';

export const DEFAULT_PORT = 4002;

export interface IncidentsServerOptions {
  database: Database;
  verifier: TokenVerifier;
  /** The contacts subgraph, asked whether referenced countries and organizations exist. */
  contactsUrl: string;
  /**
   * The verdict score at or above which the phishing intake raises a PHISHING incident.
   * @default PHISHING_INCIDENT_SCORE from the environment, else 0.8
   */
  phishingIncidentScore?: number;
}

export interface IncidentsServer extends SubgraphServer<IncidentsContext> {
  readonly hub: EventHub;
}

/**
 * Builds the incidents subgraph without listening: HTTP for queries and mutations, graphql-ws for
 * the major-incident subscription, and the event hub that LISTENs for committed events.
 */
export async function createIncidentsServer(options: IncidentsServerOptions): Promise<IncidentsServer> {
  const metrics = createSubgraphMetrics('incidents');
  const eventLag = eventLagHistogram(metrics.registry);
  const hub = new EventHub(options.database, {
    onFannedOut(items) {
      const now = Date.now();
      for (const { event } of items) eventLag.observe((now - event.occurredAt.getTime()) / 1000);
    },
  });
  liveSubscriptionsGauge(metrics.registry, () => hub.subscriberCount);
  await hub.start();
  const directory: Directory = contactsDirectory(options.contactsUrl);
  const services: IncidentsServices = {
    db: options.database.db,
    directory,
    hub,
    phishingIncidentScore: options.phishingIncidentScore ?? phishingIncidentScoreFromEnv(process.env),
  };
  const server = await createSubgraphServer({
    name: 'incidents',
    schema,
    verifier: options.verifier,
    subscriptions: true,
    metrics,
    createContext: (caller, transport) => createContext(services, caller, transport),
  });
  return {
    ...server,
    hub,
    async close() {
      await server.close();
      await hub.stop();
    },
  };
}
