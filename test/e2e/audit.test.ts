import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { codesOf, productionProtection, startGraph, type Graph } from './harness.ts';
import { reportIncident, testIncident } from './reporting.ts';

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

/** A LOW, GREEN incident in MY reported by MyCERT's admin; its id. */
const reportLowGreen = (title: string): Promise<string> =>
  reportIncident(graph, testIncident(title), reporter);

describe('the audit trail', () => {
  it('records who reported an incident, when, on which record, with a summary, for the SECRETARIAT to read', async () => {
    // GREEN: the SECRETARIAT reads entries only about records it may read (see below).
    const id = await reportLowGreen('Audited incident');
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
    const id = await reportLowGreen('Refused change');
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

describe('what the audit trail shows its reader', () => {
  const nonce = randomUUID();
  const hidden = { incident: '', advisory: '', request: '', phishing: '', phishingIncident: '' };
  let visibleIncident: string;
  let recipientSecretariat: string;

  async function must<T>(query: string, variables: Record<string, unknown>, token: string) {
    const response = await graph.query<T>(query, variables, token);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!;
  }

  const REPORT = `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id version } }`;
  const report = async (title: string, tlp: string, sharedWith: string[] = []) =>
    (
      await must<{ reportIncident: { id: string; version: number } }>(
        REPORT,
        {
          i: testIncident(title, {
            category: 'INTRUSION',
            severity: 'HIGH',
            tlp,
            sharedWithOrganizationIds: sharedWith,
          }),
        },
        reporter,
      )
    ).reportIncident;

  beforeAll(async () => {
    recipientSecretariat = await graph.token('sg-csa', [Role.Secretariat]);
    // A RED incident shared with sg-csa: reported, re-marked, shared, and help asked for.
    const red = await report(`Hidden RED audit incident ${nonce}`, 'RED', ['sg-csa']);
    hidden.incident = red.id;
    await must(
      `mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { id } }`,
      { i: { id: red.id, expectedVersion: red.version, tlp: 'AMBER_STRICT', title: `Renamed ${nonce}` } },
      reporter,
    );
    await must(
      `mutation($id: ID!) { shareIncident(id: $id, organizationIds: ["th-thaicert"]) { id } }`,
      { id: red.id },
      reporter,
    );
    hidden.request = (
      await must<{ requestAssistance: { id: string } }>(
        `mutation($i: RequestAssistanceInput!) { requestAssistance(input: $i) { id } }`,
        {
          i: {
            incidentId: red.id,
            organizationId: 'ph-certph',
            kinds: ['ANALYSIS'],
            description: `Please look at ${nonce}.`,
          },
        },
        reporter,
      )
    ).requestAssistance.id;
    hidden.advisory = (
      await must<{ publishAdvisory: { id: string } }>(
        `mutation($i: PublishAdvisoryInput!) { publishAdvisory(input: $i) { id } }`,
        {
          i: {
            title: `Hidden AMBER advisory ${nonce}`,
            body: 'Test advisory.',
            severity: 'HIGH',
            tlp: 'AMBER',
            sharedWithOrganizationIds: ['sg-csa'],
          },
        },
        reporter,
      )
    ).publishAdvisory.id;
    // A phishing verdict raises a GREEN incident, which its reporter then marks RED.
    const phishing = await must<{
      reportPhishing: { id: string; incident: { id: string; version: number } };
    }>(
      `mutation($i: ReportPhishingInput!) { reportPhishing(input: $i) { id incident { id version } } }`,
      {
        i: {
          url: `https://audit-${nonce}.example/login`,
          observedAt: new Date(Date.now() - 60_000).toISOString(),
          targetedCountries: ['MY'],
          verdict: { detector: 'audit-test', score: 0.9, label: 'phishing' },
        },
      },
      reporter,
    );
    hidden.phishing = phishing.reportPhishing.id;
    hidden.phishingIncident = phishing.reportPhishing.incident.id;
    await must(
      `mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { id } }`,
      {
        i: {
          id: hidden.phishingIncident,
          expectedVersion: phishing.reportPhishing.incident.version,
          tlp: 'RED',
        },
      },
      reporter,
    );
    visibleIncident = (await report(`Visible GREEN audit incident ${randomUUID()}`, 'GREEN')).id;
  });

  const PAGE = `query($f: AuditFilter, $after: String) {
    auditLog(filter: $f, first: 3, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { operation target { type id } summary } }
    }
  }`;
  type Page = {
    auditLog: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: Entry }[];
    };
  };

  /** Every page of the trail, walked with `after`, and the totalCount each page reported. */
  async function walk(token: string, url?: string, filter: Record<string, unknown> = {}) {
    const entries: Entry[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (;;) {
      const response: Awaited<ReturnType<typeof graph.query<Page>>> = await graph.query<Page>(
        PAGE,
        { f: filter, after },
        token,
        url,
      );
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      const page = response.data!.auditLog;
      totals.add(page.totalCount);
      entries.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { entries, totals: [...totals] };
  }

  const hiddenIds = () => Object.values(hidden);

  it.each([
    ['through the gateway', undefined],
    ['on the incidents subgraph port', 'incidents'],
  ])(
    'leaves out of the SECRETARIAT’s trail every entry about a record it may not read, %s, with totalCount and pages agreeing',
    async (_where, subgraph) => {
      const url = subgraph ? graph.subgraphUrls[subgraph] : undefined;
      const { entries, totals } = await walk(secretariat, url);
      expect(totals).toEqual([entries.length]);
      expect(entries.map((entry) => entry.target.id)).toContain(visibleIncident);
      for (const entry of entries) {
        expect(hiddenIds()).not.toContain(entry.target.id);
        // Hidden titles, the phishing URL and the new title all carry the nonce.
        expect(entry.summary).not.toContain(nonce);
      }
      for (const id of hiddenIds()) {
        const narrowed = await walk(secretariat, url, { targetId: id });
        expect(narrowed).toEqual({ entries: [], totals: [0] });
      }
    },
  );

  it('shows a SECRETARIAT whose organization is a recipient the entries about what was shared with it', async () => {
    const { entries } = await walk(recipientSecretariat, undefined, { targetId: hidden.incident });
    // Asking ph-certph for help shared the incident with it: audited on the incident too.
    expect(entries.map((entry) => entry.operation)).toEqual([
      'requestAssistance',
      'shareIncident',
      'updateIncident',
      'reportIncident',
    ]);
    expect(entries.at(-1)!.summary).toContain(`Hidden RED audit incident ${nonce}`);
    const advisory = await walk(recipientSecretariat, undefined, { targetId: hidden.advisory });
    expect(advisory.entries.map((entry) => entry.summary)).toEqual([
      expect.stringContaining(`Hidden AMBER advisory ${nonce}`),
    ]);
    // Who asked whom for help is for the parties and the coordinator: sg-csa reads the incident,
    // and the SECRETARIAT role sees every request of an incident it reads.
    const request = await walk(recipientSecretariat, undefined, { targetId: hidden.request });
    expect(request.entries.map((entry) => entry.operation)).toEqual(['requestAssistance']);
  });
});

describe('the audit trail in production mode', () => {
  let production: Graph;
  beforeAll(async () => {
    production = await startGraph({
      protection: productionProtection(),
    });
  });
  afterAll(() => production?.close());

  it('lists for the SECRETARIAT an entry about a GREEN incident and none about a RED one it was not sent', async () => {
    const member = await production.token('my-mycert', [Role.Member]);
    const reader = await production.token('asean-secretariat', [Role.Secretariat]);
    const ids: Record<string, string> = {};
    for (const tlp of ['GREEN', 'RED']) {
      const reported = await production.query<{ reportIncident: { id: string } }>(
        `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
        { i: testIncident(`Production audit ${tlp} ${randomUUID()}`, { tlp }) },
        member,
      );
      expect(reported.errors, JSON.stringify(reported.errors)).toBeUndefined();
      ids[tlp] = reported.data!.reportIncident.id;
    }
    const countFor = async (id: string) => {
      const response = await production.query<{ auditLog: { totalCount: number; edges: unknown[] } }>(
        `query($id: ID) { auditLog(filter: { targetId: $id }) { totalCount edges { node { operation } } } }`,
        { id },
        reader,
      );
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return [response.data!.auditLog.totalCount, response.data!.auditLog.edges.length];
    };
    expect(await countFor(ids['GREEN']!)).toEqual([1, 1]);
    expect(await countFor(ids['RED']!)).toEqual([0, 0]);
  });
});
