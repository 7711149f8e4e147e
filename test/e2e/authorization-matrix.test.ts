/**
 * The authorization matrix: for every role × TLP level × operation, exactly who sees, changes or
 * shares what, through the running gateway (HTTP and graphql-ws) and, for `_entities`, the
 * incidents subgraph reached directly; then, for every role, which changes across the four
 * subgraphs it may make. The expected outcomes are written out by hand below, from TLP 2.0 as
 * docs/architecture.md §3 reads it and from the role table (platform/src/roles.ts), never computed by the
 * code under test.
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

type RoleKey =
  'anonymous' | 'outsider' | 'reporter' | 'outsiderAdmin' | 'recipient' | 'secretariat' | 'roleless';

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
  {
    key: 'roleless',
    label: 'token of the reporting organization with no known role',
    token: { org: REPORTING_ORG, roles: [] },
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
  // No role, no membership: what an anonymous caller reads, even of its own organization's records.
  roleless: ['CLEAR'],
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
  roleless:      { CLEAR: F,  GREEN: F,  AMBER: F,  AMBER_STRICT: F,  RED: F },
};

/**
 * What `shareIncident` answers, TLP 2.0 exactly: AMBER, AMBER_STRICT and RED circles are widened
 * only by the originator; GREEN and CLEAR by anyone acting for an organization that may read them.
 * The SECRETARIAT acts for no organization, so it shares nothing; neither does a token without a
 * known role. Both are refused before the incident is read.
 */
// prettier-ignore
const EXPECTED_SHARE: Readonly<Record<RoleKey, Readonly<Record<Tlp, MutateOutcome>>>> = {
  anonymous:     { CLEAR: U,  GREEN: U,  AMBER: U,  AMBER_STRICT: U,  RED: U },
  outsider:      { CLEAR: OK, GREEN: OK, AMBER: N,  AMBER_STRICT: N,  RED: N },
  reporter:      { CLEAR: OK, GREEN: OK, AMBER: OK, AMBER_STRICT: OK, RED: OK },
  outsiderAdmin: { CLEAR: OK, GREEN: OK, AMBER: N,  AMBER_STRICT: N,  RED: N },
  recipient:     { CLEAR: OK, GREEN: OK, AMBER: F,  AMBER_STRICT: F,  RED: F },
  secretariat:   { CLEAR: F,  GREEN: F,  AMBER: F,  AMBER_STRICT: F,  RED: F },
  roleless:      { CLEAR: F,  GREEN: F,  AMBER: F,  AMBER_STRICT: F,  RED: F },
};

/**
 * The organization each role tries to share with: one per role, none of them a role's own or the
 * recipient, so every attempt is judged on its own and no share changes what a role may read.
 */
const SHARE_TARGET: Readonly<Record<RoleKey, string>> = {
  anonymous: 'vn-vncert',
  outsider: 'id-bssn',
  reporter: 'bn-brucert',
  outsiderAdmin: 'kh-camcert',
  recipient: 'la-laocert',
  secretariat: 'mm-mmcert',
  roleless: 'tl-tic',
};

