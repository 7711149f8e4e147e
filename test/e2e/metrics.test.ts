import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { freePorts, ServiceProcess } from '../cluster/processes.ts';
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
    const cursor = (await graph.query<{ incidentEventCursor: string }>(`{ incidentEventCursor }`, {}, member))
      .data!.incidentEventCursor;

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

describe('metrics in production', () => {
  let production: Graph;
  let metricsBase: string;

  beforeAll(async () => {
    const [metricsPort] = await freePorts(1);
    metricsBase = `http://127.0.0.1:${metricsPort}/`;
    production = await startGraph({ protection: { production: true, rateLimit: null, metricsPort } });
  });
  afterAll(async () => {
    await production?.close();
  });

  it("serves the gateway's /metrics on the metrics port and not on the public port", async () => {
    const publicScrape = await fetch(new URL('/metrics', production.gatewayUrl));
    expect(publicScrape.status).toBe(404);
    expect(await publicScrape.text()).not.toContain('graphql_operations_total');

    const before = await scrape(metricsBase);
    expect((await production.query(`query Directory { countries { code } }`)).errors).toBeUndefined();
    const after = await scrape(metricsBase);
    const directory = { operation: 'Directory', operation_type: 'query', service: 'gateway' };
    expect(after.value('graphql_operations_total', directory)).toBe(
      before.value('graphql_operations_total', directory) + 1,
    );
  });

  it("serves a subgraph's /metrics on METRICS_PORT and not on the subgraph's port", async () => {
    const [port, metricsPort] = await freePorts(2);
    const dataDir = await mkdtemp(join(tmpdir(), 'cadg-metrics-contacts-'));
    const { DATABASE_URL: _shared, ...env } = process.env;
    const contacts = new ServiceProcess({
      name: 'contacts',
      entry: 'subgraphs/contacts/src/index.ts',
      port: port!,
      env: {
        ...env,
        ...(production.databaseUrl ? { DATABASE_URL: production.databaseUrl } : {}),
        GATEWAY_MODE: 'production',
        SUBGRAPH_SIGNING_SECRET: 'metrics-test-signing-secret-of-32-characters',
        HOST: '127.0.0.1',
        CONTACTS_PORT: String(port),
        METRICS_PORT: String(metricsPort),
        DATA_DIR: dataDir,
      },
    });
    try {
      await contacts.start();
      expect((await fetch(new URL('/metrics', contacts.baseUrl))).status).toBe(404);
      const scraped = await scrape(`http://127.0.0.1:${metricsPort}/`);
      expect(scraped.body).toMatch(/^process_cpu_seconds_total\{service="contacts"\} /m);
    } finally {
      await contacts.kill();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
