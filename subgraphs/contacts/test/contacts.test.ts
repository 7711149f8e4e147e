import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import * as t from '@cadg/db/contacts';
import { as, errorCodes, startContacts } from './harness.ts';

let subgraph: Awaited<ReturnType<typeof startContacts>>;
beforeAll(async () => {
  subgraph = await startContacts();
});
afterAll(() => subgraph.close());

const ADD_CONTACT = /* GraphQL */ `
  mutation Add($input: AddContactInput!) {
    addContact(input: $input) {
      id
      name
      email
      roles
      timezone
      pgpFingerprint
      verificationStatus
      organization {
        id
      }
    }
  }
`;
const validContact = (organizationId: string) => ({
  organizationId,
  name: 'Test Duty Officer (fictional)',
  title: 'Duty officer',
  email: 'test-duty@mycert.example',
  phone: '+60 3 0000 0999',
  roles: ['INCIDENT_RESPONSE', 'THREAT_SHARING'],
  available24x7: true,
  timezone: 'Asia/Kuala_Lumpur',
  pgpFingerprint: 'ABCD EF01 2345 6789 ABCD EF01 2345 6789 ABCD EF01',
});

async function contactCount(): Promise<number> {
  const [row] = await subgraph.db.select({ n: count() }).from(t.contacts);
  return row?.n ?? 0;
}

