import { describe, expect, it } from 'vitest';
import { readManifest } from '@cadg/gateway';
import { Role } from '@cadg/platform';
import { CREATE, PRODUCTION_ALERTS, type RuleView, useReceiver, verified } from './alert-receiver.ts';
import { codesOf, productionProtection, startGraph, type Graph } from './harness.ts';
import { runDocument } from './documents.ts';

describe('alerts in production mode (trusted documents enforced, signed subgraph calls)', () => {
  let graph: Graph;
  let manifest: Record<string, string>;
  const { receiver, attempts } = useReceiver(async (attempts) => {
    manifest = await readManifest();
    return (graph = await startGraph({
      protection: productionProtection(manifest),
      alerts: {
        ...PRODUCTION_ALERTS,
        publicUrl: 'https://graph.cadg.test',
        onAttempt: attempts.record,
      },
    }));
  });

  /** Runs a registered operation by its id, as a client of the trusted-documents manifest does. */
  async function run<T>(file: string, variables: Record<string, unknown>, token: string) {
    return runDocument<T>(graph, { byId: true, manifest }, file, variables, token);
  }

  async function createRule(token: string, input: Record<string, unknown>) {
    const created = await run<{
      createAlertRule: { signingSecret: string | null; rule: { id: string; organization: { id: string } } };
    }>('alerts/CreateAlertRule.graphql', { input }, token);
    expect(created.errors).toBeUndefined();
    return created.data!.createAlertRule;
  }

  async function reportIncident(title: string, countryCode: string): Promise<string> {
    const member = await graph.token('my-mycert', [Role.Member]);
    const reported = await run<{ reportIncident: { id: string } }>(
      'dashboard/ReportIncident.graphql',
      {
        input: {
          title,
          summary: 'Alert test data.',
          category: 'DDOS',
          severity: 'SEVERE',
          tlp: 'GREEN',
          affectedCountryCodes: [countryCode],
        },
      },
      member,
    );
    expect(reported.errors).toBeUndefined();
    return reported.data!.reportIncident.id;
  }

  async function ruleById(token: string, id: string): Promise<RuleView | undefined> {
    const listed = await run<{ alertRules: RuleView[] }>('alerts/AlertRules.graphql', {}, token);
    expect(listed.errors).toBeUndefined();
    return listed.data!.alertRules.find((rule) => rule.id === id);
  }

  it('creates a WEBHOOK rule only through its registered document, refuses loopback targets not allowed by name, and delivers a signed alert', async () => {
    const admin = await graph.token('sg-csa', [Role.OrgAdmin]);
    const input = {
      name: 'SOC ticketing',
      channel: 'WEBHOOK',
      target: receiver.url('/prod'),
      countryCodes: ['VN'],
    };
    expect(codesOf(await graph.query(CREATE, { input }, admin))).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);

    for (const target of [`http://localhost:${receiver.port}/prod`, `http://[::1]:${receiver.port}/prod`]) {
      const refused = await run('alerts/CreateAlertRule.graphql', { input: { ...input, target } }, admin);
      expect(
        refused.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['field']]),
        target,
      ).toEqual([['BAD_USER_INPUT', 'input.target']]);
    }

    const { signingSecret, rule } = await createRule(admin, input);
    expect(signingSecret).toMatch(/^whsec_/);
    expect(rule.organization.id).toBe('sg-csa');
    const incidentId = await reportIncident('Production webhook alert', 'VN');

    const [received] = await receiver.waitFor('/prod', 1);
    const payload = verified(received!, signingSecret!);
    expect(payload).toMatchObject({
      type: 'INCIDENT_REPORTED',
      deliveryId: received!.headers['webhook-id'],
      incident: {
        id: incidentId,
        title: 'Production webhook alert',
        severity: 'SEVERE',
        tlp: 'GREEN',
        affectedCountryCodes: ['VN'],
        url: `https://graph.cadg.test/incidents/${incidentId}`,
      },
    });

    const deliveryId = String(received!.headers['webhook-id']);
    await attempts.waitFor((r) => r.deliveryId === deliveryId && r.status === 'DELIVERED');
    const mine = await ruleById(admin, rule.id);
    expect(mine?.deliveries.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        id: deliveryId,
        status: 'DELIVERED',
        incident: { id: incidentId, title: 'Production webhook alert' },
      }),
    ]);
  });

  it('redelivers a DEAD alert, pauses and deletes a rule through the registered documents', async () => {
    const admin = await graph.token('sg-csa', [Role.OrgAdmin]);
    receiver.scripts.set('/dead', [500]);
    const { rule } = await createRule(admin, {
      name: 'Failing receiver',
      channel: 'WEBHOOK',
      target: receiver.url('/dead'),
      countryCodes: ['KH'],
    });
    const incidentId = await reportIncident('Alert that dies once', 'KH');
    const [first] = await receiver.waitFor('/dead', 1);
    const deliveryId = String(first!.headers['webhook-id']);
    await attempts.waitFor((r) => r.deliveryId === deliveryId && r.status === 'DEAD');

    const raw = await graph.query(
      `mutation ($id: ID!) { redeliverAlert(deliveryId: $id) { id } }`,
      { id: deliveryId },
      admin,
    );
    expect(codesOf(raw)).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
    const revived = await run<{ redeliverAlert: { id: string; status: string } }>(
      'alerts/RedeliverAlert.graphql',
      { deliveryId },
      admin,
    );
    expect(revived.errors).toBeUndefined();
    expect(revived.data!.redeliverAlert).toMatchObject({ id: deliveryId, status: 'PENDING' });
    const requests = await receiver.waitFor('/dead', 2);
    expect(requests[1]!.headers['webhook-id']).toBe(deliveryId);
    await attempts.waitFor((r) => r.deliveryId === deliveryId && r.status === 'DELIVERED');
    expect((await ruleById(admin, rule.id))?.deliveries.edges[0]?.node).toMatchObject({
      id: deliveryId,
      status: 'DELIVERED',
      incident: { id: incidentId },
    });

    const paused = await run<{ pauseAlertRule: { id: string; paused: boolean } }>(
      'alerts/PauseAlertRule.graphql',
      { id: rule.id, paused: true },
      admin,
    );
    expect(paused.errors).toBeUndefined();
    expect(paused.data!.pauseAlertRule).toMatchObject({ id: rule.id, paused: true });
    expect((await ruleById(admin, rule.id))?.paused).toBe(true);

    const other = await graph.token('th-thaicert', [Role.OrgAdmin]);
    const foreign = await run('alerts/DeleteAlertRule.graphql', { id: rule.id }, other);
    expect(foreign.errors).toBeDefined();
    const deleted = await run<{ deleteAlertRule: string }>(
      'alerts/DeleteAlertRule.graphql',
      { id: rule.id },
      admin,
    );
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteAlertRule).toBe(rule.id);
    expect(await ruleById(admin, rule.id)).toBeUndefined();
  });
});
