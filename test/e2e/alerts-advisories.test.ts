import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { createRule, incidentOf, type Received, report, useReceiver, verified } from './alert-receiver.ts';
import { codesOf, startGraph, type Graph } from './harness.ts';

const advisoryOf = (received: Received) =>
  (JSON.parse(received.body) as { advisory?: { id: string } }).advisory?.id;

async function publish(graph: Graph, org: string, input: Record<string, unknown>): Promise<string> {
  const published = await graph.query<{ publishAdvisory: { id: string } }>(
    `mutation ($i: PublishAdvisoryInput!) { publishAdvisory(input: $i) { id } }`,
    {
      i: {
        body: 'Alert test advisory.',
        severity: 'HIGH',
        tlp: 'GREEN',
        cveIds: ['CVE-2024-3400'],
        ...input,
      },
    },
    await graph.token(org, [Role.Member]),
  );
  expect(published.errors).toBeUndefined();
  return published.data!.publishAdvisory.id;
}

const DELIVERIES = /* GraphQL */ `
  {
    alertRules {
      id
      deliveries(first: 50) {
        totalCount
        edges {
          node {
            kind
            status
            incident {
              id
            }
            advisory {
              id
            }
          }
        }
      }
    }
  }
`;

interface DeliveryView {
  kind: string;
  status: string;
  incident: { id: string } | null;
  advisory: { id: string } | null;
}

async function deliveriesOf(graph: Graph, token: string, ruleId: string): Promise<DeliveryView[]> {
  const response = await graph.query<{
    alertRules: { id: string; deliveries: { edges: { node: DeliveryView }[] } }[];
  }>(DELIVERIES, {}, token);
  expect(response.errors).toBeUndefined();
  return response.data!.alertRules.find((r) => r.id === ruleId)!.deliveries.edges.map((e) => e.node);
}