describe('reading the directory', () => {
  it('lists the twelve countries with ASEAN membership, Timor-Leste since 2025-10-26 and China as a non-member', async () => {
    const result = await subgraph.exec<{
      countries: { code: string; aseanMember: boolean; aseanMemberSince: string | null }[];
    }>(`{ countries { code aseanMember aseanMemberSince } }`);
    expect(result.errors).toBeUndefined();
    const countries = result.data?.countries ?? [];
    expect(countries).toHaveLength(12);
    expect(countries.find((c) => c.code === 'TL')).toEqual({
      code: 'TL',
      aseanMember: true,
      aseanMemberSince: '2025-10-26',
    });
    expect(countries.find((c) => c.code === 'CN')).toEqual({
      code: 'CN',
      aseanMember: false,
      aseanMemberSince: null,
    });
    expect(countries.filter((c) => c.aseanMember)).toHaveLength(11);
  });

  it('gives every country a CERT or at least two registered bodies', async () => {
    const result = await subgraph.exec<{ countries: { code: string; organizations: { kind: string }[] }[] }>(
      `{ countries { code organizations { kind } } }`,
    );
    for (const country of result.data?.countries ?? []) {
      expect(country.organizations.length, country.code).toBeGreaterThanOrEqual(2);
    }
  });

  it('pages organizations by keyset with no overlap and a total that matches the filter', async () => {
    const query = `query($after: String) { organizations(first: 7, after: $after) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      organizations: {
        totalCount: number;
        edges: { node: { id: string; name: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const result: Awaited<ReturnType<typeof subgraph.exec<Page>>> = await subgraph.exec<Page>(query, {
        after,
      });
      expect(result.errors).toBeUndefined();
      const page = result.data!.organizations;
      total = page.totalCount;
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const [row] = await subgraph.db.select({ n: count() }).from(t.organizations);
    expect(total).toBe(row?.n);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('filters organizations by country and kind', async () => {
    const result = await subgraph.exec<{
      organizations: { totalCount: number; edges: { node: { kind: string; country: { code: string } } }[] };
    }>(
      `{ organizations(filter: { countryCodes: ["my"], kinds: [CERT] }) { totalCount edges { node { kind country { code } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.organizations.totalCount).toBeGreaterThanOrEqual(1);
    for (const { node } of result.data?.organizations.edges ?? []) {
      expect(node).toEqual({ kind: 'CERT', country: { code: 'MY' } });
    }
  });

  it('refuses a cursor it did not issue', async () => {
    const result = await subgraph.exec(`{ organizations(after: "not-a-cursor") { totalCount } }`);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });

  it('resolves Country and Organization entities for the gateway, null for unknown keys', async () => {
    const result = await subgraph.exec<{ _entities: ({ name: string } | null)[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Country { name } ... on Organization { name } } }`,
      {
        r: [
          { __typename: 'Country', code: 'SG' },
          { __typename: 'Organization', id: 'my-mycert' },
          { __typename: 'Country', code: 'ZZ' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0]).toEqual({ name: 'Singapore' });
    expect(result.data?._entities[1]?.name).toMatch(/Malaysia Computer Emergency Response Team|MyCERT/);
    expect(result.data?._entities[2]).toBeNull();
  });

  it('hides e-mail, phone, PGP key and verification history from anonymous callers', async () => {
    const query = `{ contacts(first: 5) { edges { node { name email phone pgpFingerprint verifications { id } } } } }`;
    const anonymous = await subgraph.exec<{ contacts: { edges: { node: Record<string, unknown> }[] } }>(
      query,
    );
    expect(anonymous.data?.contacts.edges.length).toBe(5);
    for (const { node } of anonymous.data?.contacts.edges ?? []) {
      expect(node).toMatchObject({ email: null, phone: null, pgpFingerprint: null, verifications: [] });
      expect(node['name']).toEqual(expect.any(String));
    }
    const member = await subgraph.exec<{ contacts: { edges: { node: { email: string | null } }[] } }>(
      query,
      {},
      as('my-mycert', Role.Member),
    );
    for (const { node } of member.data?.contacts.edges ?? []) expect(node.email).toMatch(/@.+\.example$/);
  });
});

describe('changing the directory', () => {
  it('lets an ORG_ADMIN add a contact to its own organization and audits it in the same transaction', async () => {
    const admin = as('my-mycert', Role.OrgAdmin, Role.Member);
    const result = await subgraph.exec<{
      addContact: { id: string; email: string; pgpFingerprint: string; verificationStatus: string };
    }>(ADD_CONTACT, { input: validContact('my-mycert') }, admin);
    expect(result.errors).toBeUndefined();
    expect(result.data?.addContact).toMatchObject({
      email: 'test-duty@mycert.example',
      pgpFingerprint: 'ABCDEF0123456789ABCDEF0123456789ABCDEF01',
      verificationStatus: 'UNVERIFIED',
    });
    const id = result.data!.addContact.id;
    const audit = await subgraph.db.select().from(t.auditLog).where(eq(t.auditLog.targetId, id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ operation: 'addContact', actorSub: admin!.sub, actorOrg: 'my-mycert' });
  });

  it("refuses an ORG_ADMIN another organization's contacts, a plain member, and anonymous callers", async () => {
    const before = await contactCount();
    const other = await subgraph.exec(
      ADD_CONTACT,
      { input: validContact('sg-csa') },
      as('my-mycert', Role.OrgAdmin),
    );
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    const member = await subgraph.exec(
      ADD_CONTACT,
      { input: validContact('my-mycert') },
      as('my-mycert', Role.Member),
    );
    expect(errorCodes(member)).toEqual(['FORBIDDEN']);
    const anonymous = await subgraph.exec(ADD_CONTACT, { input: validContact('my-mycert') });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(await contactCount()).toBe(before);
  });

  it.each([
    ['an invalid e-mail', { email: 'not-an-email' }, 'BAD_USER_INPUT'],
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'BAD_USER_INPUT'],
    ['a short PGP fingerprint', { pgpFingerprint: 'ABCD' }, 'BAD_USER_INPUT'],
    ['a phone number without country code', { phone: '6000 0000' }, 'BAD_USER_INPUT'],
    ['an empty name', { name: '   ' }, 'BAD_USER_INPUT'],
  ])('answers %s with %s and stores nothing', async (_label, change, code) => {
    const before = await contactCount();
    const result = await subgraph.exec(
      ADD_CONTACT,
      { input: { ...validContact('my-mycert'), ...change } },
      as(null, Role.Secretariat),
    );
    expect(errorCodes(result)).toEqual([code]);
    expect(result.errors?.[0]?.extensions?.['field']).toEqual(expect.stringMatching(/^input\./));
    expect(await contactCount()).toBe(before);
  });

  it('answers an unknown organization with NOT_FOUND and stores nothing', async () => {
    const before = await contactCount();
    const result = await subgraph.exec(
      ADD_CONTACT,
      { input: validContact('xx-nowhere') },
      as(null, Role.Secretariat),
    );
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    expect(await contactCount()).toBe(before);
  });

  it('moves a contact from UNVERIFIED to VERIFIED when a ping is confirmed, and keeps the history', async () => {
    const admin = as('sg-csa', Role.OrgAdmin);
    const added = await subgraph.exec<{ addContact: { id: string } }>(
      ADD_CONTACT,
      { input: { ...validContact('sg-csa'), email: 'ping@csa.example', timezone: 'Asia/Singapore' } },
      admin,
    );
    const id = added.data!.addContact.id;
    const record = `mutation($input: RecordContactVerificationInput!) { recordContactVerification(input: $input) { verificationStatus lastVerifiedAt verifications { outcome method } } }`;
    const failed = await subgraph.exec<{ recordContactVerification: { verificationStatus: string } }>(
      record,
      { input: { contactId: id, method: 'EMAIL_PING', outcome: 'NO_RESPONSE' } },
      admin,
    );
    expect(failed.data?.recordContactVerification.verificationStatus).toBe('UNVERIFIED');
    const old = await subgraph.exec<{ recordContactVerification: { verificationStatus: string } }>(
      record,
      {
        input: {
          contactId: id,
          method: 'PHONE_CALL',
          outcome: 'CONFIRMED',
          verifiedAt: '2025-01-15T03:00:00Z',
        },
      },
      admin,
    );
    expect(old.data?.recordContactVerification.verificationStatus).toBe('STALE');
    const fresh = await subgraph.exec<{
      recordContactVerification: { verificationStatus: string; verifications: { outcome: string }[] };
    }>(record, { input: { contactId: id, method: 'PGP_CHALLENGE', outcome: 'CONFIRMED' } }, admin);
    expect(fresh.data?.recordContactVerification.verificationStatus).toBe('VERIFIED');
    expect(fresh.data?.recordContactVerification.verifications.map((v) => v.outcome)).toEqual([
      'CONFIRMED',
      'NO_RESPONSE',
      'CONFIRMED',
    ]);
  });

  it('refuses a verification dated in the future', async () => {
    const [contact] = await subgraph.db
      .select()
      .from(t.contacts)
      .where(eq(t.contacts.organizationId, 'sg-csa'))
      .limit(1);
    const result = await subgraph.exec(
      `mutation($input: RecordContactVerificationInput!) { recordContactVerification(input: $input) { id } }`,
      {
        input: {
          contactId: contact!.id,
          method: 'EMAIL_PING',
          outcome: 'CONFIRMED',
          verifiedAt: '2999-01-01T00:00:00Z',
        },
      },
      as(null, Role.Secretariat),
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses an organization update carrying a stale version with CONFLICT and changes nothing', async () => {
    const admin = as('my-mycert', Role.OrgAdmin);
    const update = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { version constituency } }`;
    const [current] = await subgraph.db
      .select()
      .from(t.organizations)
      .where(eq(t.organizations.id, 'my-mycert'));
    const ok = await subgraph.exec<{ updateOrganization: { version: number } }>(
      update,
      { input: { id: 'my-mycert', expectedVersion: current!.version, constituency: 'Test constituency' } },
      admin,
    );
    expect(ok.data?.updateOrganization.version).toBe(current!.version + 1);
    const stale = await subgraph.exec(
      update,
      { input: { id: 'my-mycert', expectedVersion: current!.version, constituency: 'Lost write' } },
      admin,
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const [after] = await subgraph.db
      .select()
      .from(t.organizations)
      .where(eq(t.organizations.id, 'my-mycert'));
    expect(after?.constituency).toBe('Test constituency');
  });

  it('lets only the SECRETARIAT register an organization, with a readable id', async () => {
    const create = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id kind country { code } } }`;
    const input = {
      countryCode: 'TH',
      name: 'Example Thai Research Lab',
      acronym: 'ETRL',
      kind: 'RESEARCH_INSTITUTE',
    };
    expect(errorCodes(await subgraph.exec(create, { input }, as('th-thaicert', Role.OrgAdmin)))).toEqual([
      'FORBIDDEN',
    ]);
    const created = await subgraph.exec<{ createOrganization: { id: string } }>(
      create,
      { input },
      as(null, Role.Secretariat),
    );
    expect(created.data?.createOrganization).toEqual({
      id: 'th-etrl',
      kind: 'RESEARCH_INSTITUTE',
      country: { code: 'TH' },
    });
    const unknownCountry = await subgraph.exec(
      create,
      { input: { ...input, countryCode: 'ZZ' } },
      as(null, Role.Secretariat),
    );
    expect(errorCodes(unknownCountry)).toEqual(['NOT_FOUND']);
  });

  it('schedules an activity hosted by the admin’s organization and adds participants', async () => {
    const admin = as('sg-csa', Role.OrgAdmin);
    const scheduled = await subgraph.exec<{
      scheduleActivity: { id: string; host: { id: string }; countries: { code: string }[] };
    }>(
      `mutation($input: ScheduleActivityInput!) { scheduleActivity(input: $input) { id host { id } countries { code } } }`,
      {
        input: {
          kind: 'JOINT_DRILL',
          title: 'Test tabletop exercise',
          startsOn: '2027-03-02',
          endsOn: '2027-03-03',
          hostOrganizationId: 'sg-csa',
          countryCodes: ['SG', 'MY'],
        },
      },
      admin,
    );
    expect(scheduled.errors).toBeUndefined();
    const id = scheduled.data!.scheduleActivity.id;
    expect(scheduled.data?.scheduleActivity.countries.map((c) => c.code).sort()).toEqual(['MY', 'SG']);
    const added = await subgraph.exec<{ addActivityParticipants: { participants: { id: string }[] } }>(
      `mutation($id: ID!, $orgs: [ID!]!) { addActivityParticipants(activityId: $id, organizationIds: $orgs) { participants { id } } }`,
      { id, orgs: ['my-mycert'] },
      admin,
    );
    expect(added.data?.addActivityParticipants.participants).toEqual([{ id: 'my-mycert' }]);
    const backwards = await subgraph.exec(
      `mutation($input: ScheduleActivityInput!) { scheduleActivity(input: $input) { id } }`,
      {
        input: {
          kind: 'SEMINAR',
          title: 'Backwards',
          startsOn: '2027-03-02',
          endsOn: '2027-03-01',
          hostOrganizationId: 'sg-csa',
        },
      },
      admin,
    );
    expect(errorCodes(backwards)).toEqual(['BAD_USER_INPUT']);
  });
});
