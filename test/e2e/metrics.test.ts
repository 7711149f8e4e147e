import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { codesOf, startGraph, type Graph } from './harness.ts';
import { scrape, scrapeUntil } from './scrape.ts';
import { subscribe } from './subscriber.ts';

let graph: Graph;
let member: string;

beforeAll(async () => {
  graph = await startGraph();
  member = await graph.token('my-mycert', [Role.Member]);
});
afterAll(async () => {
  await graph?.close();
});

const AUDIT_PEEK = /* GraphQL */ `
  query AuditPeek {
    auditLog(first: 1) {
      edges {
        node {
          operation
        }
      }
    }
  }
`;

describe('metrics on the gateway', () => {
  it('exposes request counts, latency per operation and per subgraph, and errors by code', async () => {
    const before = await scrape(graph.baseUrl);
    const directory = await graph.query(`query Directory { countries { code organizations { name } } }`);
    expect(directory.errors).toBeUndefined();
    const forbidden = await graph.query(AUDIT_PEEK, {}, member);
    expect(codesOf(forbidden)).toContain('FORBIDDEN');
    const after = await scrape(graph.baseUrl);

    const directoryQuery = { operation: 'Directory', operation_type: 'query' };
    expect(after.value('graphql_operations_total', directoryQuery)).toBe(
      before.value('graphql_operations_total', directoryQuery) + 1,
    );
    expect(after.value('graphql_operation_duration_seconds_count', directoryQuery)).toBe(
      before.value('graphql_operation_duration_seconds_count', directoryQuery) + 1,
    );
    expect(after.value('graphql_operation_duration_seconds_sum', directoryQuery)).toBeGreaterThan(
      before.value('graphql_operation_duration_seconds_sum', directoryQuery),
    );
    const forbiddenPeek = { operation: 'AuditPeek', code: 'FORBIDDEN' };
    expect(after.value('graphql_errors_total', forbiddenPeek)).toBe(
      before.value('graphql_errors_total', forbiddenPeek) + 1,
    );
    const contacts = { subgraph: 'contacts' };
    expect(after.value('graphql_subgraph_requests_total', contacts)).toBeGreaterThan(
      before.value('graphql_subgraph_requests_total', contacts),
    );
    expect(after.value('graphql_subgraph_duration_seconds_count', contacts)).toBeGreaterThan(
      before.value('graphql_subgraph_duration_seconds_count', contacts),
    );
    const forbiddenAtIncidents = { subgraph: 'incidents', code: 'FORBIDDEN' };
    expect(after.value('graphql_subgraph_errors_total', forbiddenAtIncidents)).toBe(
      before.value('graphql_subgraph_errors_total', forbiddenAtIncidents) + 1,
    );
    // Process metrics come along, labelled with the service.
    expect(after.body).toMatch(/^process_cpu_seconds_total\{service="gateway"\} /m);
  });

  it('counts requests that never parse under an unknown operation type', async () => {
    const before = await scrape(graph.baseUrl);
    const broken = await graph.query(`query Broken { countries {`);
    expect(codesOf(broken)).toContain('GRAPHQL_PARSE_FAILED');
    const after = await scrape(graph.baseUrl);
    const labels = { operation: 'anonymous', operation_type: 'unknown' };
    expect(after.value('graphql_operations_total', labels)).toBe(
      before.value('graphql_operations_total', labels) + 1,
    );
  });

  it('keeps operation names that are not GraphQL names out of the labels', async () => {
    const before = await scrape(graph.baseUrl);
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ countries { code } }', operationName: 'x"} evil{' }),
    });
    await response.body?.cancel();
    const after = await scrape(graph.baseUrl);
    expect(after.body).not.toContain('evil');
    expect(after.value('graphql_operations_total', { operation: 'other' })).toBe(
      before.value('graphql_operations_total', { operation: 'other' }) + 1,
    );
  });
});

describe('metrics on a subgraph', () => {
  it('exposes the operations it served and their errors by code on its own port', async () => {
    const incidentsUrl = graph.subgraphUrls['incidents']!;
    const before = await scrape(incidentsUrl);
    await graph.query(AUDIT_PEEK, {}, member);
    const after = await scrape(incidentsUrl);

    expect(after.value('graphql_operations_total')).toBeGreaterThan(before.value('graphql_operations_total'));
    expect(after.value('graphql_operation_duration_seconds_count')).toBeGreaterThan(
      before.value('graphql_operation_duration_seconds_count'),
    );
    expect(after.value('graphql_errors_total', { code: 'FORBIDDEN' })).toBe(
      before.value('graphql_errors_total', { code: 'FORBIDDEN' }) + 1,
    );
    expect(after.body).toMatch(/^process_cpu_seconds_total\{service="incidents"\} /m);
  });

  it('shows live subscriptions rising with a subscriber and falling when it leaves, and observes event lag', async () => {
    const incidentsUrl = graph.subgraphUrls['incidents']!;
    const before = await scrape(incidentsUrl);
    const subscribers = before.value('graphql_live_subscriptions');
    const lagCount = before.value('incident_event_lag_seconds_count');
    const cursor = (await graph.query<{ incidentEventCursor: string }>(`{ incidentEventCursor }`)).data!
      .incidentEventCursor;

    const subscriber = subscribe(graph.wsUrl, { token: member, after: cursor });
    try {
      const reported = await graph.query(
        `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
        {
          i: {
            title: 'Metrics exercise',
            summary: 'Test data.',
            category: 'OTHER',
            severity: 'HIGH',
            tlp: 'GREEN',
            affectedCountryCodes: ['MY'],
          },
        },
        member,
      );
      expect(reported.errors).toBeUndefined();
      // The hub registers a subscriber before replaying to it, so it counts once an event arrived.
      await subscriber.waitFor(1);
      const during = await scrapeUntil(
        incidentsUrl,
        (s) => s.value('incident_event_lag_seconds_count') > lagCount,
      );
      expect(during.value('graphql_live_subscriptions')).toBe(subscribers + 1);
      expect(during.value('incident_event_lag_seconds_bucket', { le: '+Inf' })).toBeGreaterThan(lagCount);
    } finally {
      await subscriber.close();
    }
    const afterwards = await scrapeUntil(
      incidentsUrl,
      (s) => s.value('graphql_live_subscriptions') === subscribers,
    );
    expect(afterwards.value('graphql_live_subscriptions')).toBe(subscribers);
  });
});
