/**
 * Every list of the graph gets forged cursors, on the gateway and on each subgraph's own port. The
 * lists are not named here: they are found by walking the schemas for fields that take `after`
 * (connections on Query and nested on types, and subscriptions), each reached through a path of
 * the schema that the seed fills with data. A list added without cursor validation fails here.
 * Real cursors, read from the lists themselves, are the templates the forgeries are cut from.
 * Trusted documents and TAXII tokens in production mode: forged-cursors-production.test.ts.
 */
import { apiSchemaFile, schemaPathOf, subgraphs } from '@cadg/gateway';
import { Role } from '@cadg/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type Graph } from './harness.ts';
import { testIncident } from './reporting.ts';
import { schemaOf, walk, type CursorsByItems } from './forged-cursors-schema.ts';
import { attack } from './forged-cursors-forge.ts';

describe('forged cursors on every list', () => {
  let graph: Graph;
  let token: string;
  // Real cursors of every list, read through the gateway: templates and foreign cursors for all ports.
  const cursors: CursorsByItems = new Map();
  let gateway: Awaited<ReturnType<typeof walk>>;

  beforeAll(async () => {
    graph = await startGraph({ protection: { rateLimit: null } });
    token = await graph.token('asean-secretariat', [Role.Secretariat]);
    // Each subgraph's audit trail gets an entry, so audit logs have real cursors to forge from.
    const reporter = await graph.token('my-mycert', [Role.Member]);
    const admin = await graph.token('my-mycert', [Role.OrgAdmin]);
    const changes: [string, Record<string, unknown>, string][] = [
      // An alert rule that the report below matches, so AlertRule.deliveries has a delivery (its
      // target refuses connections: the delivery stays pending, which is all the walk needs).
      [
        'mutation ($i: CreateAlertRuleInput!) { createAlertRule(input: $i) { rule { id } } }',
        {
          i: {
            name: 'Forged-cursor test rule',
            channel: 'WEBHOOK',
            target: 'http://127.0.0.1:9/hook',
            minSeverity: 'LOW',
          },
        },
        admin,
      ],
      [
        'mutation ($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }',
        { i: testIncident('Forged-cursor test incident') },
        reporter,
      ],
      [
        'mutation ($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
        { i: { countryCode: 'TH', name: 'Forged-cursor test organization', kind: 'CERT' } },
        token,
      ],
      [
        'mutation ($i: ProposeDataFlowPilotInput!) { proposeDataFlowPilot(input: $i) { id } }',
        {
          i: {
            name: 'Forged-cursor test pilot',
            description: 'Test data.',
            countryCodes: ['TH', 'CN'],
            organizationIds: ['th-pdpc', 'cn-cac'],
            mechanisms: ['CN_STANDARD_CONTRACT'],
          },
        },
        token,
      ],
      [
        'mutation ($i: RecordPolicyPositionInput!) { recordPolicyPosition(input: $i) { id } }',
        {
          i: {
            countryCode: 'TH',
            topic: 'capacity-building',
            stance: 'SUPPORTS',
            summary: 'Forged-cursor test statement (fictional).',
            statedOn: '2026-01-15',
            sourceTitle: 'Test source',
            sourceUrl: 'https://example.org/e2e',
          },
        },
        token,
      ],
    ];
    for (const [mutation, variables, by] of changes) {
      expect((await graph.query(mutation, variables, by)).errors, mutation).toBeUndefined();
    }
    gateway = await walk(graph, await schemaOf(apiSchemaFile), graph.gatewayUrl, token, cursors);
  }, 120_000);
  afterAll(() => graph?.close());

  it('refuses every forged, truncated, mistyped or foreign cursor on every list of the gateway with BAD_USER_INPUT', async () => {
    const { reached, unreached, own } = gateway;
    expect(unreached, 'lists no path of the schema reaches with data').toEqual([]);
    // The graph has 20 lists today: an empty or broken walk must not pass.
    expect(reached.length).toBeGreaterThanOrEqual(20);
    expect(reached.filter(({ path }) => path.length > 0).length).toBeGreaterThanOrEqual(4);
    expect(reached.filter(({ list }) => list.operation === 'subscription').length).toBeGreaterThanOrEqual(1);
    const { faults, sent } = await attack(graph, graph.gatewayUrl, token, reached, own, cursors);
    expect(faults.slice(0, 30)).toEqual([]);
    expect(sent).toBeGreaterThan(reached.length * 40);
  }, 120_000);

  it.each(subgraphs.map((subgraph) => subgraph.name))(
    'refuses every forged cursor on every list of the %s subgraph’s own port with BAD_USER_INPUT',
    async (name) => {
      const subgraph = subgraphs.find((candidate) => candidate.name === name)!;
      const url = graph.subgraphUrls[name]!;
      const schema = await schemaOf(schemaPathOf(subgraph));
      const { reached, unreached, own } = await walk(graph, schema, url, token, cursors);
      expect(unreached, 'lists no path of the schema reaches with data').toEqual([]);
      // Each subgraph has at least three lists today (its own and its audit log).
      expect(reached.length).toBeGreaterThanOrEqual(3);
      const { faults, sent } = await attack(graph, url, token, reached, own, cursors);
      expect(faults.slice(0, 30)).toEqual([]);
      expect(sent).toBeGreaterThan(reached.length * 40);
    },
    60_000,
  );
});
