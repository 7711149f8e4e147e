import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import * as t from '@cadg/db/dataflows';
import { as, errorCodes, startDataflows } from './harness.ts';

let subgraph: Awaited<ReturnType<typeof startDataflows>>;
beforeAll(async () => {
  subgraph = await startDataflows();
});
afterAll(() => subgraph.close());

const ALL_COUNTRIES = ['BN', 'CN', 'ID', 'KH', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN'];

const PROPOSE = /* GraphQL */ `
  mutation Propose($input: ProposeDataFlowPilotInput!) {
    proposeDataFlowPilot(input: $input) {
      id
      status
      version
      countries {
        code
      }
      organizations {
        id
      }
      mechanisms {
        kind
      }
      milestones {
        title
        dueOn
        doneOn
      }
    }
  }
`;
const ADVANCE = /* GraphQL */ `
  mutation Advance($input: AdvanceDataFlowPilotInput!) {
    advanceDataFlowPilot(input: $input) {
      id
      status
      version
      outcomes
    }
  }
`;
const proposal = (organizationIds: string[] = ['sg-pdpc', 'cn-cac']) => ({
  name: 'Test pilot: payroll data SG–CN',
  description: 'Test record.',
  countryCodes: ['sg', 'CN'],
  organizationIds,
  sectors: ['HR'],
  dataCategories: ['PERSONAL'],
  mechanisms: ['CN_STANDARD_CONTRACT'],
  startsOn: '2027-01-01',
  endsOn: '2027-12-31',
  milestones: [{ title: 'Kick-off', dueOn: '2027-01-15' }],
});

async function pilotCount(): Promise<number> {
  const [row] = await subgraph.db.select({ n: count() }).from(t.pilots);
  return row?.n ?? 0;
}

describe('reading data-flow policies', () => {
  it('records a policy for each of the twelve countries, each with a source URL', async () => {
    const result = await subgraph.exec<{
      dataFlowPolicies: { country: { code: string }; source: { url: string }; lastReviewedOn: string }[];
    }>(`{ dataFlowPolicies { country { code } source { url } lastReviewedOn } }`);
    expect(result.errors).toBeUndefined();
    const policies = result.data!.dataFlowPolicies;
    expect(policies.map((p) => p.country.code).sort()).toEqual(ALL_COUNTRIES);
    for (const policy of policies) expect(policy.source.url).toMatch(/^https?:\/\//);
  });

  it('resolves Country entities with their policy and pilots for the gateway, and null for unknown countries', async () => {
    const result = await subgraph.exec<{
      _entities: {
        dataFlowPolicy: { regulator: { id: string } | null; mechanisms: { kind: string }[] } | null;
        dataFlowPilots: { totalCount: number };
      }[];
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Country { dataFlowPolicy { regulator { id } mechanisms { kind } } dataFlowPilots { totalCount } } } }`,
      {
        r: [
          { __typename: 'Country', code: 'SG' },
          { __typename: 'Country', code: 'ZZ' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    const [sg, zz] = result.data!._entities;
    expect(sg?.dataFlowPolicy?.regulator).toEqual({ id: 'sg-pdpc' });
    expect(sg?.dataFlowPolicy?.mechanisms.map((m) => m.kind)).toContain('ASEAN_MCC_C2C');
    expect(sg?.dataFlowPilots.totalCount).toBeGreaterThanOrEqual(1);
    expect(zz).toEqual({ dataFlowPolicy: null, dataFlowPilots: { totalCount: 0 } });
  });

  it('shows China’s thresholds in force on a day, with the 2024 exemption absent in 2023', async () => {
    const query = `query($d: Date) { _entities(representations: [{ __typename: "Country", code: "CN" }]) { ... on Country { dataFlowPolicy { thresholds(asOf: $d) { id outcome effectiveFrom } } } } }`;
    type R = { _entities: { dataFlowPolicy: { thresholds: { id: string; outcome: string }[] } }[] };
    const now = await subgraph.exec<R>(query, { d: '2026-11-27' });
    const then = await subgraph.exec<R>(query, { d: '2023-09-01' });
    expect(now.data!._entities[0]!.dataFlowPolicy.thresholds.map((th) => th.id)).toContain(
      'cn-2024-pi-exempt',
    );
    expect(then.data!._entities[0]!.dataFlowPolicy.thresholds.map((th) => th.id)).not.toContain(
      'cn-2024-pi-exempt',
    );
    expect(then.data!._entities[0]!.dataFlowPolicy.thresholds.length).toBeGreaterThan(0);
  });
});

describe('transfer requirements', () => {
  const query = `query($from: ID!, $to: ID!, $n: Int, $s: Boolean, $c: TransferDataCategory) {
    transferRequirements(from: $from, to: $to, dataCategory: $c, subjects: $n, sensitive: $s) {
      coverage originCoverage destinationCoverage unknowns
      obligations { side kind summary legalBasis mechanisms { kind } source { url } }
    }
  }`;
  type R = {
    transferRequirements: {
      coverage: string;
      originCoverage: string;
      unknowns: string[];
      obligations: { side: string; kind: string; mechanisms: { kind: string }[]; source: { url: string } }[];
    };
  };

  it('says a country with no recorded rules is unknown rather than that nothing applies', async () => {
    const result = await subgraph.exec<R>(query, { from: 'TL', to: 'KH', n: 10 });
    expect(result.errors).toBeUndefined();
    expect(result.data!.transferRequirements).toMatchObject({
      coverage: 'UNKNOWN',
      originCoverage: 'UNKNOWN',
      obligations: [],
    });
    expect(result.data!.transferRequirements.unknowns.length).toBeGreaterThan(0);
    const toSingapore = await subgraph.exec<R>(query, { from: 'TL', to: 'SG', n: 10 });
    expect(toSingapore.data!.transferRequirements).toMatchObject({
      coverage: 'PARTIAL',
      originCoverage: 'UNKNOWN',
      obligations: [{ side: 'DESTINATION', kind: 'DUTY' }],
    });
  });

  it('names Singapore’s transfer limitation obligation for data leaving Singapore', async () => {
    const result = await subgraph.exec<R>(query, { from: 'SG', to: 'MY', n: 10, s: false });
    const duty = result.data!.transferRequirements.obligations.find((o) => o.side === 'ORIGIN');
    expect(duty).toMatchObject({ kind: 'DUTY', source: { url: expect.stringMatching(/sso\.agc\.gov\.sg/) } });
  });

  it('refuses a transfer within one country and a malformed country code with BAD_USER_INPUT', async () => {
    expect(errorCodes(await subgraph.exec(query, { from: 'SG', to: 'sg' }))).toEqual(['BAD_USER_INPUT']);
    const bad = await subgraph.exec(query, { from: 'SGP', to: 'CN' });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors?.[0]?.extensions?.['field']).toBe('from');
  });
});

describe('the MCC ↔ Standard Contract working comparison', () => {
  it('answers the reverse order with swapped sides and says when no comparison is recorded', async () => {
    const query = `query($a: MechanismKind!, $b: MechanismKind!) { mechanismComparison(a: $a, b: $b) { available disclaimer rows { topic alignment a { mechanism } } } }`;
    type R = {
      mechanismComparison: {
        available: boolean;
        disclaimer: string;
        rows: { topic: string; alignment: string; a: { mechanism: string } }[];
      };
    };
    const forward = await subgraph.exec<R>(query, { a: 'ASEAN_MCC_C2C', b: 'CN_STANDARD_CONTRACT' });
    const reverse = await subgraph.exec<R>(query, { a: 'CN_STANDARD_CONTRACT', b: 'ASEAN_MCC_C2C' });
    const filing = (r: R) => r.mechanismComparison.rows.find((row) => row.topic === 'FILING_REGISTRATION');
    expect(filing(forward.data!)?.alignment).toBe('ONLY_IN_B');
    expect(filing(reverse.data!)).toMatchObject({
      alignment: 'ONLY_IN_A',
      a: { mechanism: 'CN_STANDARD_CONTRACT' },
    });
    expect(forward.data!.mechanismComparison.disclaimer).toMatch(/working comparison/);
    const none = await subgraph.exec<R>(query, { a: 'APEC_CBPR', b: 'CN_CERTIFICATION' });
    expect(none.data!.mechanismComparison).toMatchObject({ available: false, rows: [] });
    expect(none.data!.mechanismComparison.disclaimer).toMatch(/No working comparison/);
  });
});

describe('running pilots', () => {
  it('lets an ORG_ADMIN of a participant propose a pilot, audited in the same transaction', async () => {
    const admin = as('sg-pdpc', Role.OrgAdmin);
    const result = await subgraph.exec<{
      proposeDataFlowPilot: { id: string; status: string; countries: { code: string }[] };
    }>(PROPOSE, { input: proposal() }, admin);
    expect(result.errors).toBeUndefined();
    const pilot = result.data!.proposeDataFlowPilot;
    expect(pilot.status).toBe('PROPOSED');
    expect(pilot.countries.map((c) => c.code)).toEqual(['CN', 'SG']);
    const audit = await subgraph.db.select().from(t.auditLog).where(eq(t.auditLog.targetId, pilot.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      operation: 'proposeDataFlowPilot',
      actorOrg: 'sg-pdpc',
      actorSub: admin!.sub,
    });
  });

  it('refuses anonymous callers, members and admins of organizations outside the pilot', async () => {
    const before = await pilotCount();
    expect(errorCodes(await subgraph.exec(PROPOSE, { input: proposal() }))).toEqual(['UNAUTHENTICATED']);
    expect(
      errorCodes(await subgraph.exec(PROPOSE, { input: proposal() }, as('sg-pdpc', Role.Member))),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await subgraph.exec(PROPOSE, { input: proposal() }, as('my-jpdp', Role.OrgAdmin))),
    ).toEqual(['FORBIDDEN']);
    expect(await pilotCount()).toBe(before);
  });

  it.each([
    ['a single country', { countryCodes: ['SG'] }, 'input.countryCodes'],
    ['an empty name', { name: '  ' }, 'input.name'],
    ['an end before the start', { endsOn: '2026-01-01' }, 'input.endsOn'],
    ['a malformed organization id', { organizationIds: ['Not An Id'] }, 'input.organizationIds'],
  ])('answers %s with BAD_USER_INPUT naming %s and stores nothing', async (_label, change, field) => {
    const before = await pilotCount();
    const result = await subgraph.exec(
      PROPOSE,
      { input: { ...proposal(), ...change } },
      as(null, Role.Secretariat),
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
    expect(await pilotCount()).toBe(before);
  });

  it('answers a country without a policy with NOT_FOUND', async () => {
    const result = await subgraph.exec(
      PROPOSE,
      { input: { ...proposal(), countryCodes: ['SG', 'ZZ'] } },
      as(null, Role.Secretariat),
    );
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
  });

  it('moves a pilot only along valid transitions, approval by the secretariat, with versions checked', async () => {
    const admin = as('cn-cac', Role.OrgAdmin);
    const secretariat = as('asean-secretariat', Role.Secretariat);
    const created = await subgraph.exec<{ proposeDataFlowPilot: { id: string; version: number } }>(
      PROPOSE,
      { input: proposal() },
      admin,
    );
    const id = created.data!.proposeDataFlowPilot.id;
    const move = (to: string, caller = admin, expectedVersion?: number) =>
      subgraph.exec<{ advanceDataFlowPilot: { status: string; version: number } }>(
        ADVANCE,
        { input: { id, to, expectedVersion } },
        caller,
      );

    expect(errorCodes(await move('ACTIVE'))).toEqual(['CONFLICT']);
    expect(errorCodes(await move('APPROVED'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await move('APPROVED', secretariat, 99))).toEqual(['CONFLICT']);
    expect((await move('APPROVED', secretariat, 1)).data?.advanceDataFlowPilot).toMatchObject({
      status: 'APPROVED',
      version: 2,
    });
    expect((await move('ACTIVE')).data?.advanceDataFlowPilot.status).toBe('ACTIVE');
    expect((await move('SUSPENDED')).data?.advanceDataFlowPilot.status).toBe('SUSPENDED');
    expect((await move('ACTIVE')).data?.advanceDataFlowPilot.status).toBe('ACTIVE');
    expect(errorCodes(await move('CONCLUDED', as('my-jpdp', Role.OrgAdmin)))).toEqual(['FORBIDDEN']);
    expect((await move('CONCLUDED')).data?.advanceDataFlowPilot.status).toBe('CONCLUDED');
    expect(errorCodes(await move('ACTIVE'))).toEqual(['CONFLICT']);
    const audit = await subgraph.db.select().from(t.auditLog).where(eq(t.auditLog.targetId, id));
    expect(audit.map((a) => a.operation)).toEqual([
      'proposeDataFlowPilot',
      ...Array<string>(5).fill('advanceDataFlowPilot'),
    ]);
  });

  it('records and completes milestones, refusing future completion and unknown pilots', async () => {
    const admin = as('cn-cac', Role.OrgAdmin);
    const record = `mutation($input: RecordPilotMilestoneInput!) { recordPilotMilestone(input: $input) { version milestones { id title doneOn } } }`;
    type R = {
      recordPilotMilestone: {
        version: number;
        milestones: { id: string; title: string; doneOn: string | null }[];
      };
    };
    const added = await subgraph.exec<R>(
      record,
      { input: { pilotId: 'demo-sg-cn-cross-border-ecommerce', title: 'Test review', dueOn: '2027-02-01' } },
      admin,
    );
    expect(added.errors).toBeUndefined();
    const milestone = added.data!.recordPilotMilestone.milestones.find((m) => m.title === 'Test review')!;
    const done = await subgraph.exec<R>(
      record,
      {
        input: {
          pilotId: 'demo-sg-cn-cross-border-ecommerce',
          milestoneId: milestone.id,
          doneOn: '2026-11-01',
        },
      },
      admin,
    );
    expect(done.data!.recordPilotMilestone.milestones.find((m) => m.id === milestone.id)?.doneOn).toBe(
      '2026-11-01',
    );
    const future = await subgraph.exec(
      record,
      {
        input: {
          pilotId: 'demo-sg-cn-cross-border-ecommerce',
          milestoneId: milestone.id,
          doneOn: '2999-01-01',
        },
      },
      admin,
    );
    expect(errorCodes(future)).toEqual(['BAD_USER_INPUT']);
    const unknown = await subgraph.exec(
      record,
      { input: { pilotId: 'nope', title: 'x', dueOn: '2027-01-01' } },
      as(null, Role.Secretariat),
    );
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });

  it('pages pilots by keyset and filters them by status and country', async () => {
    const result = await subgraph.exec<{
      dataFlowPilots: { totalCount: number; edges: { node: { status: string } }[] };
    }>(
      `{ dataFlowPilots(filter: { statuses: [ACTIVE], countryCode: "cn" }, first: 1) { totalCount edges { node { status } } pageInfo { hasNextPage } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.dataFlowPilots.totalCount).toBeGreaterThanOrEqual(1);
    for (const { node } of result.data!.dataFlowPilots.edges) expect(node.status).toBe('ACTIVE');
    expect(errorCodes(await subgraph.exec(`{ dataFlowPilots(after: "nope") { totalCount } }`))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