/** What the same callers get for an incident id that exists nowhere. */
const EXPECTED_NONEXISTENT: Readonly<Record<Exclude<RoleKey, 'anonymous'>, MutateOutcome>> = {
  outsider: N,
  reporter: N,
  outsiderAdmin: N,
  recipient: N,
  secretariat: N,
  roleless: F,
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
const SHARE = /* GraphQL */ `
  mutation Share($id: ID!, $organizationIds: [ID!]!) {
    shareIncident(id: $id, organizationIds: $organizationIds) {
      id
      sharedWith {
        id
      }
    }
  }
`;
const SHARED_WITH = /* GraphQL */ `
  query SharedWith($id: ID!) {
    incident(id: $id) {
      sharedWith {
        id
      }
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

type ShareData = { shareIncident: { id: string; sharedWith: { id: string }[] } };

interface ShareAttempt {
  response: Response<ShareData>;
  /** The incident's recipients as the reporter reads them after the attempt. */
  after: string[];
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
  share: Record<Tlp, ShareAttempt>;
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

async function observeReads(
  role: RoleKey,
): Promise<Omit<Observed, 'mutate' | 'share' | 'nonexistent' | 'subscriber'>> {
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

/** One attempt to add the role's own target organization to an incident's recipients. */
async function attemptShare(role: RoleKey, tlp: Tlp): Promise<ShareAttempt> {
  const { id } = incidents[tlp];
  const response = await graph.query<ShareData>(
    SHARE,
    { id, organizationIds: [SHARE_TARGET[role]] },
    tokenOf(role),
  );
  const read = await graph.query<{ incident: { sharedWith: { id: string }[] } }>(
    SHARED_WITH,
    { id },
    tokenOf('reporter'),
  );
  expect(read.errors, JSON.stringify(read.errors)).toBeUndefined();
  return { response, after: read.data!.incident.sharedWith.map((organization) => organization.id) };
}

beforeAll(async () => {
  graph = await startGraph();
  for (const role of ROLES)
    tokens.set(role.key, role.token ? await graph.token(role.token.org, role.token.roles) : undefined);

  const roleSubscribers = new Map<RoleKey, Subscriber>();
  for (const role of ROLES) {
    const token = tokenOf(role.key);
    // Each subscriber resumes from its own cursor, read with its own token.
    const cursor = (await graph.query<{ incidentEventCursor: string }>(`{ incidentEventCursor }`, {}, token))
      .data!.incidentEventCursor;
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
  const share = {} as Record<RoleKey, Record<Tlp, ShareAttempt>>;
  const nonexistent = {} as Record<RoleKey, Observed['nonexistent']>;
  for (const role of ROLES) {
    mutate[role.key] = {} as Record<Tlp, MutateAttempt>;
    for (const tlp of TLPS) mutate[role.key][tlp] = await attemptChange(role.key, tlp);
    share[role.key] = {} as Record<Tlp, ShareAttempt>;
    for (const tlp of TLPS) share[role.key][tlp] = await attemptShare(role.key, tlp);
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
      share: share[key],
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

type Operation = 'read' | 'list' | 'stats' | 'search' | 'subscribe' | 'entities' | 'mutate' | 'share';

interface Case {
  title: string;
  role: RoleKey;
  tlp: Tlp;
  operation: Operation;
  canRead: boolean;
  mutate: MutateOutcome;
  share: MutateOutcome;
}

const PHRASES: Record<Exclude<Operation, 'mutate' | 'share'>, (tlp: Tlp) => string> = {
  read: (tlp) => `read one TLP:${tlp} incident`,
  list: (tlp) => `find a TLP:${tlp} incident in the incident list`,
  stats: (tlp) => `count a TLP:${tlp} incident in the statistics`,
  search: (tlp) => `find a TLP:${tlp} incident by its indicator`,
  subscribe: (tlp) => `receive a TLP:${tlp} incident's events over the subscription`,
  entities: (tlp) => `resolve a TLP:${tlp} incident through _entities on the incidents subgraph`,
};

