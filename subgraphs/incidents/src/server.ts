import { changeLogOf, type Database } from '@cadg/db';
import {
  createSubgraphMetrics,
  createSubgraphServer,
  defaultSubgraphUrl,
  eventLagHistogram,
  liveSubscriptionsGauge,
  type SubgraphSecurity,
  type SubgraphServer,
  type SubgraphServerBaseOptions,
} from '@cadg/platform';
import { createContext, type IncidentsContext, type IncidentsServices } from './context.ts';
import { AlertDispatcher } from './alerts/dispatcher.ts';
import { alertSettingsFromEnv, type AlertSettings } from './alerts/config.ts';
import { contactsDirectory, type Directory } from './directory.ts';
import { EventHub } from './events/hub.ts';
import { feedSecretsFromEnv } from './exchange/feed-secrets.ts';
import { MispFeedPuller, mispPullSettingsFromEnv, type MispPullSettings } from './exchange/misp-pull.ts';
import { startSweeping, sweepSettingsFromEnv } from './exchange/sweep.ts';
import { phishingIncidentScoreFromEnv } from './phishing.ts';
import { schema } from './schema.ts';

export { createContext, type IncidentsContext, type IncidentsServices } from './context.ts';
export { contactsDirectory, type Directory } from './directory.ts';
export { EventHub } from './events/hub.ts';
export { alertSettingsFromEnv, type AlertSettings, type AttemptReport } from './alerts/config.ts';
export { schema } from './schema.ts';

/** What the incidents subgraph is built from: every subgraph's options (platform's entry.ts), and its own. */
export interface IncidentsServerOptions extends SubgraphServerBaseOptions<Database> {
  /**
   * The contacts subgraph, asked whether referenced countries and organizations exist.
   * @default CONTACTS_URL from the environment, else contacts' default URL (platform's ports.ts)
   */
  contactsUrl?: string | undefined;
  /**
   * The verdict score at or above which the phishing intake raises a PHISHING incident.
   * @default PHISHING_INCIDENT_SCORE from the environment, else 0.8
   */
  phishingIncidentScore?: number;
  /**
   * Who counts as the gateway and what direct callers may do (see platform's subgraph-security.ts);
   * its signing secret also signs this subgraph's own calls to contacts.
   * @default no secret: unsigned, with DEFAULT_LIMITS for direct callers
   */
  security?: SubgraphSecurity | undefined;
  /**
   * Alert delivery settings, each overriding the environment's (see alerts/config.ts).
   * @default alertSettingsFromEnv(process.env)
   */
  alerts?: Partial<AlertSettings> | undefined;
  /**
   * MISP feed pull settings, each overriding the environment's (see exchange/misp-pull.ts); the
   * outbound-address policy is the alerts' own.
   * @default mispPullSettingsFromEnv(process.env, alerts.policy)
   */
  mispFeeds?: Partial<MispPullSettings> | undefined;
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
  // Set once the alert dispatcher exists: it matches the events each notification announced.
  let wakeDispatcher = () => {};
  const hub = new EventHub(options.database, {
    onFannedOut(items) {
      const now = Date.now();
      for (const { event } of items) eventLag.observe((now - event.occurredAt.getTime()) / 1000);
    },
    // After every pass, not only those that found incident events: advisories are alerted too.
    onDrained: () => wakeDispatcher(),
  });
  liveSubscriptionsGauge(metrics.registry, () => hub.subscriberCount);
  await hub.start();
  const alertSettings: AlertSettings = { ...alertSettingsFromEnv(process.env), ...options.alerts };
  const dispatcher = new AlertDispatcher(
    options.database.db,
    alertSettings,
    metrics.registry,
    () => hub.lastId,
  );
  // The hub reads each committed event once NOTIFY announces it; the dispatcher then matches it.
  // (Not a hub subscriber: those are the clients counted in graphql_live_subscriptions.)
  wakeDispatcher = () => dispatcher.wake();
  // Feed header values (API keys) are stored encrypted under this key (exchange/feed-secrets.ts).
  const secrets = await feedSecretsFromEnv(process.env);
  const puller = new MispFeedPuller(options.database.db, {
    ...mispPullSettingsFromEnv(process.env, alertSettings.policy, secrets),
    ...options.mispFeeds,
  });
  const contactsUrl = options.contactsUrl ?? (process.env['CONTACTS_URL'] || defaultSubgraphUrl('contacts'));
  const directory: Directory = contactsDirectory(contactsUrl, {
    signingSecret: options.security?.signingSecret,
  });
  const services: IncidentsServices = {
    db: options.database.db,
    directory,
    hub,
    alerts: { settings: alertSettings, wake: () => dispatcher.wake() },
    mispFeeds: { wake: () => puller.wake(), secrets },
    phishingIncidentScore: options.phishingIncidentScore ?? phishingIncidentScoreFromEnv(process.env),
  };
  const server = await createSubgraphServer({
    name: 'incidents',
    schema,
    verifier: options.verifier,
    subscriptions: true,
    metrics,
    security: options.security,
    changes: changeLogOf(options.database.db, 'incidents'),
    createContext: (caller, transport, requestId) => createContext(services, caller, transport, requestId),
  });
  if (alertSettings.dispatch) dispatcher.start();
  puller.start();
  // Imports a stopped replica left pending are resumed or failed, at start-up and periodically
  // (exchange/sweep.ts).
  const stopSweeping = startSweeping(options.database.db, sweepSettingsFromEnv(process.env));
  return {
    ...server,
    hub,
    async close() {
      await server.close();
      await stopSweeping();
      await dispatcher.stop();
      await puller.stop();
      await hub.stop();
    },
  };
}
