import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { codesOf, startGraph, type Graph } from './harness.ts';

let graph: Graph;
let mycert: string;
let csa: string;
let thaicert: string;
let secretariat: string;
beforeAll(async () => {
  graph = await startGraph();
  mycert = await graph.token('my-mycert', [Role.Member]);
  csa = await graph.token('sg-csa', [Role.Member]);
  thaicert = await graph.token('th-thaicert', [Role.Member]);
  secretariat = await graph.token('asean-secretariat', [Role.Secretariat]);
});
afterAll(() => graph?.close());

async function report(tlp: string, sharedWith: string[] = []) {
  const response = await graph.query<{ reportIncident: { id: string; version: number } }>(
    `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id version } }`,
    {
      i: {
        title: `Collaboration ${tlp}`,
        summary: 'Test data.',
        category: 'MALWARE',
        severity: 'MEDIUM',
        tlp,
        affectedCountryCodes: ['MY'],
        sharedWithOrganizationIds: sharedWith,
      },
    },
    mycert,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.reportIncident;
}

const canSee = async (id: string, token: string) =>
  (
    await graph.query<{ incident: { id: string } | null }>(
      `query($id: ID!) { incident(id: $id) { id } }`,
      { id },
      token,
    )
  ).data!.incident !== null;

describe('working on an incident together', () => {
  it('lets only the originator widen an AMBER, AMBER_STRICT or RED circle, as TLP 2.0 says', async () => {
    const share = (id: string, token: string) =>
      graph.query<{ shareIncident: { sharedWith: { id: string }[] } }>(
        `mutation($id: ID!) { shareIncident(id: $id, organizationIds: ["th-thaicert"]) { sharedWith { id } } }`,
        { id },
        token,
      );
    for (const tlp of ['AMBER', 'AMBER_STRICT', 'RED']) {
      const incident = await report(tlp, ['sg-csa']);
      expect(await canSee(incident.id, thaicert), tlp).toBe(false);
      // A recipient may pass it on inside its own organization, which the registry does not hold.
      expect(codesOf(await share(incident.id, csa)), tlp).toEqual(['FORBIDDEN']);
      expect(await canSee(incident.id, thaicert), tlp).toBe(false);
      const shared = await share(incident.id, mycert);
      expect(shared.errors, tlp).toBeUndefined();
      expect(shared.data!.shareIncident.sharedWith.map((o) => o.id)).toEqual(['sg-csa', 'th-thaicert']);
      expect(await canSee(incident.id, thaicert), tlp).toBe(true);
    }
  });

  it('lets anyone who may read a GREEN incident share it with another organization', async () => {
    const green = await report('GREEN');
    const shared = await graph.query<{ shareIncident: { sharedWith: { id: string }[] } }>(
      `mutation($id: ID!) { shareIncident(id: $id, organizationIds: ["th-thaicert"]) { sharedWith { id } } }`,
      { id: green.id },
      csa,
    );
    expect(shared.errors).toBeUndefined();
    expect(shared.data!.shareIncident.sharedWith.map((o) => o.id)).toEqual(['th-thaicert']);
  });

  it('lets only the reporting organization change the marking, and records the change as an event', async () => {
    const incident = await report('RED', ['sg-csa']);
    const update = (tlp: string, version: number, token: string) =>
      graph.query<{
        updateIncident: { tlp: string; version: number; events: { edges: { node: { type: string } }[] } };
      }>(
        `mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { tlp version events { edges { node { type } } } } }`,
        { i: { id: incident.id, expectedVersion: version, tlp } },
        token,
      );
    expect(codesOf(await update('AMBER', 1, csa))).toEqual(['FORBIDDEN']);
    // The SECRETARIAT cannot even see a RED incident it is not a recipient of.
    expect(codesOf(await update('AMBER', 1, secretariat))).toEqual(['NOT_FOUND']);
    const relaxed = await update('GREEN', 1, mycert);
    expect(relaxed.errors).toBeUndefined();
    expect(relaxed.data!.updateIncident).toMatchObject({ tlp: 'GREEN', version: 2 });
    expect(relaxed.data!.updateIncident.events.edges.map((e) => e.node.type)).toEqual([
      'REPORTED',
      'UPDATED',
    ]);
    expect(await canSee(incident.id, thaicert)).toBe(true);
    expect(codesOf(await update('RED', 1, mycert))).toEqual(['CONFLICT']);
  });

  it('asks another CERT for help, shares a RED incident with it, and lets only that CERT answer along the lifecycle', async () => {
    const incident = await report('RED');
    const requested = await graph.query<{
      requestAssistance: { id: string; status: string; requestedOf: { name: string } };
    }>(
      `mutation($i: RequestAssistanceInput!) { requestAssistance(input: $i) { id status requestedOf { name } } }`,
      {
        i: {
          incidentId: incident.id,
          organizationId: 'th-thaicert',
          kinds: ['ANALYSIS', 'TAKEDOWN'],
          description: 'Please analyse the sample.',
        },
      },
      mycert,
    );
    expect(requested.errors).toBeUndefined();
    expect(requested.data!.requestAssistance).toMatchObject({
      status: 'OPEN',
      requestedOf: { name: expect.stringContaining('Thai') },
    });
    expect(await canSee(incident.id, thaicert)).toBe(true);

    const respond = (status: string, token: string) =>
      graph.query<{ respondToAssistanceRequest: { status: string } }>(
        `mutation($i: RespondToAssistanceRequestInput!) { respondToAssistanceRequest(input: $i) { status } }`,
        { i: { requestId: requested.data!.requestAssistance.id, status, note: 'ok' } },
        token,
      );
    expect(codesOf(await respond('ACCEPTED', mycert))).toEqual(['FORBIDDEN']);
    expect(codesOf(await respond('ACCEPTED', csa))).toEqual(['NOT_FOUND']);
    expect(codesOf(await respond('COMPLETED', thaicert))).toEqual(['CONFLICT']);
    expect((await respond('ACCEPTED', thaicert)).data).toEqual({
      respondToAssistanceRequest: { status: 'ACCEPTED' },
    });
    expect((await respond('COMPLETED', thaicert)).data).toEqual({
      respondToAssistanceRequest: { status: 'COMPLETED' },
    });

    const timeline = await graph.query<{
      incident: { events: { edges: { node: { type: string } }[] }; assistanceRequests: { status: string }[] };
    }>(
      `query($id: ID!) { incident(id: $id) { events { edges { node { type } } } assistanceRequests { status } } }`,
      { id: incident.id },
      mycert,
    );
    expect(timeline.data!.incident.events.edges.map((e) => e.node.type)).toEqual([
      'REPORTED',
      'SHARED',
      'ASSISTANCE_REQUESTED',
      'ASSISTANCE_ANSWERED',
      'ASSISTANCE_ANSWERED',
    ]);
    expect(timeline.data!.incident.assistanceRequests).toEqual([{ status: 'COMPLETED' }]);
  });

  it('publishes advisories under TLP with validated CVE ids and indicators', async () => {
    const publish = (input: Record<string, unknown>) =>
      graph.query<{
        publishAdvisory: {
          id: string;
          cveIds: string[];
          indicators: { value: string }[];
          publishedBy: { id: string };
        };
      }>(
        `mutation($i: PublishAdvisoryInput!) { publishAdvisory(input: $i) { id cveIds indicators { value } publishedBy { id } } }`,
        {
          i: {
            title: 'Patch now',
            body: 'Test advisory.',
            severity: 'HIGH',
            tlp: 'AMBER',
            sharedWithOrganizationIds: ['sg-csa'],
            ...input,
          },
        },
        mycert,
      );
    const published = await publish({
      cveIds: ['cve-2024-3400'],
      indicators: [{ type: 'DOMAIN', value: 'Update-Check[.]Example' }],
    });
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishAdvisory).toMatchObject({
      cveIds: ['CVE-2024-3400'],
      indicators: [{ value: 'update-check.example' }],
      publishedBy: { id: 'my-mycert' },
    });
    expect(codesOf(await publish({ cveIds: ['CVE-24-1'] }))).toEqual(['BAD_USER_INPUT']);
    const list = async (token?: string) =>
      (
        await graph.query<{ advisories: { edges: { node: { id: string } }[] } }>(
          `{ advisories(filter: { cveId: "CVE-2024-3400" }) { edges { node { id } } } }`,
          {},
          token,
        )
      ).data!.advisories.edges.map((e) => e.node.id);
    const id = published.data!.publishAdvisory.id;
    expect(await list(csa)).toContain(id);
    expect(await list(thaicert)).not.toContain(id);
    expect(await list()).not.toContain(id);
  });
});
