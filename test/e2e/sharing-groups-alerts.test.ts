import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readManifest } from '@cadg/gateway';
import { Role } from '@cadg/platform';
import { PRODUCTION_ALERTS, useReceiver } from './alert-receiver.ts';
import { productionProtection, startGraph, type Graph } from './harness.ts';
import { mustDocument } from './documents.ts';

/**
 * Alerts follow sharing groups: an organization's alert rule is sent an AMBER or RED incident
 * shared with a group while the organization is a member, and nothing once it is removed. Real
 * webhooks to a local HTTP receiver, with the registered operations, in both modes.
 */

const OWNER = 'my-mycert';
const STAYS = 'vn-vncert';
const LEAVES = 'la-laocert';

interface RuleView {
  id: string;
  deliveries: { totalCount: number; edges: { node: { incident: { id: string } | null } }[] };
}

function describeAlerts(mode: string, production: boolean) {
  describe(`alerts and sharing groups (${mode})`, () => {
    let graph: Graph;
    let manifest: Record<string, string>;
    const { receiver } = useReceiver(async () => {
      manifest = await readManifest();
      return (graph = await startGraph({
        ...(production ? { protection: productionProtection(manifest) } : {}),
        alerts: { ...PRODUCTION_ALERTS, publicUrl: 'https://graph.cadg.test' },
      }));
    });

    const run = <T>(file: string, variables: Record<string, unknown>, token: string) =>
      mustDocument<T>(graph, { byId: production, manifest }, file, variables, token);

    it('sends incidents shared with a group to the rules of its current members only', async () => {
      const nonce = randomUUID();
      const reporter = await graph.token(OWNER, [Role.Member]);
      const ownerAdmin = await graph.token(OWNER, [Role.OrgAdmin]);
      const admins = {
        stays: await graph.token(STAYS, [Role.OrgAdmin]),
        leaves: await graph.token(LEAVES, [Role.OrgAdmin]),
      };
      const { createSharingGroup: group } = await run<{ createSharingGroup: { id: string } }>(
        'sharing-groups/CreateSharingGroup.graphql',
        { input: { name: `Alerted group ${nonce}`, organizationIds: [STAYS, LEAVES] } },
        ownerAdmin,
      );
      const rules = {} as Record<'stays' | 'leaves', string>;
      for (const key of ['stays', 'leaves'] as const) {
        const created = await run<{ createAlertRule: { rule: { id: string } } }>(
          'alerts/CreateAlertRule.graphql',
          // Timor-Leste: no other test of this graph reports incidents there.
          {
            input: {
              name: `SOC ${key}`,
              channel: 'WEBHOOK',
              target: receiver.url(`/${key}-${nonce}`),
              countryCodes: ['TL'],
            },
          },
          admins[key],
        );
        rules[key] = created.createAlertRule.rule.id;
      }
      const report = async (title: string) =>
        (
          await run<{ reportIncident: { id: string } }>(
            'dashboard/ReportIncident.graphql',
            {
              input: {
                title,
                summary: 'Exercise scenario for sharing-group alerts (test data).',
                category: 'INTRUSION',
                severity: 'SEVERE',
                tlp: 'RED',
                affectedCountryCodes: ['TL'],
                sharedWithSharingGroupIds: [group.id],
              },
            },
            reporter,
          )
        ).reportIncident.id;

      const first = await report(`Sharing group alert one ${nonce}`);
      const [stays] = await receiver.waitFor(`/stays-${nonce}`, 1);
      const [leaves] = await receiver.waitFor(`/leaves-${nonce}`, 1);
      expect(JSON.parse(stays!.body)).toMatchObject({
        type: 'INCIDENT_REPORTED',
        incident: { id: first, tlp: 'RED' },
      });
      expect(JSON.parse(leaves!.body)).toMatchObject({ type: 'INCIDENT_REPORTED', incident: { id: first } });

      await run(
        'sharing-groups/SetSharingGroupMembers.graphql',
        { id: group.id, organizationIds: [STAYS] },
        ownerAdmin,
      );
      const second = await report(`Sharing group alert two ${nonce}`);
      const delivered = await receiver.waitFor(`/stays-${nonce}`, 2);
      expect(JSON.parse(delivered[1]!.body)).toMatchObject({ incident: { id: second } });
      // One matching pass decides every rule for an event: once the member's alert is out, the
      // removed organization's rule has all the deliveries it will ever have for it.
      const ruleOf = async (key: 'stays' | 'leaves') =>
        (await run<{ alertRules: RuleView[] }>('alerts/AlertRules.graphql', {}, admins[key])).alertRules.find(
          (rule) => rule.id === rules[key],
        )!;
      expect(receiver.on(`/leaves-${nonce}`)).toHaveLength(1);
      // Its delivery history no longer shows the first one either: deliveries are listed only
      // while their incident is readable, and the organization no longer reads it.
      expect((await ruleOf('leaves')).deliveries).toMatchObject({ totalCount: 0, edges: [] });
      expect((await ruleOf('stays')).deliveries.totalCount).toBe(2);
    });
  });
}

describeAlerts('embedded default', false);
describeAlerts('production mode', true);