describe('ADVISORY_PUBLISHED alerts and the audit trail of alert rules', () => {
  let graph: Graph;
  const { receiver } = useReceiver(
    async (attempts) =>
      (graph = await startGraph({ alerts: { retryBaseMs: 10, onAttempt: attempts.record } })),
  );

  it('sends a published advisory, signed, to the rules whose organization may read it, and nothing to the others', async () => {
    const sgAdmin = await graph.token('sg-csa', [Role.OrgAdmin]);
    const thAdmin = await graph.token('th-thaicert', [Role.OrgAdmin]);
    const sg = await createRule(graph, sgAdmin, {
      name: 'Advisories for SG',
      channel: 'WEBHOOK',
      target: receiver.url('/adv-sg'),
      kinds: ['ADVISORY_PUBLISHED'],
    });
    await createRule(graph, thAdmin, {
      name: 'Advisories for TH',
      channel: 'WEBHOOK',
      target: receiver.url('/adv-th'),
      kinds: ['ADVISORY_PUBLISHED'],
    });
    const byCountry = await createRule(graph, sgAdmin, {
      name: 'Singapore incidents',
      channel: 'WEBHOOK',
      target: receiver.url('/adv-country'),
      countryCodes: ['SG'],
    });

    const amber = await publish(graph, 'my-mycert', {
      title: 'Amber advisory for CSA only',
      tlp: 'AMBER',
      sharedWithOrganizationIds: ['sg-csa'],
    });
    const low = await publish(graph, 'my-mycert', { title: 'Below the threshold', severity: 'LOW' });
    // Published after the others: once it reaches a rule, the others were matched before it.
    const green = await publish(graph, 'my-mycert', { title: 'Green advisory for everyone' });

    const [th] = await receiver.waitFor('/adv-th', 1);
    expect(advisoryOf(th!)).toBe(green);
    const sgRequests = await receiver.waitFor('/adv-sg', 2);
    expect(new Set(sgRequests.map(advisoryOf))).toEqual(new Set([amber, green]));
    const amberRequest = sgRequests.find((r) => advisoryOf(r) === amber)!;
    const payload = verified(amberRequest, sg.signingSecret!);
    expect(payload).toEqual({
      type: 'ADVISORY_PUBLISHED',
      deliveryId: amberRequest.headers['webhook-id'],
      occurredAt: expect.any(String),
      advisory: {
        id: amber,
        title: 'Amber advisory for CSA only',
        severity: 'HIGH',
        tlp: 'AMBER',
        status: 'PUBLISHED',
        affectedCountryCodes: [],
        url: `http://localhost:4000/advisories/${amber}`,
      },
    });

    // A rule limited to countries is about incidents: advisories name none, so it gets only those.
    const incident = await report(graph, 'my-mycert', {
      title: 'After the advisories',
      affectedCountryCodes: ['SG'],
    });
    const [first] = await receiver.waitFor('/adv-country', 1);
    expect(incidentOf(first!)).toBe(incident);
    const countryDeliveries = await deliveriesOf(graph, sgAdmin, byCountry.rule.id);
    expect(countryDeliveries.map((d) => [d.kind, d.incident?.id])).toEqual([['INCIDENT_REPORTED', incident]]);

    const sgDeliveries = await deliveriesOf(graph, sgAdmin, sg.rule.id);
    expect(sgDeliveries.map((d) => [d.kind, d.advisory?.id]).sort()).toEqual(
      [
        ['ADVISORY_PUBLISHED', amber],
        ['ADVISORY_PUBLISHED', green],
      ].sort(),
    );
    expect(receiver.requests.some((r) => advisoryOf(r) === low)).toBe(false);
    expect(receiver.on('/adv-th').map(advisoryOf)).toEqual([green]);
  });

  it('writes an audit entry for each change to a rule, for the SECRETARIAT to read, naming no webhook target', async () => {
    const admin = await graph.token('sg-csa', [Role.OrgAdmin]);
    const secret = `token-${randomUUID()}`;
    const { rule } = await createRule(graph, admin, {
      name: 'Audited rule',
      channel: 'WEBHOOK',
      target: receiver.url(`/audited?key=${secret}`),
    });
    const change = async (query: string, token = admin) =>
      codesOf(await graph.query(query, { id: rule.id }, token));
    expect(await change(`mutation ($id: ID!) { pauseAlertRule(id: $id, paused: true) { id } }`)).toEqual([]);
    expect(await change(`mutation ($id: ID!) { pauseAlertRule(id: $id, paused: false) { id } }`)).toEqual([]);
    const other = await graph.token('my-mycert', [Role.OrgAdmin]);
    expect(await change(`mutation ($id: ID!) { deleteAlertRule(id: $id) }`, other)).toEqual(['NOT_FOUND']);
    expect(await change(`mutation ($id: ID!) { deleteAlertRule(id: $id) }`)).toEqual([]);

    const AUDIT = `query ($id: ID) { auditLog(filter: { targetId: $id }) { totalCount edges { node { operation summary actor { sub org } target { type id } } } } }`;
    const secretariat = await graph.token('asean-secretariat', [Role.Secretariat]);
    const read = await graph.query<{
      auditLog: {
        totalCount: number;
        edges: {
          node: {
            operation: string;
            summary: string;
            actor: { sub: string; org: string };
            target: { type: string; id: string };
          };
        }[];
      };
    }>(AUDIT, { id: rule.id }, secretariat);
    expect(read.errors).toBeUndefined();
    const entries = read.data!.auditLog.edges.map((e) => e.node);
    expect(entries.map((e) => [e.operation, e.actor.org, e.target.type])).toEqual([
      ['deleteAlertRule', 'sg-csa', 'AlertRule'],
      ['pauseAlertRule', 'sg-csa', 'AlertRule'],
      ['pauseAlertRule', 'sg-csa', 'AlertRule'],
      ['createAlertRule', 'sg-csa', 'AlertRule'],
    ]);
    expect(entries.map((e) => e.summary)).toEqual([
      'Deleted WEBHOOK alert rule "Audited rule" and its deliveries.',
      'Resumed alert rule "Audited rule".',
      'Paused alert rule "Audited rule".',
      'Created WEBHOOK alert rule "Audited rule" for HIGH and above.',
    ]);
    expect(JSON.stringify(entries)).not.toContain(secret);
    expect(read.data!.auditLog.totalCount).toBe(4);

    // The audit log is the SECRETARIAT's: the rule's own ORG_ADMIN does not read it.
    expect(codesOf(await graph.query(AUDIT, { id: rule.id }, admin))).toEqual(['FORBIDDEN']);
  });
});
