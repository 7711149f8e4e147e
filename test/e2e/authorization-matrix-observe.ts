/**
 * Gathers, once, everything each role of the authorization matrix sees and gets: reads over every
 * path, a change and a share attempt per TLP level, and the events its own subscription is sent.
 * authorization-matrix.test.ts judges it; the expected outcomes are written out there.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Graph } from './harness.ts';
import { subscribe, type Subscriber } from './subscriber.ts';
import {
  ENTITIES,
  LIST,
  READ_ONE,
  RECIPIENT_ORG,
  ROLES,
  SEARCH,
  SHARE,
  SHARED_WITH,
  STATS,
  TLPS,
  UPDATE,
  VERSION,
  receivedUpTo,
  reportIncident,
  tokensFor,
  type EntitiesData,
  type ListData,
  type ReadOneData,
  type Response,
  type RoleKey,
  type SearchData,
  type ShareData,
  type StatsData,
  type Tlp,
  type UpdateData,
  type Versioned,
} from './authorization-matrix-helpers.ts';

/**
 * The organization each role tries to share with: one per role, none of them a role's own or the
 * recipient, so every attempt is judged on its own and no share changes what a role may read.
 */
export const SHARE_TARGET: Readonly<Record<RoleKey, string>> = {
  anonymous: 'vn-vncert',
  outsider: 'id-bssn',
  reporter: 'bn-brucert',
  outsiderAdmin: 'kh-camcert',
  recipient: 'la-laocert',
  secretariat: 'mm-mmcert',
  roleless: 'tl-tic',
};

export interface Reported {
  id: string;
  title: string;
  /** Unique to this incident; also the text the filtered statistics look for. */
  nonce: string;
  indicator: string;
}

export interface MutateAttempt {
  before: Versioned;
  response: Response<UpdateData>;
  after: Versioned;
  summary: string;
}

export interface ShareAttempt {
  response: Response<ShareData>;
  /** The incident's recipients as the reporter reads them after the attempt. */
  after: string[];
}

/** Everything one role saw and got, gathered once and judged by many cases. */
export interface Observed {
  read: Record<Tlp, Response<ReadOneData>>;
  list: Response<ListData>;
  stats: Response<StatsData>;
  statsOf: Record<Tlp, Response<StatsData>>;
  search: Record<Tlp, Response<SearchData>>;
  entities: Record<Tlp, Response<EntitiesData>>;
  mutate: Record<Tlp, MutateAttempt>;
  share: Record<Tlp, ShareAttempt>;
  /** `updateIncident` on an id that exists nowhere, to compare refusals with. */
  nonexistent: { id: string; response: Response<unknown> };
  subscriber: Subscriber;
}

/** What one run of the matrix gathered. */
export interface Matrix {
  incidents: Record<Tlp, Reported>;
  observed: Record<RoleKey, Observed>;
}

interface Run {
  graph: Graph;
  tokens: Map<RoleKey, string | undefined>;
  incidents: Record<Tlp, Reported>;
}

async function report(run: Run, tlp: Tlp, title: string, indicator: string): Promise<string> {
  const input = {
    title,
    summary: 'Exercise scenario for the authorization matrix (test data).',
    category: 'INTRUSION',
    severity: 'HIGH',
    tlp,
    affectedCountryCodes: ['MY', 'SG'],
    sharedWithOrganizationIds: [RECIPIENT_ORG],
    indicators: [{ type: 'DOMAIN', value: indicator }],
  };
  return reportIncident(run.graph, input, run.tokens.get('reporter'));
}

/** A HIGH CLEAR incident every subscriber, anonymous included, is sent after what came before. */
const reportMarker = (run: Run, name: string) =>
  report(run, 'CLEAR', `Exercise scenario: matrix ${name} marker ${randomUUID()}`, `${randomUUID()}.example`);

