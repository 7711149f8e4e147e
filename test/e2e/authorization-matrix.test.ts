/**
 * The authorization matrix: for every role × TLP level × operation, exactly who sees or changes
 * what, through the running gateway (HTTP and graphql-ws) and, for `_entities`, the incidents
 * subgraph reached directly. The expected outcomes are written out by hand below, from TLP 2.0 as
 * DESIGN.md §3 reads it, never computed by the code under test.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLFormattedError } from 'graphql';
import { Role } from '@cadg/platform';
import { codesOf, startGraph, type Graph, type GraphQLResponse } from './harness.ts';
import { subscribe, type Subscriber } from './subscriber.ts';

const REPORTING_ORG = 'my-mycert';
const RECIPIENT_ORG = 'sg-csa';

const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'] as const;
type Tlp = (typeof TLPS)[number];

type RoleKey = 'anonymous' | 'outsider' | 'reporter' | 'outsiderAdmin' | 'recipient' | 'secretariat';

interface RoleSpec {
  key: RoleKey;
  /** How test titles name the role. */
  label: string;
  /** null for the anonymous caller, who sends no token at all. */
  token: { org: string; roles: Role[] } | null;
}

const ROLES: readonly RoleSpec[] = [
  { key: 'anonymous', label: 'anonymous caller', token: null },
  {
    key: 'outsider',
    label: 'member of an uninvolved organization',
    token: { org: 'th-thaicert', roles: [Role.Member] },
  },
  {
    key: 'reporter',
    label: 'member of the reporting organization',
    token: { org: REPORTING_ORG, roles: [Role.Member] },
  },
  {
    key: 'outsiderAdmin',
    label: 'ORG_ADMIN of an uninvolved organization',
    token: { org: 'ph-certph', roles: [Role.OrgAdmin] },
  },
  {
    key: 'recipient',
    label: 'member of a named recipient organization',
    token: { org: RECIPIENT_ORG, roles: [Role.Member] },
  },
  {
    key: 'secretariat',
    label: 'SECRETARIAT (not a recipient)',
    token: { org: 'asean-secretariat', roles: [Role.Secretariat] },
  },
];

/** Which incidents each role may read: the same answer for every read path. */
const EXPECTED_READ: Readonly<Record<RoleKey, readonly Tlp[]>> = {
  anonymous: ['CLEAR'],
  outsider: ['CLEAR', 'GREEN'],
  reporter: ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'],
  outsiderAdmin: ['CLEAR', 'GREEN'],
  recipient: ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'],
  secretariat: ['CLEAR', 'GREEN'],
};

type MutateOutcome = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

// Short names keep the table below readable as a table.
const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';
const N = 'NOT_FOUND';
const OK = 'ALLOWED';

/**
 * What `updateIncident` answers. An incident the caller may not read is NOT_FOUND, exactly like
 * one that does not exist; one it may read but not change is FORBIDDEN.
 */
// prettier-ignore
const EXPECTED_MUTATE: Readonly<Record<RoleKey, Readonly<Record<Tlp, MutateOutcome>>>> = {
  anonymous:     { CLEAR: U,  GREEN: U,  AMBER: U,  AMBER_STRICT: U,  RED: U },
  outsider:      { CLEAR: F,  GREEN: F,  AMBER: N,  AMBER_STRICT: N,  RED: N },
  reporter:      { CLEAR: OK, GREEN: OK, AMBER: OK, AMBER_STRICT: OK, RED: OK },
  outsiderAdmin: { CLEAR: F,  GREEN: F,  AMBER: N,  AMBER_STRICT: N,  RED: N },
  recipient:     { CLEAR: F,  GREEN: F,  AMBER: F,  AMBER_STRICT: F,  RED: F },
  secretariat:   { CLEAR: OK, GREEN: OK, AMBER: N,  AMBER_STRICT: N,  RED: N },
};

