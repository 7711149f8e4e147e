import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_ROLES, subgraphNames } from '@cadg/db';
import { openTestDatabase, type TestDatabase } from '@cadg/db/testing';
import { Role } from '@cadg/platform';
import { startCluster, type Cluster } from '../cluster/cluster.ts';
import { gql } from '../cluster/load.ts';
import { reportDdosExercise } from './reporting.ts';
import { subscribe } from './subscriber.ts';

/** Everything four subgraphs contribute to, so "the same data" covers the whole graph. */
const WHOLE_GRAPH = /* GraphQL */ `
  query WholeGraph($id: ID!) {
    incident(id: $id) {
      id
      title
      severity
      reportedBy {
        name
        country {
          name
        }
      }
    }
    country(code: "SG") {
      name
      aseanMember
      dataFlowPolicy {
        regulator {
          name
        }
        mechanisms {
          kind
        }
      }
    }
    organizations(filter: { countryCodes: ["MY", "SG"] }, first: 5) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
    positionAlignment(topic: "capacity-building", forum: "unga") {
      supportShare
      entries {
        stance
        country {
          code
        }
      }
    }
    incidentStats(groupBy: COUNTRY) {
      key
      count
    }
  }
`;

/** Only the dataflows subgraph answers `mechanismComparison`; contacts answers `country.name`. */
const NEEDS_DATAFLOWS = /* GraphQL */ `
  {
    country(code: "SG") {
      name
      aseanMember
      dataFlowPolicy {
        regulator {
          name
        }
      }
    }
    positionAlignment(topic: "capacity-building", forum: "unga") {
      supportShare
    }
  }
`;
const WITHOUT_DATAFLOWS = /* GraphQL */ `
  {
    country(code: "SG") {
      name
      organizations {
        id
      }
    }
    incidents(first: 3) {
      totalCount
      edges {
        node {
          id
          reportedBy {
            name
          }
        }
      }
    }
    positionAlignment(topic: "capacity-building", forum: "unga") {
      supportShare
    }
  }
`;

interface Readiness {
  status: string;
  subgraphs: { name: string; ok: boolean; error?: string }[];
}

async function readiness(baseUrl: string): Promise<{ status: number; body: Readiness }> {
  const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
  return { status: response.status, body: (await response.json()) as Readiness };
}

/** Polls `/readyz` until it answers `status`, or fails at the deadline. */
async function readinessBecomes(baseUrl: string, status: number, timeoutMs: number): Promise<Readiness> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await readiness(baseUrl);
    if (answer.status === status) return answer.body;
    if (Date.now() > deadline)
      throw new Error(`/readyz still answers ${answer.status}: ${JSON.stringify(answer.body)}`);
    await new Promise<void>((resolve) => setTimeout(resolve, 250));
  }
}