async function readVersion(run: Run, id: string): Promise<Versioned> {
  const response = await run.graph.query<{ incident: Versioned }>(
    VERSION,
    { id },
    run.tokens.get('reporter'),
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.incident;
}

async function observeReads(
  run: Run,
  role: RoleKey,
): Promise<Omit<Observed, 'mutate' | 'share' | 'nonexistent' | 'subscriber'>> {
  const token = run.tokens.get(role);
  const perTlp = <T>(gather: (incident: Reported) => Promise<T>) =>
    Promise.all(TLPS.map(async (tlp) => [tlp, await gather(run.incidents[tlp])] as const)).then(
      (entries) => Object.fromEntries(entries) as Record<Tlp, T>,
    );
  const [read, list, stats, statsOf, search, entities] = await Promise.all([
    perTlp((incident) => run.graph.query<ReadOneData>(READ_ONE, { id: incident.id }, token)),
    run.graph.query<ListData>(LIST, {}, token),
    run.graph.query<StatsData>(STATS, {}, token),
    perTlp((incident) => run.graph.query<StatsData>(STATS, { filter: { text: incident.nonce } }, token)),
    perTlp((incident) => run.graph.query<SearchData>(SEARCH, { value: incident.indicator }, token)),
    perTlp((incident) =>
      run.graph.query<EntitiesData>(
        ENTITIES,
        { r: [{ __typename: 'Incident', id: incident.id }] },
        token,
        run.graph.subgraphUrls['incidents'],
      ),
    ),
  ]);
  return { read, list, stats, statsOf, search, entities };
}

/**
 * One attempt to change an incident's summary, based on the version the reporter reads just
 * before; the reporter reads it again afterwards to see what, if anything, changed.
 */
async function attemptChange(run: Run, role: RoleKey, tlp: Tlp): Promise<MutateAttempt> {
  const { id } = run.incidents[tlp];
  const before = await readVersion(run, id);
  const summary = `Re-assessed by the ${role} caller (${tlp}, ${randomUUID()}).`;
  const response = await run.graph.query<UpdateData>(
    UPDATE,
    { input: { id, expectedVersion: before.version, summary } },
    run.tokens.get(role),
  );
  return { before, response, after: await readVersion(run, id), summary };
}

/** One attempt to add the role's own target organization to an incident's recipients. */
async function attemptShare(run: Run, role: RoleKey, tlp: Tlp): Promise<ShareAttempt> {
  const { id } = run.incidents[tlp];
  const response = await run.graph.query<ShareData>(
    SHARE,
    { id, organizationIds: [SHARE_TARGET[role]] },
    run.tokens.get(role),
  );
  const read = await run.graph.query<{ incident: { sharedWith: { id: string }[] } }>(
    SHARED_WITH,
    { id },
    run.tokens.get('reporter'),
  );
  expect(read.errors, JSON.stringify(read.errors)).toBeUndefined();
  return { response, after: read.data!.incident.sharedWith.map((organization) => organization.id) };
}

/**
 * Reports one incident per TLP level, then lets every role read, change, share and subscribe. The
 * subscriptions it opens are pushed onto `subscribers` as they open, for the caller to close even
 * when this fails half-way.
 */
export async function observeMatrix(graph: Graph, subscribers: Subscriber[]): Promise<Matrix> {
  const run: Run = { graph, tokens: await tokensFor(graph, ROLES), incidents: {} as Record<Tlp, Reported> };
  const observed = {} as Record<RoleKey, Observed>;

  const roleSubscribers = new Map<RoleKey, Subscriber>();
  for (const role of ROLES) {
    const token = run.tokens.get(role.key);
    // Each subscriber resumes from its own cursor, read with its own token.
    const cursor = (
      await run.graph.query<{ incidentEventCursor: string }>(`{ incidentEventCursor }`, {}, token)
    ).data!.incidentEventCursor;
    const subscriber = subscribe(run.graph.wsUrl, { ...(token ? { token } : {}), after: cursor });
    subscribers.push(subscriber);
    roleSubscribers.set(role.key, subscriber);
  }
  await Promise.all(subscribers.map((subscriber) => subscriber.ready));

  for (const tlp of TLPS) {
    const nonce = randomUUID();
    const title = `Exercise scenario: matrix TLP-${tlp} intrusion ${nonce}`;
    const indicator = `matrix-${tlp.toLowerCase().replace('_', '-')}-${nonce}.example`;
    run.incidents[tlp] = { id: await report(run, tlp, title, indicator), title, nonce, indicator };
  }
  // Events reach each subscriber in commit order: once it has the marker, it has been sent every
  // REPORTED event it will ever get. CLEAR, not GREEN, so that the anonymous subscriber gets it too.
  const marker = await reportMarker(run, 'reported');
  await Promise.all(subscribers.map((subscriber) => receivedUpTo(subscriber, marker)));

  const reads = await Promise.all(
    ROLES.map(async (role) => [role.key, await observeReads(run, role.key)] as const),
  );

  // Changes run one after another: each is based on the version read just before it.
  const mutate = {} as Record<RoleKey, Record<Tlp, MutateAttempt>>;
  const share = {} as Record<RoleKey, Record<Tlp, ShareAttempt>>;
  const nonexistent = {} as Record<RoleKey, Observed['nonexistent']>;
  for (const role of ROLES) {
    mutate[role.key] = {} as Record<Tlp, MutateAttempt>;
    for (const tlp of TLPS) mutate[role.key][tlp] = await attemptChange(run, role.key, tlp);
    share[role.key] = {} as Record<Tlp, ShareAttempt>;
    for (const tlp of TLPS) share[role.key][tlp] = await attemptShare(run, role.key, tlp);
    const id = randomUUID();
    nonexistent[role.key] = {
      id,
      response: await run.graph.query(
        UPDATE,
        { input: { id, expectedVersion: 1, summary: 'No such incident.' } },
        run.tokens.get(role.key),
      ),
    };
  }
  // The changes announce UPDATED events too; a second marker says every subscriber has them all.
  const end = await reportMarker(run, 'changes');
  await Promise.all(subscribers.map((subscriber) => receivedUpTo(subscriber, end)));

  for (const [key, read] of reads)
    observed[key] = {
      ...read,
      mutate: mutate[key],
      share: share[key],
      nonexistent: nonexistent[key],
      subscriber: roleSubscribers.get(key)!,
    };
  return { incidents: run.incidents, observed };
}
