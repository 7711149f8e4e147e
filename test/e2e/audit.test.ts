import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { codesOf, startGraph, type Graph } from './harness.ts';

let graph: Graph;
let secretariat: string;
let reporter: string;
beforeAll(async () => {
  graph = await startGraph();
  secretariat = await graph.token('asean-secretariat', [Role.Secretariat]);
  reporter = await graph.token('my-mycert', [Role.Member, Role.OrgAdmin]);
});
afterAll(() => graph?.close());

interface Entry {
  operation: string;
  actor: { sub: string; org: string | null };
  target: { type: string; id: string };
  summary: string;
  occurredAt: string;
}
const ENTRIES = `edges { node { operation actor { sub org } target { type id } summary occurredAt } } totalCount`;

async function auditOf(field: string, filter: Record<string, unknown>, token = secretariat) {
  return graph.query<Record<string, { edges: { node: Entry }[]; totalCount: number }>>(
    `query($f: AuditFilter) { ${field}(filter: $f, first: 20) { ${ENTRIES} } }`,
    { f: filter },
    token,
  );
}

describe('the audit trail', () => {
  it('records who reported an incident, when, on which record, with a summary, for the SECRETARIAT to read', async () => {
    const reported = await graph.query<{ reportIncident: { id: string } }>(
      `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
      {
        i: {
          title: 'Audited incident',
          summary: 'Test data.',
          category: 'OTHER',
          severity: 'LOW',
          tlp: 'RED',
          affectedCountryCodes: ['MY'],
        },
      },
      reporter,
    );
    const id = reported.data!.reportIncident.id;
    const log = await auditOf('auditLog', { targetId: id });
    expect(log.errors).toBeUndefined();
    expect(log.data!['auditLog']!.totalCount).toBe(1);
    const [entry] = log.data!['auditLog']!.edges.map((e) => e.node);
    expect(entry).toMatchObject({
      operation: 'reportIncident',
      actor: { sub: 'e2e-my-mycert-MEMBER-ORG_ADMIN', org: 'my-mycert' },
      target: { type: 'Incident', id },
      summary: expect.stringContaining('Audited incident'),
    });
    expect(Date.now() - Date.parse(entry!.occurredAt)).toBeLessThan(60_000);
  });

  it('writes nothing when the change is refused', async () => {
    const reported = await graph.query<{ reportIncident: { id: string } }>(
      `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
      {
        i: {
          title: 'Refused change',
          summary: 'Test data.',
          category: 'OTHER',
          severity: 'LOW',
          tlp: 'GREEN',
          affectedCountryCodes: ['MY'],
        },
      },
      reporter,
    );
    const id = reported.data!.reportIncident.id;
    const stale = await graph.query(
      `mutation($i: ChangeIncidentStatusInput!) { changeIncidentStatus(input: $i) { id } }`,
      { i: { id, expectedVersion: 7, status: 'TRIAGED' } },
      reporter,
    );
    expect(codesOf(stale)).toEqual(['CONFLICT']);
    expect(
      (await auditOf('auditLog', { targetId: id })).data!['auditLog']!.edges.map((e) => e.node.operation),
    ).toEqual(['reportIncident']);
  });

  it('keeps each subgraph’s own trail: contacts changes appear in contactsAuditLog', async () => {
    const added = await graph.query<{ addContact: { id: string } }>(
      `mutation($i: AddContactInput!) { addContact(input: $i) { id } }`,
      {
        i: {
          organizationId: 'my-mycert',
          name: 'Audit test desk',
          email: 'audit-desk@mycert.example',
          roles: ['INCIDENT_RESPONSE'],
          available24x7: true,
          timezone: 'Asia/Kuala_Lumpur',
        },
      },
      reporter,
    );
    const log = await auditOf('contactsAuditLog', {
      operation: 'addContact',
      targetId: added.data!.addContact.id,
    });
    expect(log.data!['contactsAuditLog']!.edges.map((e) => e.node.target)).toEqual([
      { type: 'Contact', id: added.data!.addContact.id },
    ]);
    for (const field of ['dataflowsAuditLog', 'aipolicyAuditLog']) {
      expect((await auditOf(field, {})).errors, field).toBeUndefined();
    }
  });

  it('is for the SECRETARIAT only and cannot be changed through the API', async () => {
    expect(codesOf(await auditOf('auditLog', {}, reporter))).toEqual(['FORBIDDEN']);
    expect(codesOf(await graph.query(`{ auditLog { totalCount } }`))).toEqual(['UNAUTHENTICATED']);
    const mutations = await graph.query<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
      `{ __schema { mutationType { fields { name } } } }`,
    );
    expect(mutations.data!.__schema.mutationType.fields.filter((f) => /audit/i.test(f.name))).toEqual([]);
  });
});
