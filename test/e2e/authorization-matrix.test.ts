/**
 * The authorization matrix: for every role × TLP level × operation, exactly who sees, changes or
 * shares what, through the running gateway (HTTP and graphql-ws) and, for `_entities`, the
 * incidents subgraph reached directly. The expected outcomes are written out by hand below, from
 * TLP 2.0 as docs/architecture.md §3 reads it and from the role table (platform/src/roles.ts),
 * never computed by the code under test. What each role saw is gathered once by
 * authorization-matrix-observe.ts; which changes each role may make across the four subgraphs is
 * authorization-matrix-roles.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, startGraph, type Graph } from './harness.ts';
import type { Subscriber } from './subscriber.ts';
import {
  F,
  N,
  OK,
  ROLES,
  TLPS,
  U,
  expectRefused,
  withoutId,
  type Bucket,
  type MutateOutcome,
  type RoleKey,
  type RoleSpec,
  type Tlp,
} from './authorization-matrix-helpers.ts';
import {
  SHARE_TARGET,
  observeMatrix,
  type Matrix,
  type Observed,
  type Reported,
} from './authorization-matrix-observe.ts';

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

/** What the same callers get for an incident id that exists nowhere. */
const EXPECTED_NONEXISTENT: Readonly<Record<Exclude<RoleKey, 'anonymous'>, MutateOutcome>> = {
  outsider: N,
  reporter: N,
  outsiderAdmin: N,
  recipient: N,
  secretariat: N,
  roleless: F,
};

let graph: Graph;
let matrix: Matrix;
const subscribers: Subscriber[] = [];

beforeAll(async () => {
  graph = await startGraph();
  matrix = await observeMatrix(graph, subscribers);
});

afterAll(async () => {
  await Promise.all(subscribers.map((subscriber) => subscriber.close()));
  await graph?.close();
});

const highCount = (buckets: readonly Bucket[]) => buckets.find((bucket) => bucket.key === 'HIGH')?.count ?? 0;

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
    expectRefused(response, mutate);
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
    expectRefused(response, share);
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
    CHECKS[c.operation](c, matrix.observed[c.role], matrix.incidents[c.tlp]);
  });
});

describe('nothing leaks around the matrix', () => {
  it.each(
    ROLES.flatMap((role) =>
      role.key === 'anonymous' ? [] : [[role.label, EXPECTED_NONEXISTENT[role.key], role] as const],
    ),
  )('%s gets %s for an incident id that exists nowhere', (_label, code, role) => {
    expect(codesOf(matrix.observed[role.key].nonexistent.response)).toEqual([code]);
  });

  it.each(
    ROLES.filter((role) => !EXPECTED_READ[role.key].includes('RED')).map(
      (role) => [role.label, role] as const,
    ),
  )('no response to any operation of the %s mentions an incident it may not read', (_label, role) => {
    const seen = matrix.observed[role.key];
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
      const { title, indicator } = matrix.incidents[tlp];
      for (const body of bodies) {
        expect(body).not.toContain(title);
        expect(body).not.toContain(indicator);
      }
    }
  });
});
