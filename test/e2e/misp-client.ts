import { randomUUID } from 'node:crypto';
import { readManifest } from '@cadg/gateway';
import { runDocument } from './documents.ts';
import { startGraph, type Graph, type GraphQLResponse } from './harness.ts';

/**
 * The MISP tests' client: each test runs in the embedded default and in production mode (trusted
 * documents enforced, signed subgraph calls), sending the registered operations of
 * `gateway/trusted-documents/misp-*` as text or by id as a client of the manifest does.
 */

export interface MispMode {
  name: string;
  production: boolean;
}

export const MISP_MODES: MispMode[] = [
  { name: 'the embedded default', production: false },
  { name: 'production mode (trusted documents enforced, signed subgraph calls)', production: true },
];

/**
 * A graph for the mode. The feed servers of the tests listen on 127.0.0.1: production refuses
 * loopback feeds, so they are let through by name, as ALERT_WEBHOOK_ALLOWED_HOSTS=127.0.0.1 would.
 */
export async function startMispGraph(mode: MispMode): Promise<Graph> {
  const policy = { allowLoopback: !mode.production, allowedHosts: new Set(['127.0.0.1']) };
  if (!mode.production) return startGraph({ alerts: { policy } });
  return startGraph({
    protection: {
      production: true,
      rateLimit: null,
      subgraphSigningSecret: randomUUID(),
      trustedDocuments: { mode: 'enforce', manifest: await readManifest() },
    },
    alerts: { policy },
  });
}

export type Result<T> = GraphQLResponse<T> & { status: number };

/** Runs `operationName` of a registered document file, by id in production and as text otherwise. */
export const run = <T>(
  graph: Graph,
  mode: MispMode,
  file: string,
  operationName: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<Result<T>> =>
  runDocument<T>(graph, { byId: mode.production }, file, variables, token, operationName);

export interface ImportedAdvisory {
  id: string;
  title: string;
  body: string;
  severity: string;
  tlp: string;
  cveIds: string[];
  provenance: {
    format: string;
    channel: string;
    externalId: string;
    createdBy: string | null;
    labels: string[];
  };
  indicators: { type: string; value: string; description: string | null; forDetection: boolean }[];
}

export interface MispImport {
  importId: string;
  eventUuid: string;
  created: number;
  updated: number;
  unchanged: number;
  advisory: ImportedAdvisory | null;
  notMapped: { id: string; type: string; code: string; reason: string }[];
}

/** `importMispEvent` through the registered document. */
export const importEvent = (
  graph: Graph,
  mode: MispMode,
  token: string | undefined,
  event: unknown,
  sharedWithOrganizationIds?: string[],
) =>
  run<{ importMispEvent: MispImport }>(
    graph,
    mode,
    'misp-import/ImportMispEvent.graphql',
    'ImportMispEvent',
    { event, ...(sharedWithOrganizationIds ? { sharedWithOrganizationIds } : {}) },
    token,
  );

/**
 * An event of our own MISP feed (`/misp/feed/<uuid>.json`) as `token`'s organization may read it:
 * null when TLP hides it (the feed answers 404 alike for hidden and missing events).
 */
export async function feedEvent<E = Record<string, unknown>>(
  graph: Graph,
  uuid: string,
  token?: string,
): Promise<E | null> {
  const response = await fetch(new URL(`/misp/feed/${uuid}.json`, graph.baseUrl), {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (response.status === 404) return null;
  if (response.status !== 200) throw new Error(`feed ${uuid}.json: HTTP ${response.status}`);
  return ((await response.json()) as { Event: E }).Event;
}

/** The indicators of an advisory as sorted `[type, value, forDetection]` rows. */
export const indicatorRows = (advisory: Pick<ImportedAdvisory, 'indicators'>) =>
  advisory.indicators
    .map((i): [string, string, boolean] => [i.type, i.value, i.forDetection])
    .sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
