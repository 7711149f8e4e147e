/**
 * The incidents subgraph's mutations in process (test/harness.ts): reporting, changing and sharing
 * incidents, each checked in the database (the row, its audit entry and its event, written in one
 * transaction) and through what each caller may then read under TLP.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import * as t from '@cadg/db/incidents';
import { as, errorCodes, startIncidents } from './harness.ts';

let subgraph: Awaited<ReturnType<typeof startIncidents>>;
beforeAll(async () => {
  subgraph = await startIncidents();
});
afterAll(() => subgraph?.close());

const REPORTER = 'my-mycert';
const RECIPIENT = 'sg-csa';
const OUTSIDER = 'th-thaicert';

const REPORT = /* GraphQL */ `
  mutation ($input: ReportIncidentInput!) {
    reportIncident(input: $input) {
      id
      version
      status
      tlp
      sharedWith {
        id
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($input: UpdateIncidentInput!) {
    updateIncident(input: $input) {
      id
      version
      summary
    }
  }
`;
const SHARE = /* GraphQL */ `
  mutation ($id: ID!, $organizationIds: [ID!]!) {
    shareIncident(id: $id, organizationIds: $organizationIds) {
      id
      sharedWith {
        id
      }
    }
  }
`;
const READ = /* GraphQL */ `
  query ($id: ID!) {
    incident(id: $id) {
      id
      title
      version
    }
  }
`;

type Reported = {
  reportIncident: { id: string; version: number; status: string; tlp: string; sharedWith: { id: string }[] };
};

const input = (overrides: Record<string, unknown> = {}) => ({
  title: `In-process harness incident ${Math.random().toString(36).slice(2)}`,
  summary: 'Test data for the in-process harness.',
  category: 'MALWARE',
  severity: 'MEDIUM',
  tlp: 'AMBER',
  affectedCountryCodes: ['MY'],
  sharedWithOrganizationIds: [RECIPIENT],
  ...overrides,
});

async function report(overrides: Record<string, unknown> = {}): Promise<Reported['reportIncident']> {
  const result = await subgraph.exec<Reported>(
    REPORT,
    { input: input(overrides) },
    as(REPORTER, Role.Member),
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.reportIncident;
}

const readAs = (id: string, org: string | null, ...roles: Role[]) =>
  subgraph.exec<{ incident: { id: string; title: string; version: number } | null }>(
    READ,
    { id },
    as(org, ...roles),
  );

describe('reportIncident', () => {
  it('writes the incident, its audit entry and its REPORTED event, for the caller’s organization', async () => {
    const reported = await report();
    expect(reported).toMatchObject({
      version: 1,
      status: 'REPORTED',
      tlp: 'AMBER',
      sharedWith: [{ id: RECIPIENT }],
    });
    const [row] = await subgraph.db.select().from(t.incidents).where(eq(t.incidents.id, reported.id));
    expect(row).toMatchObject({ reportedByOrg: REPORTER, tlp: 'AMBER', sharedWith: [RECIPIENT] });
    const audit = await subgraph.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.targetId, reported.id), eq(t.auditLog.operation, 'reportIncident')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorOrg).toBe(REPORTER);
    const events = await subgraph.db
      .select()
      .from(t.incidentEvents)
      .where(eq(t.incidentEvents.incidentId, reported.id));
    expect(events.map((event) => event.type)).toEqual(['REPORTED']);
  });

  it('refuses an organization or a country the directory does not know with NOT_FOUND, and writes nothing', async () => {
    const title = `Refused harness incident ${Math.random().toString(36).slice(2)}`;
    const unknownOrg = await subgraph.exec(
      REPORT,
      { input: input({ title, sharedWithOrganizationIds: ['xx-nobody'] }) },
      as(REPORTER, Role.Member),
    );
    expect(errorCodes(unknownOrg)).toEqual(['NOT_FOUND']);
    const unknownCountry = await subgraph.exec(
      REPORT,
      { input: input({ title, affectedCountryCodes: ['FR'] }) },
      as(REPORTER, Role.Member),
    );
    expect(errorCodes(unknownCountry)).toEqual(['NOT_FOUND']);
    expect(await subgraph.db.select().from(t.incidents).where(eq(t.incidents.title, title))).toEqual([]);
  });

  it('asks anonymous callers for a token and refuses the SECRETARIAT, which reports for no organization', async () => {
    expect(errorCodes(await subgraph.exec(REPORT, { input: input() }, null))).toEqual(['UNAUTHENTICATED']);
    expect(
      errorCodes(await subgraph.exec(REPORT, { input: input() }, as('asean-secretariat', Role.Secretariat))),
    ).toEqual(['FORBIDDEN']);
  });
});

