/**
 * What the authorization-matrix test files share: the roles and their tokens, the TLP levels, the
 * outcome names, the GraphQL documents, and small helpers to report incidents and judge refusals.
 * Reusable by any matrix over the incidents subgraph (e.g. sharing groups): import from here rather
 * than copying a role or a document.
 */
import { expect } from 'vitest';
import type { GraphQLFormattedError } from 'graphql';
import { Role } from '@cadg/platform';
import { codesOf, type Graph, type GraphQLResponse } from './harness.ts';
import type { Subscriber } from './subscriber.ts';

export const REPORTING_ORG = 'my-mycert';
export const RECIPIENT_ORG = 'sg-csa';

export const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'] as const;
export type Tlp = (typeof TLPS)[number];

export type RoleKey =
  'anonymous' | 'outsider' | 'reporter' | 'outsiderAdmin' | 'recipient' | 'secretariat' | 'roleless';

export interface RoleSpec {
  key: RoleKey;
  /** How test titles name the role. */
  label: string;
  /** null for the anonymous caller, who sends no token at all. */
  token: { org: string; roles: Role[] } | null;
}

/** A caller with a token of `org` holding `roles`, as the role tables list it. */
export const caller = <K extends string>(key: K, label: string, org: string, roles: Role[]) => ({
  key,
  label,
  token: { org, roles },
});

export const ROLES: readonly RoleSpec[] = [
  { key: 'anonymous', label: 'anonymous caller', token: null },
  caller('outsider', 'member of an uninvolved organization', 'th-thaicert', [Role.Member]),
  caller('reporter', 'member of the reporting organization', REPORTING_ORG, [Role.Member]),
  caller('outsiderAdmin', 'ORG_ADMIN of an uninvolved organization', 'ph-certph', [Role.OrgAdmin]),
  caller('recipient', 'member of a named recipient organization', RECIPIENT_ORG, [Role.Member]),
  caller('secretariat', 'SECRETARIAT (not a recipient)', 'asean-secretariat', [Role.Secretariat]),
  caller('roleless', 'token of the reporting organization with no known role', REPORTING_ORG, []),
];

export type MutateOutcome = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

// Short names keep the table below readable as a table.
export const U = 'UNAUTHENTICATED';
export const F = 'FORBIDDEN';
export const N = 'NOT_FOUND';
export const OK = 'ALLOWED';

export const READ_ONE = /* GraphQL */ `
  query ReadOne($id: ID!) {
    incident(id: $id) {
      id
      title
      tlp
    }
  }
`;
export const LIST = /* GraphQL */ `
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
export const STATS = /* GraphQL */ `
  query Stats($filter: IncidentFilter) {
    incidentStats(groupBy: SEVERITY, filter: $filter) {
      key
      count
    }
  }
`;
export const SEARCH = /* GraphQL */ `
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
export const ENTITIES = /* GraphQL */ `
  query ($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Incident {
        id
        title
      }
    }
  }
`;
export const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateIncidentInput!) {
    updateIncident(input: $input) {
      id
      version
      summary
    }
  }
`;
export const VERSION = /* GraphQL */ `
  query Version($id: ID!) {
    incident(id: $id) {
      version
      summary
    }
  }
`;
export const SHARE = /* GraphQL */ `
  mutation Share($id: ID!, $organizationIds: [ID!]!) {
    shareIncident(id: $id, organizationIds: $organizationIds) {
      id
      sharedWith {
        id
      }
    }
  }
`;
export const SHARED_WITH = /* GraphQL */ `
  query SharedWith($id: ID!) {
    incident(id: $id) {
      sharedWith {
        id
      }
    }
  }
`;
export const REPORT = /* GraphQL */ `
  mutation Report($input: ReportIncidentInput!) {
    reportIncident(input: $input) {
      id
    }
  }
`;

export type Response<T> = GraphQLResponse<T> & { status: number };
export type Bucket = { key: string; count: number };
export type Versioned = { version: number; summary: string };
export type ReadOneData = { incident: { id: string; title: string; tlp: string } | null };
export type ListData = {
  incidents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean };
    edges: { node: { id: string; title: string; severity: string } }[];
  };
};
export type StatsData = { incidentStats: Bucket[] };
export type SearchData = { indicators: { value: string; incident: { id: string; title: string } | null }[] };
export type EntitiesData = { _entities: ({ id: string; title: string } | null)[] };
export type UpdateData = { updateIncident: Versioned & { id: string } };
export type ShareData = { shareIncident: { id: string; sharedWith: { id: string }[] } };

/** A token for each caller (none for one whose `token` is null), minted by the graph's issuer. */
export async function tokensFor<K extends string>(
  graph: Graph,
  callers: readonly { key: K; token: RoleSpec['token'] }[],
): Promise<Map<K, string | undefined>> {
  const tokens = new Map<K, string | undefined>();
  for (const caller of callers)
    tokens.set(
      caller.key,
      caller.token ? await graph.token(caller.token.org, caller.token.roles) : undefined,
    );
  return tokens;
}

// Shared with every end-to-end test that reports incidents.
export { must, reportIncident } from './reporting.ts';

/** Waits, on promises, until the subscriber has been sent the event of this incident. */
export async function receivedUpTo(subscriber: Subscriber, incidentId: string): Promise<void> {
  while (!subscriber.events.some((event) => event.incident.id === incidentId))
    await subscriber.waitFor(subscriber.events.length + 1, 10_000);
}

/** A refusal: exactly this one error code, and no data. */
export function expectRefused(response: GraphQLResponse<unknown>, code: MutateOutcome): void {
  expect(codesOf(response)).toEqual([code]);
  expect(response.data ?? null).toBeNull();
}

/** The errors with the incident id blanked out, to compare refusals about different ids. */
export const withoutId = (errors: readonly GraphQLFormattedError[] | undefined, id: string) =>
  JSON.parse(JSON.stringify(errors ?? []).replaceAll(id, '<id>')) as unknown;
