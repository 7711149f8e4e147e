import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '@cadg/gateway';
import { Role } from '@cadg/platform';
import { codesOf, productionProtection, startGraph, type Graph } from './harness.ts';
import { mustDocument, runDocument } from './documents.ts';
import { MEMBER, OTHER_MEMBER, OUTSIDER, OWNER, RECIPIENT, STIX_TLP_RED, sharingTokens } from './sharing.ts';

/**
 * Sharing groups over real HTTP through the gateway, with the registered operations of
 * gateway/trusted-documents/sharing-groups/ (sent by id, as production requires): creating and
 * changing groups, sharing incidents, advisories, STIX and MISP imports with them, what members
 * read until they are removed, who may do what, and the audit trail.
 */

interface Group {
  id: string;
  name: string;
  owner: { id: string; name?: string };
  members: { id: string; name?: string }[];
}
interface SharedRecords {
  incident: { id: string; sharedWithSharingGroups: { id: string; name: string }[] } | null;
  advisory: { id: string } | null;
  incidents: { totalCount: number };
  advisories: { totalCount: number };
}

function describeSharingGroups(
  mode: string,
  options: () => Promise<Parameters<typeof startGraph>[0]>,
  { byId }: { byId: boolean },
) {
  describe(`sharing groups over HTTP (${mode})`, () => {
    let graph: Graph;
    let manifest: Record<string, string>;
    const tokens: Record<string, string> = {};
    let group: Group;

    beforeAll(async () => {
      manifest = await readManifest();
      graph = await startGraph(await options());
      Object.assign(tokens, await sharingTokens(graph));
    });
    afterAll(() => graph?.close());

    /** Runs a registered operation: by its id where trusted documents are enforced, else as text. */
    async function run<T>(file: string, variables: Record<string, unknown>, token?: string) {
      return runDocument<T>(graph, { byId, manifest }, file, variables, token);
    }
    const must = <T>(file: string, variables: Record<string, unknown>, token: string) =>
      mustDocument<T>(graph, { byId, manifest }, file, variables, token);
    const create = (name: string, organizationIds: string[], token = tokens['ownerAdmin']) =>
      run<{ createSharingGroup: Group }>(
        'sharing-groups/CreateSharingGroup.graphql',
        { input: { name, organizationIds } },
        token,
      );
    const visibleGroups = async (token: string) =>
      (
        await must<{ sharingGroups: Group[] }>('sharing-groups/SharingGroups.graphql', {}, token)
      ).sharingGroups.map((g) => g.id);
    const records = (token: string, incidentId: string, advisoryId: string, text: string) =>
      must<SharedRecords>('sharing-groups/SharedRecords.graphql', { incidentId, advisoryId, text }, token);
    const report = async (title: string, tlp: string, groups: string[], sharedWith: string[] = []) =>
      (
        await must<{ reportIncident: { id: string } }>(
          'dashboard/ReportIncident.graphql',
          {
            input: {
              title,
              summary: 'Exercise scenario for sharing groups (test data).',
              category: 'INTRUSION',
              severity: 'HIGH',
              tlp,
              affectedCountryCodes: ['MY', 'TH'],
              sharedWithOrganizationIds: sharedWith,
              sharedWithSharingGroupIds: groups,
            },
          },
          tokens['owner']!,
        )
      ).reportIncident.id;

    it('creates a group owned by the ORG_ADMIN organization and refuses bad input with stable codes', async () => {
      const name = `CLMV CERTs ${randomUUID().slice(0, 8)}`;
      const created = await create(name, [MEMBER, OTHER_MEMBER]);
      expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
      group = created.data!.createSharingGroup;
      expect(group).toMatchObject({ name, owner: { id: OWNER } });
      expect(group.owner.name).toBeTruthy();
      expect(group.members.map((m) => m.id)).toEqual([MEMBER, OTHER_MEMBER].sort());
      expect(group.members.every((m) => Boolean(m.name))).toBe(true);

      const duplicate = await create(name.toUpperCase(), []);
      expect(codesOf(duplicate)).toEqual(['CONFLICT']);
      expect(duplicate.errors?.[0]?.extensions?.['field']).toBe('input.name');
      const empty = await create('   ', [MEMBER]);
      expect(codesOf(empty)).toEqual(['BAD_USER_INPUT']);
      expect(empty.errors?.[0]?.extensions?.['field']).toBe('input.name');
      const unknown = await create(`Unknown ${randomUUID()}`, ['zz-no-such-cert']);
      expect(codesOf(unknown)).toEqual(['NOT_FOUND']);
      expect(unknown.errors?.[0]?.extensions).toMatchObject({ what: 'Organization', id: 'zz-no-such-cert' });
      expect(codesOf(await create(`By a member ${randomUUID()}`, [], tokens['owner']))).toEqual([
        'FORBIDDEN',
      ]);
      const anonymous = await run('sharing-groups/CreateSharingGroup.graphql', {
        input: { name: `Anonymous ${randomUUID()}`, organizationIds: [] },
      });
      expect(codesOf(anonymous), JSON.stringify(anonymous)).toEqual(['UNAUTHENTICATED']);

      // Seen by its members, its owner and the SECRETARIAT; nobody else.
      for (const reader of ['owner', 'member', 'otherMember', 'secretariat'])
        expect(await visibleGroups(tokens[reader]!), reader).toContain(group.id);
      expect(await visibleGroups(tokens['outsider']!)).not.toContain(group.id);
    });

    it("shares incidents, advisories and imports with the group's current members, until one is removed", async () => {
      const nonce = randomUUID();
      const incidentId = await report(`Sharing group RED ${nonce}`, 'RED', [group.id]);
      const published = await must<{
        publishAdvisory: { id: string; sharedWithSharingGroups: { id: string }[] };
      }>(
        'sharing-groups/PublishSharedAdvisory.graphql',
        {
          input: {
            title: `Sharing group AMBER advisory ${nonce}`,
            body: 'Exercise advisory for sharing groups (test data).',
            severity: 'HIGH',
            tlp: 'AMBER',
            sharedWithSharingGroupIds: [group.id],
          },
        },
        tokens['owner']!,
      );
      expect(published.publishAdvisory.sharedWithSharingGroups).toEqual([{ id: group.id, name: group.name }]);
      const advisoryId = published.publishAdvisory.id;

      const seen = await records(tokens['member']!, incidentId, advisoryId, nonce);
      expect(seen).toEqual({
        incident: {
          id: incidentId,
          title: `Sharing group RED ${nonce}`,
          sharedWithSharingGroups: [{ id: group.id, name: group.name }],
        },
        advisory: { id: advisoryId, title: `Sharing group AMBER advisory ${nonce}` },
        incidents: { totalCount: 1 },
        advisories: { totalCount: 1 },
      });
      const hidden = {
        incident: null,
        advisory: null,
        incidents: { totalCount: 0 },
        advisories: { totalCount: 0 },
      };
      expect(await records(tokens['outsider']!, incidentId, advisoryId, nonce)).toEqual(hidden);
      expect(await records(tokens['secretariat']!, incidentId, advisoryId, nonce)).toEqual(hidden);

      // Both imports, RED, shared with the group only.
      const stix = await must<{
        importStixBundle: {
          advisories: { id: string; tlp: string; sharedWithSharingGroups: { id: string }[] }[];
        };
      }>(
        'sharing-groups/ImportStixBundleForSharingGroups.graphql',
        { bundle: stixReport(nonce), sharedWithSharingGroupIds: [group.id] },
        tokens['owner']!,
      );
      const [imported] = stix.importStixBundle.advisories;
      expect(imported).toMatchObject({ tlp: 'RED', sharedWithSharingGroups: [{ id: group.id }] });
      const misp = await must<{ importMispEvent: { advisory: { id: string; tlp: string } } }>(
        'sharing-groups/ImportMispEventForSharingGroups.graphql',
        { event: mispEvent(nonce), sharedWithSharingGroupIds: [group.id] },
        tokens['owner']!,
      );
      expect(misp.importMispEvent.advisory.tlp).toBe('RED');
      for (const id of [imported!.id, misp.importMispEvent.advisory.id]) {
        expect((await records(tokens['member']!, incidentId, id, nonce)).advisory?.id).toBe(id);
        expect((await records(tokens['outsider']!, incidentId, id, nonce)).advisory).toBeNull();
      }
      expect((await records(tokens['member']!, incidentId, advisoryId, nonce)).advisories.totalCount).toBe(3);

      const changed = await must<{ setSharingGroupMembers: Group }>(
        'sharing-groups/SetSharingGroupMembers.graphql',
        { id: group.id, organizationIds: [OTHER_MEMBER] },
        tokens['ownerAdmin']!,
      );
      expect(changed.setSharingGroupMembers.members).toEqual([{ id: OTHER_MEMBER }]);
      expect(await records(tokens['member']!, incidentId, advisoryId, nonce)).toEqual(hidden);
      expect(await visibleGroups(tokens['member']!)).not.toContain(group.id);
      const stays = await records(tokens['otherMember']!, incidentId, imported!.id, nonce);
      expect(stays).toMatchObject({
        incident: { id: incidentId },
        advisory: { id: imported!.id },
        advisories: { totalCount: 3 },
      });

      // Every creation and change is audited, for the SECRETARIAT to read.
      const audit = await must<{
        incidentsAuditLog: {
          totalCount: number;
          edges: { node: { operation: string; actor: { org: string }; summary: string } }[];
        };
      }>('sharing-groups/SharingGroupAudit.graphql', { targetId: group.id }, tokens['secretariat']!);
      expect(audit.incidentsAuditLog.edges.map((e) => [e.node.operation, e.node.actor.org])).toEqual([
        ['setSharingGroupMembers', OWNER],
        ['createSharingGroup', OWNER],
      ]);
      expect(audit.incidentsAuditLog.edges[0]!.node.summary).toContain(`removed ${MEMBER}`);
    });

    it('lets only the originator add a group to an incident, and only a group its organization may use', async () => {
      const foreign = await create(
        `ASEAN + CN ${randomUUID().slice(0, 8)}`,
        ['id-bssn'],
        tokens['recipientAdmin'],
      );
      expect(foreign.errors).toBeUndefined();
      const nonce = randomUUID();
      const incidentId = await report(`Sharing group AMBER ${nonce}`, 'AMBER', [], [RECIPIENT]);
      const share = (groups: string[], token: string) =>
        run<{ shareIncident: { sharedWithSharingGroups: { id: string }[] } }>(
          'sharing-groups/ShareIncidentWithSharingGroups.graphql',
          { id: incidentId, organizationIds: [], sharedWithSharingGroupIds: groups },
          token,
        );
      // A recipient reads it but may not hand the circle to a group, even one it owns.
      expect(codesOf(await share([foreign.data!.createSharingGroup.id], tokens['recipient']!))).toEqual([
        'FORBIDDEN',
      ]);
      // The originator may not use a group its organization neither owns nor is in.
      const notUsable = await share([foreign.data!.createSharingGroup.id], tokens['owner']!);
      expect(codesOf(notUsable)).toEqual(['NOT_FOUND']);
      expect(codesOf(await share([], tokens['owner']!))).toEqual(['BAD_USER_INPUT']);
      expect((await records(tokens['otherMember']!, incidentId, incidentId, nonce)).incident).toBeNull();
      const shared = await share([group.id], tokens['owner']!);
      expect(shared.errors).toBeUndefined();
      expect(shared.data!.shareIncident.sharedWithSharingGroups).toEqual([
        { id: group.id, name: group.name },
      ]);
      expect((await records(tokens['otherMember']!, incidentId, incidentId, nonce)).incident?.id).toBe(
        incidentId,
      );
      // Only the owner's ORG_ADMINs (or the SECRETARIAT) change the members.
      const byMember = await run(
        'sharing-groups/SetSharingGroupMembers.graphql',
        { id: group.id, organizationIds: [] },
        tokens['otherMember'],
      );
      expect(codesOf(byMember)).toEqual(['FORBIDDEN']);
      const byOutsider = await run(
        'sharing-groups/SetSharingGroupMembers.graphql',
        { id: group.id, organizationIds: [] },
        tokens['outsider'],
      );
      expect(codesOf(byOutsider)).toEqual(['FORBIDDEN']);
      const byStranger = await run(
        'sharing-groups/SetSharingGroupMembers.graphql',
        { id: group.id, organizationIds: [] },
        await graph.token(OUTSIDER, [Role.OrgAdmin]),
      );
      expect(codesOf(byStranger)).toEqual(['NOT_FOUND']);
    });
  });
}