const READ_ONE = /* GraphQL */ `
  query ReadOne($id: ID!) {
    incident(id: $id) {
      id
      title
      tlp
    }
  }
`;
const LIST = /* GraphQL */ `
  query List {
    incidents(first: 500) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          title
          severity
        }
      }
    }
  }
`;
const STATS = /* GraphQL */ `
  query Stats($filter: IncidentFilter) {
    incidentStats(groupBy: SEVERITY, filter: $filter) {
      key
      count
    }
  }
`;
const SEARCH = /* GraphQL */ `
  query Search($value: String!) {
    indicators(value: $value) {
      value
      incident {
        id
        title
      }
    }
  }
`;
const ENTITIES = /* GraphQL */ `
  query ($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Incident {
        id
        title
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateIncidentInput!) {
    updateIncident(input: $input) {
      id
      version
      summary
    }
  }
`;
const VERSION = /* GraphQL */ `
  query Version($id: ID!) {
    incident(id: $id) {
      version
      summary
    }
  }
`;
const REPORT = /* GraphQL */ `
  mutation Report($input: ReportIncidentInput!) {
    reportIncident(input: $input) {
      id
    }
  }
`;

interface Reported {
  id: string;
  title: string;
  /** Unique to this incident; also the text the filtered statistics look for. */
  nonce: string;
  indicator: string;
}

type Response<T> = GraphQLResponse<T> & { status: number };
type Bucket = { key: string; count: number };
type Versioned = { version: number; summary: string };
type ReadOneData = { incident: { id: string; title: string; tlp: string } | null };
type ListData = {
  incidents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean };
    edges: { node: { id: string; title: string; severity: string } }[];
  };
};
type StatsData = { incidentStats: Bucket[] };
type SearchData = { indicators: { value: string; incident: { id: string; title: string } | null }[] };
type EntitiesData = { _entities: ({ id: string; title: string } | null)[] };
type UpdateData = { updateIncident: Versioned & { id: string } };

interface MutateAttempt {
  before: Versioned;
  response: Response<UpdateData>;
  after: Versioned;
  summary: string;
}

/** Everything one role saw and got, gathered once and judged by many cases. */
interface Observed {
  read: Record<Tlp, Response<ReadOneData>>;
  list: Response<ListData>;
  stats: Response<StatsData>;
  statsOf: Record<Tlp, Response<StatsData>>;
  search: Record<Tlp, Response<SearchData>>;
  entities: Record<Tlp, Response<EntitiesData>>;
  mutate: Record<Tlp, MutateAttempt>;
  /** `updateIncident` on an id that exists nowhere, to compare refusals with. */
  nonexistent: { id: string; response: Response<unknown> };
  subscriber: Subscriber;
}

let graph: Graph;
const tokens = new Map<RoleKey, string | undefined>();
const incidents = {} as Record<Tlp, Reported>;
const observed = {} as Record<RoleKey, Observed>;
const subscribers: Subscriber[] = [];

const tokenOf = (role: RoleKey) => tokens.get(role);