function titleOf(
  role: RoleSpec,
  tlp: Tlp,
  operation: Operation,
  canRead: boolean,
  mutate: MutateOutcome,
  share: MutateOutcome,
) {
  if (operation === 'mutate')
    return mutate === 'ALLOWED'
      ? `${role.label} can change a TLP:${tlp} incident`
      : `${role.label} cannot change a TLP:${tlp} incident (${mutate})`;
  if (operation === 'share')
    return share === 'ALLOWED'
      ? `${role.label} can share a TLP:${tlp} incident with another organization`
      : `${role.label} cannot share a TLP:${tlp} incident with another organization (${share})`;
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
  'share',
];
const CASES: Case[] = ROLES.flatMap((role) =>
  TLPS.flatMap((tlp) =>
    OPERATIONS.map((operation): Case => {
      const canRead = EXPECTED_READ[role.key].includes(tlp);
      const mutate = EXPECTED_MUTATE[role.key][tlp];
      const share = EXPECTED_SHARE[role.key][tlp];
      return {
        title: titleOf(role, tlp, operation, canRead, mutate, share),
        role: role.key,
        tlp,
        operation,
        canRead,
        mutate,
        share,
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
  share({ role, share, tlp }, seen, incident) {
    const { response, after } = seen.share[tlp];
    const target = SHARE_TARGET[role];
    if (share === 'ALLOWED') {
      expect(response.errors).toBeUndefined();
      expect(response.data!.shareIncident.id).toBe(incident.id);
      expect(response.data!.shareIncident.sharedWith.map((organization) => organization.id)).toContain(
        target,
      );
      expect(after).toContain(target);
      return;
    }
    expect(codesOf(response)).toEqual([share]);
    expect(response.data ?? null).toBeNull();
    expect(after).not.toContain(target);
  },
};

describe('the authorization matrix: role × TLP × operation', () => {
  it('covers 7 roles × 5 TLP levels × 8 operations', () => {
    expect(CASES).toHaveLength(7 * 5 * 8);
    expect(new Set(CASES.map((c) => c.title)).size).toBe(CASES.length);
  });

  // `%s` with a string prints it whole; `$title` would quote and truncate it.
  it.each(CASES.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    CHECKS[c.operation](c, observed[c.role], incidents[c.tlp]);
  });
});

describe('nothing leaks around the matrix', () => {
  it.each(
    ROLES.flatMap((role) =>
      role.key === 'anonymous' ? [] : [[role.label, EXPECTED_NONEXISTENT[role.key], role] as const],
    ),
  )('%s gets %s for an incident id that exists nowhere', (_label, code, role) => {
    expect(codesOf(observed[role.key].nonexistent.response)).toEqual([code]);
  });

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
        seen.share[tlp].response,
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

/**
 * The role table, change by change: what MEMBER, ORG_ADMIN and SECRETARIAT (and a token naming an
 * organization but no known role) may change in each subgraph. Every attempt is made on records
 * of its own, so each outcome is judged alone.
 */
describe('the role table: which changes each role may make', () => {
  const ACTING_ORG = 'th-ncsa'; // also Thailand's AI-policy delegate in the seed

  type ChangeRole = 'anonymous' | 'member' | 'orgAdmin' | 'otherAdmin' | 'secretariat' | 'roleless';
  const CHANGE_ROLES: readonly { key: ChangeRole; label: string; token: RoleSpec['token'] }[] = [
    { key: 'anonymous', label: 'an anonymous caller', token: null },
    { key: 'member', label: `a MEMBER of ${ACTING_ORG}`, token: { org: ACTING_ORG, roles: [Role.Member] } },
    {
      key: 'orgAdmin',
      label: `an ORG_ADMIN of ${ACTING_ORG}`,
      token: { org: ACTING_ORG, roles: [Role.OrgAdmin] },
    },
    {
      key: 'otherAdmin',
      label: 'an ORG_ADMIN of another organization',
      token: { org: 'ph-certph', roles: [Role.OrgAdmin] },
    },
    {
      key: 'secretariat',
      label: 'the SECRETARIAT',
      token: { org: 'asean-secretariat', roles: [Role.Secretariat] },
    },
    {
      key: 'roleless',
      label: `a token of ${ACTING_ORG} with no known role`,
      token: { org: ACTING_ORG, roles: [] },
    },
  ];

  type ChangeName =
    | 'reportIncident'
    | 'publishAdvisory'
    | 'reportPhishing'
    | 'postIncidentUpdate'
    | 'changeIncidentStatus'
    | 'requestAssistance'
    | 'respondToAssistanceRequest'
    | 'updateOrganization'
    | 'addContact'
    | 'scheduleActivity'
    | 'proposeDataFlowPilot'
    | 'advanceDataFlowPilot'
    | 'recordPolicyPosition'
    | 'createOrganization'
    | 'addPrincipleMapping'
    | 'auditLog';

  /** Outcomes written out by hand from the role table in README / platform/src/roles.ts. */
  // prettier-ignore
  const EXPECTED: Readonly<Record<ChangeName, Readonly<Record<ChangeRole, MutateOutcome>>>> = {
    reportIncident:             { anonymous: U, member: OK, orgAdmin: OK, otherAdmin: OK, secretariat: F,  roleless: F },
    publishAdvisory:            { anonymous: U, member: OK, orgAdmin: OK, otherAdmin: OK, secretariat: F,  roleless: F },
    reportPhishing:             { anonymous: U, member: OK, orgAdmin: OK, otherAdmin: OK, secretariat: F,  roleless: F },
    postIncidentUpdate:         { anonymous: U, member: OK, orgAdmin: OK, otherAdmin: OK, secretariat: OK, roleless: F },
    changeIncidentStatus:       { anonymous: U, member: OK, orgAdmin: OK, otherAdmin: F,  secretariat: OK, roleless: F },
    requestAssistance:          { anonymous: U, member: OK, orgAdmin: OK, otherAdmin: F,  secretariat: OK, roleless: F },
    respondToAssistanceRequest: { anonymous: U, member: OK, orgAdmin: OK, otherAdmin: N,  secretariat: F,  roleless: F },
    updateOrganization:         { anonymous: U, member: F,  orgAdmin: OK, otherAdmin: F,  secretariat: OK, roleless: F },
    addContact:                 { anonymous: U, member: F,  orgAdmin: OK, otherAdmin: F,  secretariat: OK, roleless: F },
    scheduleActivity:           { anonymous: U, member: F,  orgAdmin: OK, otherAdmin: F,  secretariat: OK, roleless: F },
    proposeDataFlowPilot:       { anonymous: U, member: F,  orgAdmin: OK, otherAdmin: F,  secretariat: OK, roleless: F },
    advanceDataFlowPilot:       { anonymous: U, member: F,  orgAdmin: F,  otherAdmin: F,  secretariat: OK, roleless: F },
    recordPolicyPosition:       { anonymous: U, member: F,  orgAdmin: OK, otherAdmin: F,  secretariat: OK, roleless: F },
    createOrganization:         { anonymous: U, member: F,  orgAdmin: F,  otherAdmin: F,  secretariat: OK, roleless: F },
    addPrincipleMapping:        { anonymous: U, member: F,  orgAdmin: F,  otherAdmin: F,  secretariat: OK, roleless: F },
    auditLog:                   { anonymous: U, member: F,  orgAdmin: F,  otherAdmin: F,  secretariat: OK, roleless: F },
  };

  /** Whether contacts' e-mail addresses (personal details, for members of the mechanism) are shown. */
  const SEES_PERSONAL_DETAILS: Readonly<Record<ChangeRole, boolean>> = {
    anonymous: false,
    member: true,
    orgAdmin: true,
    otherAdmin: true,
    secretariat: true,
    roleless: false,
  };

  const PHRASES: Readonly<Record<ChangeName, string>> = {
    reportIncident: 'report an incident for its organization',
    publishAdvisory: 'publish an advisory for its organization',
    reportPhishing: 'report a phishing verdict for its organization',
    postIncidentUpdate: 'post a timeline entry on another organization’s TLP:GREEN incident',
    changeIncidentStatus: `move an incident reported by ${ACTING_ORG} along its lifecycle`,
    requestAssistance: `ask for assistance with an incident reported by ${ACTING_ORG}`,
    respondToAssistanceRequest: `answer an assistance request made of ${ACTING_ORG}`,
    updateOrganization: `change the ${ACTING_ORG} organization profile`,
    addContact: `add a point of contact to ${ACTING_ORG}`,
    scheduleActivity: `schedule an activity hosted by ${ACTING_ORG}`,
    proposeDataFlowPilot: `propose a data-flow pilot ${ACTING_ORG} takes part in`,
    advanceDataFlowPilot: `approve a data-flow pilot ${ACTING_ORG} takes part in`,
    recordPolicyPosition: 'record Thailand’s AI-policy position',
    createOrganization: 'register a new organization',
    addPrincipleMapping: 'add a principle mapping to the AI crosswalk',
    auditLog: 'read the audit log',
  };

  /** Records each role's attempts work on, so no attempt depends on another's outcome. */
  interface RoleFixtures {
    ownIncident: string;
    askedRequest: string;
    pilot: string;
  }

  const changeTokens = new Map<ChangeRole, string | undefined>();
  const fixtures = {} as Record<ChangeRole, RoleFixtures>;
  let foreignIncident: string;
  const outcomes = {} as Record<ChangeName, Record<ChangeRole, Response<Record<string, unknown>>>>;
  const emails = {} as Record<
    ChangeRole,
    Response<{ organization: { contacts: { email: string | null }[] } }>
  >;

  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  async function must<T>(query: string, variables: Record<string, unknown>, token: string | undefined) {
    const response = await graph.query<T>(query, variables, token);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!;
  }

  const reportGreen = async (title: string, token: string | undefined) =>
    (
      await must<{ reportIncident: { id: string } }>(
        REPORT,
        {
          input: {
            title,
            summary: 'Exercise scenario for the role table (test data).',
            category: 'MALWARE',
            severity: 'LOW',
            tlp: 'GREEN',
            affectedCountryCodes: ['TH'],
          },
        },
        token,
      )
    ).reportIncident.id;

  type Attempt = (role: ChangeRole, token: string | undefined) => Promise<Response<Record<string, unknown>>>;
  const run =
    (query: string, variables: (role: ChangeRole) => Record<string, unknown>): Attempt =>
    (role, token) =>
      graph.query(query, variables(role), token);

  const ATTEMPTS: Readonly<Record<ChangeName, Attempt>> = {
    reportIncident: (role, token) =>
      graph.query(
        REPORT,
        {
          input: {
            title: `Role table: incident reported by ${role}`,
            summary: 'Exercise scenario for the role table (test data).',
            category: 'OTHER',
            severity: 'LOW',
            tlp: 'GREEN',
            affectedCountryCodes: ['TH'],
          },
        },
        token,
      ),
    publishAdvisory: run(
      `mutation ($i: PublishAdvisoryInput!) { publishAdvisory(input: $i) { id } }`,
      (role) => ({
        i: {
          title: `Role table: advisory by ${role}`,
          body: 'Test advisory.',
          severity: 'LOW',
          tlp: 'GREEN',
        },
      }),
    ),
    reportPhishing: run(
      `mutation ($i: ReportPhishingInput!) { reportPhishing(input: $i) { id } }`,
      (role) => ({
        i: {
          url: `https://role-table-${role.toLowerCase()}.example/login`,
          observedAt: new Date(Date.now() - 60_000).toISOString(),
          targetedCountries: ['TH'],
          verdict: { detector: 'role-table', score: 0.2, label: 'suspicious' },
        },
      }),
    ),
    postIncidentUpdate: run(
      `mutation ($i: PostIncidentUpdateInput!) { postIncidentUpdate(input: $i) { id } }`,
      (role) => ({ i: { incidentId: foreignIncident, body: `Seen here too (${role}).` } }),
    ),
    changeIncidentStatus: run(
      `mutation ($i: ChangeIncidentStatusInput!) { changeIncidentStatus(input: $i) { id status } }`,
      (role) => ({ i: { id: fixtures[role].ownIncident, expectedVersion: 1, status: 'TRIAGED' } }),
    ),
    requestAssistance: run(
      `mutation ($i: RequestAssistanceInput!) { requestAssistance(input: $i) { id } }`,
      (role) => ({
        i: {
          incidentId: fixtures[role].ownIncident,
          organizationId: 'vn-vncert',
          kinds: ['ANALYSIS'],
          description: 'Please analyse the sample.',
        },
      }),
    ),
    respondToAssistanceRequest: run(
      `mutation ($i: RespondToAssistanceRequestInput!) { respondToAssistanceRequest(input: $i) { status } }`,
      (role) => ({ i: { requestId: fixtures[role].askedRequest, status: 'ACCEPTED', note: 'On it.' } }),
    ),
    updateOrganization: run(
      `mutation ($i: UpdateOrganizationInput!) { updateOrganization(input: $i) { id } }`,
      (role) => ({ i: { id: ACTING_ORG, constituency: `Role table test (${role})` } }),
    ),
    addContact: run(`mutation ($i: AddContactInput!) { addContact(input: $i) { id } }`, (role) => ({
      i: {
        organizationId: ACTING_ORG,
        name: `Role table desk (${role})`,
        email: `role-table-${role.toLowerCase()}@ncsa.example`,
        roles: ['INCIDENT_RESPONSE'],
        available24x7: false,
        timezone: 'Asia/Bangkok',
      },
    })),
    scheduleActivity: run(
      `mutation ($i: ScheduleActivityInput!) { scheduleActivity(input: $i) { id } }`,
      (role) => ({
        i: {
          kind: 'SEMINAR',
          title: `Role table seminar (${role})`,
          startsOn: '2027-03-01',
          hostOrganizationId: ACTING_ORG,
        },
      }),
    ),
    proposeDataFlowPilot: run(
      `mutation ($i: ProposeDataFlowPilotInput!) { proposeDataFlowPilot(input: $i) { id } }`,
      (role) => ({
        i: {
          name: `Role table pilot proposed by ${role}`,
          description: 'E2E test record.',
          countryCodes: ['TH', 'CN'],
          organizationIds: [ACTING_ORG, 'cn-cac'],
          mechanisms: ['CN_STANDARD_CONTRACT'],
        },
      }),
    ),
    advanceDataFlowPilot: run(
      `mutation ($i: AdvanceDataFlowPilotInput!) { advanceDataFlowPilot(input: $i) { status } }`,
      (role) => ({ i: { id: fixtures[role].pilot, to: 'APPROVED' } }),
    ),
    recordPolicyPosition: run(
      `mutation ($i: RecordPolicyPositionInput!) { recordPolicyPosition(input: $i) { id } }`,
      (role) => ({
        i: {
          countryCode: 'TH',
          topic: 'capacity-building',
          stance: 'SUPPORTS',
          summary: `End-to-end test statement (fictional), recorded by ${role}.`,
          statedOn: yesterday,
          sourceTitle: 'Test source',
          sourceUrl: 'https://example.org/e2e',
        },
      }),
    ),
    createOrganization: run(
      `mutation ($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }`,
      (role) => ({ i: { countryCode: 'TH', name: `Role table organization (${role})`, kind: 'CERT' } }),
    ),
    addPrincipleMapping: run(
      `mutation ($i: AddPrincipleMappingInput!) { addPrincipleMapping(input: $i) { id } }`,
      () => ({
        i: { fromPrincipleId: 'asean-guide-2', toPrincipleId: 'gaigi-1', relation: 'RELATED', note: 'Test.' },
      }),
    ),
    auditLog: run(`{ auditLog(first: 1) { totalCount } }`, () => ({})),
  };

  beforeAll(async () => {
    for (const role of CHANGE_ROLES)
      changeTokens.set(
        role.key,
        role.token ? await graph.token(role.token.org, role.token.roles) : undefined,
      );
    const acting = changeTokens.get('member');
    const reporter = tokenOf('reporter');
    const secretariat = changeTokens.get('secretariat');

    foreignIncident = await reportGreen('Role table: another organization’s incident', reporter);
    const askingAbout = await reportGreen('Role table: incident that needs help', reporter);
    for (const { key } of CHANGE_ROLES) {
      const ownIncident = await reportGreen(`Role table: ${ACTING_ORG} incident for ${key}`, acting);
      const asked = await must<{ requestAssistance: { id: string } }>(
        `mutation ($i: RequestAssistanceInput!) { requestAssistance(input: $i) { id } }`,
        {
          i: {
            incidentId: askingAbout,
            organizationId: ACTING_ORG,
            kinds: ['ANALYSIS'],
            description: `Help wanted (${key}).`,
          },
        },
        reporter,
      );
      const pilot = await must<{ proposeDataFlowPilot: { id: string } }>(
        `mutation ($i: ProposeDataFlowPilotInput!) { proposeDataFlowPilot(input: $i) { id } }`,
        {
          i: {
            name: `Role table pilot to approve (${key})`,
            description: 'E2E test record.',
            countryCodes: ['TH', 'CN'],
            organizationIds: [ACTING_ORG, 'cn-cac'],
            mechanisms: ['CN_STANDARD_CONTRACT'],
          },
        },
        secretariat,
      );
      fixtures[key] = {
        ownIncident,
        askedRequest: asked.requestAssistance.id,
        pilot: pilot.proposeDataFlowPilot.id,
      };
    }

    for (const name of Object.keys(ATTEMPTS) as ChangeName[]) {
      outcomes[name] = {} as Record<ChangeRole, Response<Record<string, unknown>>>;
      for (const { key } of CHANGE_ROLES)
        outcomes[name][key] = await ATTEMPTS[name](key, changeTokens.get(key));
    }
    for (const { key } of CHANGE_ROLES)
      emails[key] = await graph.query(
        `{ organization(id: "bn-brucert") { contacts { email } } }`,
        {},
        changeTokens.get(key),
      );
  });

  const CHANGE_CASES = (Object.keys(EXPECTED) as ChangeName[]).flatMap((name) =>
    CHANGE_ROLES.map((role) => {
      const outcome = EXPECTED[name][role.key];
      const title =
        outcome === OK
          ? `${role.label} may ${PHRASES[name]}`
          : `${role.label} may not ${PHRASES[name]} (${outcome})`;
      return [title, name, role.key, outcome] as const;
    }),
  );

  it('covers 6 callers × 16 changes', () => {
    expect(CHANGE_CASES).toHaveLength(6 * 16);
  });

  it.each(CHANGE_CASES)('%s', (_title, name, role, outcome) => {
    const response = outcomes[name][role];
    if (outcome === OK) {
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      expect(response.data?.[name]).toBeTruthy();
      return;
    }
    expect(codesOf(response)).toEqual([outcome]);
    expect(response.data ?? null).toBeNull();
  });

  it.each(CHANGE_ROLES.map((role) => [role.label, role.key] as const))(
    'shows %s contacts’ personal details only if it is a member of the mechanism',
    (_label, role) => {
      const response = emails[role];
      expect(response.errors).toBeUndefined();
      const addresses = response.data!.organization.contacts.map((contact) => contact.email);
      expect(addresses.length).toBeGreaterThan(0);
      if (SEES_PERSONAL_DETAILS[role]) for (const address of addresses) expect(address).toMatch(/@/);
      else expect(addresses.every((address) => address === null)).toBe(true);
    },
  );
});
