import type { Caller } from '@cadg/platform';
import type { Db } from '@cadg/db';
import type { AlertService } from './alerts/rules.ts';
import type { Directory } from './directory.ts';
import type { EventHub } from './events/hub.ts';
import type { FeedSecrets } from './exchange/feed-secrets.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface IncidentsContext {
  db: Db;
  caller: Caller;
  loaders: Loaders;
  directory: Directory;
  hub: EventHub;
  alerts: AlertService;
  /** Wakes this replica's MISP feed puller (a feed became due); seals feed header values. */
  mispFeeds?: { wake(): void; secrets: FeedSecrets };
  /** The verdict score that raises a PHISHING incident (see phishing.ts). */
  phishingIncidentScore?: number;
}

export interface IncidentsServices {
  db: Db;
  directory: Directory;
  hub: EventHub;
  alerts: AlertService;
  /** Wakes this replica's MISP feed puller; seals feed header values. */
  mispFeeds?: { wake(): void; secrets: FeedSecrets };
  /** The verdict score that raises a PHISHING incident. @default DEFAULT_PHISHING_INCIDENT_SCORE */
  phishingIncidentScore?: number;
}

export function createContext(
  services: IncidentsServices,
  caller: Caller,
  transport: 'http' | 'ws' = 'http',
  requestId?: string,
): IncidentsContext {
  return {
    ...services,
    // Only a request's own id is passed on: the directory's calls are made for that request.
    directory: requestId === undefined ? services.directory : services.directory.forRequest(requestId),
    caller,
    loaders: createLoaders(services.db, caller, { cache: transport === 'http' }),
  };
}