async function report(tlp: Tlp, title: string, indicator: string): Promise<string> {
  const response = await graph.query<{ reportIncident: { id: string } }>(
    REPORT,
    {
      input: {
        title,
        summary: 'Exercise scenario for the authorization matrix (test data).',
        category: 'INTRUSION',
        severity: 'HIGH',
        tlp,
        affectedCountryCodes: ['MY', 'SG'],
        sharedWithOrganizationIds: [RECIPIENT_ORG],
        indicators: [{ type: 'DOMAIN', value: indicator }],
      },
    },
    tokenOf('reporter'),
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.reportIncident.id;
}

/** A HIGH CLEAR incident every subscriber, anonymous included, is sent after what came before. */
const reportMarker = (name: string) =>
  report('CLEAR', `Exercise scenario: matrix ${name} marker ${randomUUID()}`, `${randomUUID()}.example`);

/** Waits, on promises, until the subscriber has been sent the event of this incident. */
async function receivedUpTo(subscriber: Subscriber, incidentId: string): Promise<void> {
  while (!subscriber.events.some((event) => event.incident.id === incidentId))
    await subscriber.waitFor(subscriber.events.length + 1, 10_000);
}

async function readVersion(id: string): Promise<Versioned> {
  const response = await graph.query<{ incident: Versioned }>(VERSION, { id }, tokenOf('reporter'));
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.incident;
}

async function observeReads(role: RoleKey): Promise<Omit<Observed, 'mutate' | 'nonexistent' | 'subscriber'>> {
  const token = tokenOf(role);
  const perTlp = <T>(run: (incident: Reported) => Promise<T>) =>
    Promise.all(TLPS.map(async (tlp) => [tlp, await run(incidents[tlp])] as const)).then(
      (entries) => Object.fromEntries(entries) as Record<Tlp, T>,
    );
  const [read, list, stats, statsOf, search, entities] = await Promise.all([
    perTlp((incident) => graph.query<ReadOneData>(READ_ONE, { id: incident.id }, token)),
    graph.query<ListData>(LIST, {}, token),
    graph.query<StatsData>(STATS, {}, token),
    perTlp((incident) => graph.query<StatsData>(STATS, { filter: { text: incident.nonce } }, token)),
    perTlp((incident) => graph.query<SearchData>(SEARCH, { value: incident.indicator }, token)),
    perTlp((incident) =>
      graph.query<EntitiesData>(
        ENTITIES,
        { r: [{ __typename: 'Incident', id: incident.id }] },
        token,
        graph.subgraphUrls['incidents'],
      ),
    ),
  ]);
  return { read, list, stats, statsOf, search, entities };
}

/**
 * One attempt to change an incident's summary, based on the version the reporter reads just
 * before; the reporter reads it again afterwards to see what, if anything, changed.
 */
async function attemptChange(role: RoleKey, tlp: Tlp): Promise<MutateAttempt> {
  const { id } = incidents[tlp];
  const before = await readVersion(id);
  const summary = `Re-assessed by the ${role} caller (${tlp}, ${randomUUID()}).`;
  const response = await graph.query<UpdateData>(
    UPDATE,
    { input: { id, expectedVersion: before.version, summary } },
    tokenOf(role),
  );
  return { before, response, after: await readVersion(id), summary };
}

beforeAll(async () => {
  graph = await startGraph();
  for (const role of ROLES)
    tokens.set(role.key, role.token ? await graph.token(role.token.org, role.token.roles) : undefined);

  const cursor = (await graph.query<{ incidentEventCursor: string }>(`{ incidentEventCursor }`)).data!
    .incidentEventCursor;
  const roleSubscribers = new Map<RoleKey, Subscriber>();
  for (const role of ROLES) {
    const token = tokenOf(role.key);
    const subscriber = subscribe(graph.wsUrl, { ...(token ? { token } : {}), after: cursor });
    subscribers.push(subscriber);
    roleSubscribers.set(role.key, subscriber);
  }
  await Promise.all(subscribers.map((subscriber) => subscriber.ready));

  for (const tlp of TLPS) {
    const nonce = randomUUID();
    const title = `Exercise scenario: matrix TLP-${tlp} intrusion ${nonce}`;
    const indicator = `matrix-${tlp.toLowerCase().replace('_', '-')}-${nonce}.example`;
    incidents[tlp] = { id: await report(tlp, title, indicator), title, nonce, indicator };
  }
  // Events reach each subscriber in commit order: once it has the marker, it has been sent every
  // REPORTED event it will ever get. CLEAR, not GREEN, so that the anonymous subscriber gets it too.
  const marker = await reportMarker('reported');
  await Promise.all(subscribers.map((subscriber) => receivedUpTo(subscriber, marker)));

  const reads = await Promise.all(
    ROLES.map(async (role) => [role.key, await observeReads(role.key)] as const),
  );

  // Changes run one after another: each is based on the version read just before it.
  const mutate = {} as Record<RoleKey, Record<Tlp, MutateAttempt>>;
  const nonexistent = {} as Record<RoleKey, Observed['nonexistent']>;
  for (const role of ROLES) {
    mutate[role.key] = {} as Record<Tlp, MutateAttempt>;
    for (const tlp of TLPS) mutate[role.key][tlp] = await attemptChange(role.key, tlp);
    const id = randomUUID();
    nonexistent[role.key] = {
      id,
      response: await graph.query(
        UPDATE,
        { input: { id, expectedVersion: 1, summary: 'No such incident.' } },
        tokenOf(role.key),
      ),
    };
  }
  // The changes announce UPDATED events too; a second marker says every subscriber has them all.
  const end = await reportMarker('changes');
  await Promise.all(subscribers.map((subscriber) => receivedUpTo(subscriber, end)));

  for (const [key, read] of reads)
    observed[key] = {
      ...read,
      mutate: mutate[key],
      nonexistent: nonexistent[key],
      subscriber: roleSubscribers.get(key)!,
    };
});

afterAll(async () => {
  await Promise.all(subscribers.map((subscriber) => subscriber.close()));
  await graph?.close();
});

const highCount = (buckets: readonly Bucket[]) => buckets.find((bucket) => bucket.key === 'HIGH')?.count ?? 0;

/** The errors with the incident id blanked out, to compare refusals about different ids. */
const withoutId = (errors: readonly GraphQLFormattedError[] | undefined, id: string) =>
  JSON.parse(JSON.stringify(errors ?? []).replaceAll(id, '<id>')) as unknown;

type Operation = 'read' | 'list' | 'stats' | 'search' | 'subscribe' | 'entities' | 'mutate';

interface Case {
  title: string;
  role: RoleKey;
  tlp: Tlp;
  operation: Operation;
  canRead: boolean;
  mutate: MutateOutcome;
}

const PHRASES: Record<Exclude<Operation, 'mutate'>, (tlp: Tlp) => string> = {
  read: (tlp) => `read one TLP:${tlp} incident`,
  list: (tlp) => `find a TLP:${tlp} incident in the incident list`,
  stats: (tlp) => `count a TLP:${tlp} incident in the statistics`,
  search: (tlp) => `find a TLP:${tlp} incident by its indicator`,
  subscribe: (tlp) => `receive a TLP:${tlp} incident's events over the subscription`,
  entities: (tlp) => `resolve a TLP:${tlp} incident through _entities on the incidents subgraph`,
};

function titleOf(role: RoleSpec, tlp: Tlp, operation: Operation, canRead: boolean, mutate: MutateOutcome) {
  if (operation === 'mutate')
    return mutate === 'ALLOWED'
      ? `${role.label} can change a TLP:${tlp} incident`
      : `${role.label} cannot change a TLP:${tlp} incident (${mutate})`;
  return `${role.label} ${canRead ? 'can' : 'cannot'} ${PHRASES[operation](tlp)}`;
}

const OPERATIONS: readonly Operation[] = [
  'read',
  'list',
  'stats',
  'search',
  'subscribe',
  'entities',
  'mutate',
];
const CASES: Case[] = ROLES.flatMap((role) =>
  TLPS.flatMap((tlp) =>
    OPERATIONS.map((operation): Case => {
      const canRead = EXPECTED_READ[role.key].includes(tlp);
      const mutate = EXPECTED_MUTATE[role.key][tlp];
      return {
        title: titleOf(role, tlp, operation, canRead, mutate),
        role: role.key,
        tlp,
        operation,
        canRead,
        mutate,
      };
    }),
  ),
);

const CHECKS: Record<Operation, (c: Case, seen: Observed, incident: Reported) => void> = {
  read({ canRead, tlp }, seen, incident) {
    const response = seen.read[tlp];
    expect(response.errors).toBeUndefined();
    expect(response.data!.incident).toEqual(canRead ? { id: incident.id, title: incident.title, tlp } : null);
  },
  list({ canRead }, seen, incident) {
    expect(seen.list.errors).toBeUndefined();
    const { totalCount, pageInfo, edges } = seen.list.data!.incidents;
    expect(pageInfo.hasNextPage).toBe(false);
    expect(totalCount).toBe(edges.length);
    const ids = edges.map((edge) => edge.node.id);
    if (canRead) expect(ids).toContain(incident.id);
    else expect(ids).not.toContain(incident.id);
  },
  stats({ canRead, tlp }, seen) {
    // The unfiltered HIGH bucket counts exactly the HIGH incidents of the caller's own list...
    expect(seen.stats.errors).toBeUndefined();
    const visibleHigh = seen.list.data!.incidents.edges.filter((edge) => edge.node.severity === 'HIGH');
    expect(highCount(seen.stats.data!.incidentStats)).toBe(visibleHigh.length);
    // ...and statistics narrowed to this one incident count it once, or not at all.
    const narrowed = seen.statsOf[tlp];
    expect(narrowed.errors).toBeUndefined();
    expect(narrowed.data!.incidentStats).toEqual(canRead ? [{ key: 'HIGH', count: 1 }] : []);
  },
  search({ canRead, tlp }, seen, incident) {
    const response = seen.search[tlp];
    expect(response.errors).toBeUndefined();
    expect(response.data!.indicators).toEqual(
      canRead ? [{ value: incident.indicator, incident: { id: incident.id, title: incident.title } }] : [],
    );
  },
  subscribe({ canRead }, seen, incident) {
    const { events, errors } = seen.subscriber;
    expect(errors).toEqual([]);
    const about = events.filter((event) => event.incident.id === incident.id);
    if (canRead) expect(about.map((event) => event.type)).toContain('REPORTED');
    // Neither the report nor any later change of an unreadable incident is sent.
    else expect(about).toEqual([]);
  },
  entities({ canRead, tlp }, seen, incident) {
    const response = seen.entities[tlp];
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([canRead ? { id: incident.id, title: incident.title } : null]);
  },
  mutate({ canRead, mutate, tlp }, seen, incident) {
    const { before, response, after, summary } = seen.mutate[tlp];
    if (mutate === 'ALLOWED') {
      expect(response.errors).toBeUndefined();
      expect(response.data!.updateIncident).toEqual({
        id: incident.id,
        version: before.version + 1,
        summary,
      });
      expect(after).toEqual({ version: before.version + 1, summary });
      return;
    }
    expect(codesOf(response)).toEqual([mutate]);
    expect(response.data ?? null).toBeNull();
    expect(after).toEqual(before);
    if (canRead) return;
    // Refused without reading: word for word the refusal for an id that exists nowhere.
    const nonexistent = seen.nonexistent;
    expect(withoutId(response.errors, incident.id)).toEqual(
      withoutId(nonexistent.response.errors, nonexistent.id),
    );
  },
};

describe('the authorization matrix: role × TLP × operation', () => {
  it('covers 6 roles × 5 TLP levels × 7 operations', () => {
    expect(CASES).toHaveLength(6 * 5 * 7);
    expect(new Set(CASES.map((c) => c.title)).size).toBe(CASES.length);
  });

  // `%s` with a string prints it whole; `$title` would quote and truncate it.
  it.each(CASES.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    CHECKS[c.operation](c, observed[c.role], incidents[c.tlp]);
  });
});