/** A STIX 2.1 report referring to one indicator, both without a marking (the `tlp` given applies). */
function stixReport(nonce: string) {
  const indicator = `indicator--${randomUUID()}`;
  const created = '2026-12-01T00:00:00.000Z';
  return {
    type: 'bundle',
    id: `bundle--${randomUUID()}`,
    objects: [
      {
        type: 'indicator',
        spec_version: '2.1',
        id: indicator,
        created,
        modified: created,
        pattern: `[domain-name:value = 'stix-${nonce}.example']`,
        pattern_type: 'stix',
        valid_from: created,
        object_marking_refs: [STIX_TLP_RED],
      },
      {
        type: 'report',
        spec_version: '2.1',
        id: `report--${randomUUID()}`,
        created,
        modified: created,
        name: `Sharing group STIX report ${nonce}`,
        published: created,
        object_refs: [indicator],
        object_marking_refs: [STIX_TLP_RED],
      },
    ],
  };
}

/** A MISP event as MISP's API gives it, tagged TLP:RED. */
function mispEvent(nonce: string) {
  return {
    Event: {
      uuid: randomUUID(),
      info: `Sharing group MISP event ${nonce}`,
      timestamp: '1764547200',
      threat_level_id: '2',
      Tag: [{ name: 'tlp:red' }],
      Attribute: [
        {
          uuid: randomUUID(),
          type: 'domain',
          category: 'Network activity',
          value: `misp-${nonce}.example`,
          to_ids: true,
          timestamp: '1764547200',
        },
      ],
    },
  };
}

describeSharingGroups('embedded default', async () => ({}), { byId: false });
describeSharingGroups(
  'production mode',
  async () => ({
    protection: productionProtection(await readManifest()),
  }),
  { byId: true },
);