// Separate processes on one database need a PostgreSQL server; CI always sets DATABASE_URL.
describe.runIf(process.env['DATABASE_URL'])('two gateways and two replicas of every subgraph', () => {
  let testDb: TestDatabase;
  let keyDir: string;
  let cluster: Cluster;
  let member: string;
  let reporter: string;
  let gatewayA: Cluster['gateways'][number];
  let gatewayB: Cluster['gateways'][number];
  let reportedId: string;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    keyDir = await mkdtemp(join(tmpdir(), 'cadg-cluster-keys-'));
    cluster = await startCluster({ databaseUrl: testDb.url!, keyDir, env: { RATE_LIMIT: 'off' } });
    [gatewayA, gatewayB] = cluster.gateways as [typeof gatewayA, typeof gatewayB];
    member = await cluster.token('sg-csa', [Role.Member]);
    reporter = await cluster.token('my-mycert', [Role.Member]);
  }, 120_000);

  afterAll(async () => {
    await cluster?.close();
    await testDb?.dispose();
    if (keyDir) await rm(keyDir, { recursive: true, force: true });
  });

  it('delivers an incident reported through gateway A to a graphql-ws subscriber on gateway B', async () => {
    const start = await gql<{ incidentEventCursor: string }>(
      gatewayB.url,
      `{ incidentEventCursor }`,
      {},
      member,
    );
    const subscriber = subscribe(gatewayB.wsUrl, {
      token: member,
      after: start.data!.incidentEventCursor,
      fields: 'cursor type incident { id title }',
    });
    try {
      await subscriber.ready;
      reportedId = await reportDdosExercise(
        (query, variables, token) => gql(gatewayA.url, query, variables, token),
        'Exercise scenario: reported through gateway A',
        reporter,
      );
      const [event] = await subscriber.waitFor(1, 15_000);
      expect(event).toMatchObject({ type: 'REPORTED', incident: { id: reportedId } });
    } finally {
      await subscriber.close();
    }
  });

  it('answers the same query with the same data through either gateway', async () => {
    const a = await gql(gatewayA.url, WHOLE_GRAPH, { id: reportedId }, member);
    const b = await gql(gatewayB.url, WHOLE_GRAPH, { id: reportedId }, member);
    expect(a.errors).toBeUndefined();
    expect(a.data).toMatchObject({ incident: { id: reportedId }, country: { name: 'Singapore' } });
    expect(b).toEqual(a);
  });

  it('connects every subgraph replica to PostgreSQL as its own subgraph’s role', async () => {
    // Both gateways have sent a query to every subgraph, so every replica holds connections.
    await gql(gatewayA.url, WHOLE_GRAPH, { id: reportedId }, member);
    await gql(gatewayB.url, WHOLE_GRAPH, { id: reportedId }, member);
    if (testDb.database.kind !== 'postgres') throw new Error('The cluster runs on PostgreSQL only.');
    const sessions = await testDb.database.client<{ service: string; role: string }[]>`
      select distinct application_name as service, usename as role from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()`;
    expect(sessions.map((s) => `${s.service} as ${s.role}`).sort()).toEqual(
      subgraphNames.map((name) => `cadg-${name} as ${SUBGRAPH_ROLES[name]}`).sort(),
    );
  });

  it('ends a subscription with SERVICE_UNAVAILABLE when the incidents replica behind its gateway dies, and resumes by cursor without a repeat', async () => {
    const start = await gql<{ incidentEventCursor: string }>(
      gatewayA.url,
      `{ incidentEventCursor }`,
      {},
      member,
    );
    const fields = 'cursor type incident { id title }';
    const report = (title: string) =>
      reportDdosExercise(
        (query, variables, token) => gql(gatewayB.url, query, variables, token),
        title,
        reporter,
      );
    const first = subscribe(gatewayA.wsUrl, {
      token: member,
      after: start.data!.incidentEventCursor,
      fields,
    });
    let cursor: string;
    try {
      await first.ready;
      const before = await report('Exercise scenario: before the replica dies');
      const [event] = await first.waitFor(1, 15_000);
      expect(event?.incident.id).toBe(before);
      cursor = event!.cursor;
      await cluster.replicas['incidents']![0]!.kill('SIGKILL');
      await expect(first.waitFor(2, 15_000)).rejects.toThrow(/subscription failed/);
      expect(JSON.stringify(first.errors)).toMatch(/SERVICE_UNAVAILABLE/);
      expect(JSON.stringify(first.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|:\d{4,5}/);
    } finally {
      await first.close();
    }
    const after = await report('Exercise scenario: while the replica is down');
    await cluster.replicas['incidents']![0]!.start();
    await readinessBecomes(gatewayA.baseUrl, 200, 30_000);
    const resumed = subscribe(gatewayA.wsUrl, { token: member, after: cursor, fields });
    try {
      const events = await resumed.waitFor(1, 15_000);
      expect(events.map((e) => e.incident.id)).toEqual([after]);
      const last = await report('Exercise scenario: after the replica is back');
      const both = await resumed.waitFor(2, 15_000);
      expect(both.map((e) => e.incident.id)).toEqual([after, last]);
    } finally {
      await resumed.close();
    }
  });

  describe('with the dataflows replica behind gateway A killed', () => {
    beforeAll(async () => {
      await cluster.replicas['dataflows']![0]!.kill('SIGKILL');
    });

    it('reports dataflows down on gateway A’s /readyz while gateway B stays ready', async () => {
      const a = await readiness(gatewayA.baseUrl);
      expect(a.status).toBe(503);
      expect(a.body.status).toBe('unavailable');
      expect(a.body.subgraphs.filter((s) => !s.ok).map((s) => s.name)).toEqual(['dataflows']);
      expect(JSON.stringify(a.body)).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}/);
      expect((await readiness(gatewayB.baseUrl)).status).toBe(200);
    });

    it('still answers queries that do not need dataflows', async () => {
      const answer = await gql(gatewayA.url, WITHOUT_DATAFLOWS, {}, member);
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toMatchObject({ country: { name: 'Singapore' } });
    });

    it('returns the other subgraphs’ data with SERVICE_UNAVAILABLE for the part dataflows owns', async () => {
      const answer = await gql<{
        country: { name: string; dataFlowPolicy: unknown };
        positionAlignment: { supportShare: number };
      }>(gatewayA.url, NEEDS_DATAFLOWS, {}, member);
      expect(answer.status).toBe(200);
      expect(answer.data?.country.name).toBe('Singapore');
      expect(answer.data?.country.dataFlowPolicy).toBeNull();
      expect(answer.data?.positionAlignment.supportShare).toEqual(expect.any(Number));
      expect(answer.errors).toHaveLength(1);
      // The runtime reports the failed entity fetch at `country` or at `country.dataFlowPolicy`.
      expect(answer.errors![0]).toMatchObject({
        path: expect.arrayContaining(['country']),
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
      expect(JSON.stringify(answer.errors)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|:\d{4,5}/);
    });

    it('recovers on gateway A without a restart once dataflows is back on the same port', async () => {
      await cluster.replicas['dataflows']![0]!.start();
      await readinessBecomes(gatewayA.baseUrl, 200, 30_000);
      const answer = await gql(gatewayA.url, NEEDS_DATAFLOWS, {}, member);
      expect(answer.errors).toBeUndefined();
      const viaB = await gql(gatewayB.url, NEEDS_DATAFLOWS, {}, member);
      expect(answer.data).toEqual(viaB.data);
    });
  });
});