describe('nothing leaks around the matrix', () => {
  it.each(ROLES.filter((role) => role.token !== null).map((role) => [role.label, role] as const))(
    '%s gets NOT_FOUND for an incident id that exists nowhere',
    (_label, role) => {
      expect(codesOf(observed[role.key].nonexistent.response)).toEqual(['NOT_FOUND']);
    },
  );

  it.each(
    ROLES.filter((role) => !EXPECTED_READ[role.key].includes('RED')).map(
      (role) => [role.label, role] as const,
    ),
  )('no response to any operation of the %s mentions an incident it may not read', (_label, role) => {
    const seen = observed[role.key];
    const bodies = [
      ...TLPS.flatMap((tlp) => [
        seen.read[tlp],
        seen.statsOf[tlp],
        seen.search[tlp],
        seen.entities[tlp],
        seen.mutate[tlp].response,
      ]),
      seen.list,
      seen.stats,
      seen.nonexistent.response,
      seen.subscriber.events,
      seen.subscriber.errors,
    ].map((body) => JSON.stringify(body));
    const hidden = TLPS.filter((tlp) => !EXPECTED_READ[role.key].includes(tlp));
    expect(hidden).toContain('RED');
    for (const tlp of hidden) {
      const { title, indicator } = incidents[tlp];
      for (const body of bodies) {
        expect(body).not.toContain(title);
        expect(body).not.toContain(indicator);
      }
    }
  });
});