describe('updateIncident', () => {
  it('changes the incident on the version it was based on, and refuses a stale version with CONFLICT', async () => {
    const { id } = await report();
    const changed = await subgraph.exec<{ updateIncident: { version: number; summary: string } }>(
      UPDATE,
      { input: { id, expectedVersion: 1, summary: 'Re-assessed.' } },
      as(REPORTER, Role.Member),
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateIncident).toMatchObject({ version: 2, summary: 'Re-assessed.' });
    const stale = await subgraph.exec(
      UPDATE,
      { input: { id, expectedVersion: 1, summary: 'Based on an old read.' } },
      as(REPORTER, Role.Member),
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const [row] = await subgraph.db.select().from(t.incidents).where(eq(t.incidents.id, id));
    expect(row).toMatchObject({ version: 2, summary: 'Re-assessed.' });
  });

  it('is FORBIDDEN to a reader who did not report it and NOT_FOUND to one who may not read it', async () => {
    const { id } = await report();
    const update = { input: { id, expectedVersion: 1, summary: 'Not theirs to change.' } };
    expect(errorCodes(await subgraph.exec(UPDATE, update, as(RECIPIENT, Role.Member)))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await subgraph.exec(UPDATE, update, as(OUTSIDER, Role.Member)))).toEqual(['NOT_FOUND']);
    expect((await readAs(id, REPORTER, Role.Member)).data!.incident!.version).toBe(1);
  });
});

describe('shareIncident', () => {
  it('lets the originator widen an AMBER circle: the new recipient reads it from then on', async () => {
    const { id } = await report();
    expect((await readAs(id, OUTSIDER, Role.Member)).data!.incident).toBeNull();
    const shared = await subgraph.exec<{ shareIncident: { sharedWith: { id: string }[] } }>(
      SHARE,
      { id, organizationIds: [OUTSIDER] },
      as(REPORTER, Role.Member),
    );
    expect(shared.errors).toBeUndefined();
    expect(shared.data!.shareIncident.sharedWith.map((organization) => organization.id).sort()).toEqual(
      [RECIPIENT, OUTSIDER].sort(),
    );
    expect((await readAs(id, OUTSIDER, Role.Member)).data!.incident!.id).toBe(id);
  });

  it('refuses a recipient widening an AMBER circle (FORBIDDEN) and an unknown organization (NOT_FOUND)', async () => {
    const { id } = await report();
    const byRecipient = await subgraph.exec(
      SHARE,
      { id, organizationIds: ['vn-vncert'] },
      as(RECIPIENT, Role.Member),
    );
    expect(errorCodes(byRecipient)).toEqual(['FORBIDDEN']);
    const unknown = await subgraph.exec(
      SHARE,
      { id, organizationIds: ['xx-nobody'] },
      as(REPORTER, Role.Member),
    );
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    const [row] = await subgraph.db.select().from(t.incidents).where(eq(t.incidents.id, id));
    expect(row!.sharedWith).toEqual([RECIPIENT]);
  });

  it('lets any member who may read a GREEN incident share it further', async () => {
    const { id } = await report({ tlp: 'GREEN', sharedWithOrganizationIds: [] });
    const shared = await subgraph.exec(
      SHARE,
      { id, organizationIds: ['id-bssn'] },
      as(OUTSIDER, Role.Member),
    );
    expect(shared.errors).toBeUndefined();
  });
});

describe('TLP on what was reported', () => {
  it.each([
    ['CLEAR', { anonymous: true, outsider: true, recipient: true }],
    ['GREEN', { anonymous: false, outsider: true, recipient: true }],
    ['AMBER', { anonymous: false, outsider: false, recipient: true }],
    ['AMBER_STRICT', { anonymous: false, outsider: false, recipient: true }],
    ['RED', { anonymous: false, outsider: false, recipient: true }],
  ] as const)(
    'a TLP:%s incident is read by exactly %o (and always by its reporter)',
    async (tlp, readers) => {
      const { id } = await report({ tlp });
      const seen = async (org: string | null, ...roles: Role[]) =>
        (await readAs(id, org, ...roles)).data?.incident?.id === id;
      expect(await seen(REPORTER, Role.Member)).toBe(true);
      expect(await seen(null)).toBe(readers.anonymous);
      expect(await seen(OUTSIDER, Role.Member)).toBe(readers.outsider);
      expect(await seen(RECIPIENT, Role.Member)).toBe(readers.recipient);
    },
  );
});

describe('incidentsAuditLog', () => {
  it('lists the report of an incident to the SECRETARIAT, and the deprecated auditLog answers the same', async () => {
    // GREEN: the log lists only entries about records the reader may read, and the SECRETARIAT reads GREEN.
    const { id } = await report({ tlp: 'GREEN', sharedWithOrganizationIds: [] });
    const query = (field: string) =>
      `query ($id: ID) { ${field}(filter: { targetId: $id }) { totalCount edges { node { operation } } } }`;
    type Log = { totalCount: number; edges: { node: { operation: string } }[] };
    const secretariat = as('asean-secretariat', Role.Secretariat);
    const current = await subgraph.exec<{ incidentsAuditLog: Log }>(
      query('incidentsAuditLog'),
      { id },
      secretariat,
    );
    expect(current.errors).toBeUndefined();
    expect(current.data!.incidentsAuditLog.edges.map((edge) => edge.node.operation)).toEqual([
      'reportIncident',
    ]);
    const deprecated = await subgraph.exec<{ auditLog: Log }>(query('auditLog'), { id }, secretariat);
    expect(deprecated.data!.auditLog).toEqual(current.data!.incidentsAuditLog);
    const member = await subgraph.exec(query('incidentsAuditLog'), { id }, as(REPORTER, Role.Member));
    expect(errorCodes(member)).toEqual(['FORBIDDEN']);
  });
});
