/**
 * The role table of the authorization matrix, through the running gateway: for every role, which
 * changes across the four subgraphs it may make. The expected outcomes are written out by hand
 * from the role table (platform/src/roles.ts), never computed by the code under test. The
 * role × TLP × operation matrix is authorization-matrix.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { startGraph, type Graph } from './harness.ts';
import {
  F,
  N,
  OK,
  REPORT,
  REPORTING_ORG,
  U,
  expectRefused,
  must,
  reportIncident,
  tokensFor,
  type MutateOutcome,
  type Response,
  type RoleSpec,
} from './authorization-matrix-helpers.ts';

let graph: Graph;

afterAll(async () => {
  await graph?.close();
});

/**
 * The role table, change by change: what MEMBER, ORG_ADMIN and SECRETARIAT (and a token naming an
 * organization but no known role) may change in each subgraph. Every attempt is made on records
 * of its own, so each outcome is judged alone.
 */
describe('the role table: which changes each role may make', () => {
  const ACTING_ORG = 'th-ncsa'; // also Thailand's AI-policy delegate in the seed

  type ChangeRole = 'anonymous' | 'member' | 'orgAdmin' | 'otherAdmin' | 'secretariat' | 'roleless';
  const CHANGE_ROLES: readonly { key: ChangeRole; label: string; token: RoleSpec['token'] }[] = [
    { key: 'anonymous', label: 'an anonymous caller', token: null },
    { key: 'member', label: `a MEMBER of ${ACTING_ORG}`, token: { org: ACTING_ORG, roles: [Role.Member] } },
    {
      key: 'orgAdmin',
      label: `an ORG_ADMIN of ${ACTING_ORG}`,
      token: { org: ACTING_ORG, roles: [Role.OrgAdmin] },
    },
    {
      key: 'otherAdmin',
      label: 'an ORG_ADMIN of another organization',
      token: { org: 'ph-certph', roles: [Role.OrgAdmin] },
    },
    {
      key: 'secretariat',
      label: 'the SECRETARIAT',
      token: { org: 'asean-secretariat', roles: [Role.Secretariat] },
    },
    {
      key: 'roleless',
      label: `a token of ${ACTING_ORG} with no known role`,
      token: { org: ACTING_ORG, roles: [] },
    },
  ];

  type ChangeName =
    | 'reportIncident'
    | 'publishAdvisory'
    | 'reportPhishing'
    | 'postIncidentUpdate'
    | 'changeIncidentStatus'
    | 'requestAssistance'
    | 'respondToAssistanceRequest'
    | 'updateOrganization'
    | 'addContact'
    | 'scheduleActivity'
    | 'proposeDataFlowPilot'
    | 'advanceDataFlowPilot'
    | 'recordPolicyPosition'
    | 'createOrganization'
    | 'addPrincipleMapping'
    | 'incidentsAuditLog';

  /** Outcomes written out by hand from the role table in README / platform/src/roles.ts. */
  // prettier-ignore
  const EXPECTED: Readonly<Record<ChangeName, Readonly<Record<ChangeRole, MutateOutcome>>>> = {
    reportIncident:             { anonymous: U, member: OK, orgAdmin: OK, otherAdmin: OK, secretariat: F,  roleless: F },
    publishAdvisory:            { anonymous: U, member: OK, orgAdmin: OK, otherAdmin: OK, secretariat: F,  roleless: F },
    reportPhishing:             { anonymous: U, member: OK, orgAdmin: OK, otherAdmin: OK, secretariat: F,  roleless: F },
    postIncidentUpdate:         { anonymous: U, member: OK, orgAdmin: OK, otherAdmin: OK, secretariat: OK, roleless: F },
    changeIncidentStatus:       { anonymous: U, member: OK, orgAdmin: OK, otherAdmin: F,  secretariat: OK, roleless: F },
    requestAssistance:          { anonymous: U, member: OK, orgAdmin: OK, otherAdmin: F,  secretariat: OK, roleless: F },
    respondToAssistanceRequest: { anonymous: U, member: OK, orgAdmin: OK, otherAdmin: N,  secretariat: F,  roleless: F },
    updateOrganization:         { anonymous: U, member: F,  orgAdmin: OK, otherAdmin: F,  secretariat: OK, roleless: F },
    addContact:                 { anonymous: U, member: F,  orgAdmin: OK, otherAdmin: F,  secretariat: OK, roleless: F },
    scheduleActivity:           { anonymous: U, member: F,  orgAdmin: OK, otherAdmin: F,  secretariat: OK, roleless: F },
    proposeDataFlowPilot:       { anonymous: U, member: F,  orgAdmin: OK, otherAdmin: F,  secretariat: OK, roleless: F },
    advanceDataFlowPilot:       { anonymous: U, member: F,  orgAdmin: F,  otherAdmin: F,  secretariat: OK, roleless: F },
    recordPolicyPosition:       { anonymous: U, member: F,  orgAdmin: OK, otherAdmin: F,  secretariat: OK, roleless: F },
    createOrganization:         { anonymous: U, member: F,  orgAdmin: F,  otherAdmin: F,  secretariat: OK, roleless: F },
    addPrincipleMapping:        { anonymous: U, member: F,  orgAdmin: F,  otherAdmin: F,  secretariat: OK, roleless: F },
    incidentsAuditLog:          { anonymous: U, member: F,  orgAdmin: F,  otherAdmin: F,  secretariat: OK, roleless: F },
  };

  /** Whether contacts' e-mail addresses (personal details, for members of the mechanism) are shown. */
  const SEES_PERSONAL_DETAILS: Readonly<Record<ChangeRole, boolean>> = {
    anonymous: false,
    member: true,
    orgAdmin: true,
    otherAdmin: true,
    secretariat: true,
    roleless: false,
  };

  const PHRASES: Readonly<Record<ChangeName, string>> = {
    reportIncident: 'report an incident for its organization',
    publishAdvisory: 'publish an advisory for its organization',
    reportPhishing: 'report a phishing verdict for its organization',
    postIncidentUpdate: 'post a timeline entry on another organization’s TLP:GREEN incident',
    changeIncidentStatus: `move an incident reported by ${ACTING_ORG} along its lifecycle`,
    requestAssistance: `ask for assistance with an incident reported by ${ACTING_ORG}`,
    respondToAssistanceRequest: `answer an assistance request made of ${ACTING_ORG}`,
    updateOrganization: `change the ${ACTING_ORG} organization profile`,
    addContact: `add a point of contact to ${ACTING_ORG}`,
    scheduleActivity: `schedule an activity hosted by ${ACTING_ORG}`,
    proposeDataFlowPilot: `propose a data-flow pilot ${ACTING_ORG} takes part in`,
    advanceDataFlowPilot: `approve a data-flow pilot ${ACTING_ORG} takes part in`,
    recordPolicyPosition: 'record Thailand’s AI-policy position',
    createOrganization: 'register a new organization',
    addPrincipleMapping: 'add a principle mapping to the AI crosswalk',
    incidentsAuditLog: 'read the audit log',
  };

  /** Records each role's attempts work on, so no attempt depends on another's outcome. */
  interface RoleFixtures {
    ownIncident: string;
    askedRequest: string;
    pilot: string;
  }

  let changeTokens: Map<ChangeRole, string | undefined>;
  const fixtures = {} as Record<ChangeRole, RoleFixtures>;
  let foreignIncident: string;
  const outcomes = {} as Record<ChangeName, Record<ChangeRole, Response<Record<string, unknown>>>>;
  const emails = {} as Record<
    ChangeRole,
    Response<{ organization: { contacts: { email: string | null }[] } }>
  >;

  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  const reportGreen = (title: string, token: string | undefined) =>
    reportIncident(
      graph,
      {
        title,
        summary: 'Exercise scenario for the role table (test data).',
        category: 'MALWARE',
        severity: 'LOW',
        tlp: 'GREEN',
        affectedCountryCodes: ['TH'],
      },
      token,
    );

  type Attempt = (role: ChangeRole, token: string | undefined) => Promise<Response<Record<string, unknown>>>;
  const run =
    (query: string, variables: (role: ChangeRole) => Record<string, unknown>): Attempt =>
    (role, token) =>
      graph.query(query, variables(role), token);

  const ATTEMPTS: Readonly<Record<ChangeName, Attempt>> = {
    reportIncident: (role, token) =>
      graph.query(
        REPORT,
        {
          input: {
            title: `Role table: incident reported by ${role}`,
            summary: 'Exercise scenario for the role table (test data).',
            category: 'OTHER',
            severity: 'LOW',
            tlp: 'GREEN',
            affectedCountryCodes: ['TH'],
          },
        },
        token,
      ),
    publishAdvisory: run(
      `mutation ($i: PublishAdvisoryInput!) { publishAdvisory(input: $i) { id } }`,
      (role) => ({
        i: {
          title: `Role table: advisory by ${role}`,
          body: 'Test advisory.',
          severity: 'LOW',
          tlp: 'GREEN',
        },
      }),
    ),
    reportPhishing: run(
      `mutation ($i: ReportPhishingInput!) { reportPhishing(input: $i) { id } }`,
      (role) => ({
        i: {
          url: `https://role-table-${role.toLowerCase()}.example/login`,
          observedAt: new Date(Date.now() - 60_000).toISOString(),
          targetedCountries: ['TH'],
          verdict: { detector: 'role-table', score: 0.2, label: 'suspicious' },
        },
      }),
    ),
    postIncidentUpdate: run(
      `mutation ($i: PostIncidentUpdateInput!) { postIncidentUpdate(input: $i) { id } }`,
      (role) => ({ i: { incidentId: foreignIncident, body: `Seen here too (${role}).` } }),
    ),
    changeIncidentStatus: run(
      `mutation ($i: ChangeIncidentStatusInput!) { changeIncidentStatus(input: $i) { id status } }`,
      (role) => ({ i: { id: fixtures[role].ownIncident, expectedVersion: 1, status: 'TRIAGED' } }),
    ),
    requestAssistance: run(
      `mutation ($i: RequestAssistanceInput!) { requestAssistance(input: $i) { id } }`,
      (role) => ({
        i: {
          incidentId: fixtures[role].ownIncident,
          organizationId: 'vn-vncert',
          kinds: ['ANALYSIS'],
          description: 'Please analyse the sample.',
        },
      }),
    ),
    respondToAssistanceRequest: run(
      `mutation ($i: RespondToAssistanceRequestInput!) { respondToAssistanceRequest(input: $i) { status } }`,
      (role) => ({ i: { requestId: fixtures[role].askedRequest, status: 'ACCEPTED', note: 'On it.' } }),
    ),
    updateOrganization: run(
      `mutation ($i: UpdateOrganizationInput!) { updateOrganization(input: $i) { id } }`,
      (role) => ({ i: { id: ACTING_ORG, constituency: `Role table test (${role})` } }),
    ),
    addContact: run(`mutation ($i: AddContactInput!) { addContact(input: $i) { id } }`, (role) => ({
      i: {
        organizationId: ACTING_ORG,
        name: `Role table desk (${role})`,
        email: `role-table-${role.toLowerCase()}@ncsa.example`,
        roles: ['INCIDENT_RESPONSE'],
        available24x7: false,
        timezone: 'Asia/Bangkok',
      },
    })),
    scheduleActivity: run(
      `mutation ($i: ScheduleActivityInput!) { scheduleActivity(input: $i) { id } }`,
      (role) => ({
        i: {
          kind: 'SEMINAR',
          title: `Role table seminar (${role})`,
          startsOn: '2027-03-01',
          hostOrganizationId: ACTING_ORG,
        },
      }),
    ),
    proposeDataFlowPilot: run(
      `mutation ($i: ProposeDataFlowPilotInput!) { proposeDataFlowPilot(input: $i) { id } }`,
      (role) => ({
        i: {
          name: `Role table pilot proposed by ${role}`,
          description: 'E2E test record.',
          countryCodes: ['TH', 'CN'],
          organizationIds: [ACTING_ORG, 'cn-cac'],
          mechanisms: ['CN_STANDARD_CONTRACT'],
        },
      }),
    ),
    advanceDataFlowPilot: run(
      `mutation ($i: AdvanceDataFlowPilotInput!) { advanceDataFlowPilot(input: $i) { status } }`,
      (role) => ({ i: { id: fixtures[role].pilot, to: 'APPROVED' } }),
    ),
    recordPolicyPosition: run(
      `mutation ($i: RecordPolicyPositionInput!) { recordPolicyPosition(input: $i) { id } }`,
      (role) => ({
        i: {
          countryCode: 'TH',
          topic: 'capacity-building',
          stance: 'SUPPORTS',
          summary: `End-to-end test statement (fictional), recorded by ${role}.`,
          statedOn: yesterday,
          sourceTitle: 'Test source',
          sourceUrl: 'https://example.org/e2e',
        },
      }),
    ),
    createOrganization: run(
      `mutation ($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }`,
      (role) => ({ i: { countryCode: 'TH', name: `Role table organization (${role})`, kind: 'CERT' } }),
    ),
    addPrincipleMapping: run(
      `mutation ($i: AddPrincipleMappingInput!) { addPrincipleMapping(input: $i) { id } }`,
      () => ({
        i: { fromPrincipleId: 'asean-guide-2', toPrincipleId: 'gaigi-1', relation: 'RELATED', note: 'Test.' },
      }),
    ),
    incidentsAuditLog: run(`{ incidentsAuditLog(first: 1) { totalCount } }`, () => ({})),
  };

  beforeAll(async () => {
    graph = await startGraph();
    changeTokens = await tokensFor(graph, CHANGE_ROLES);
    const acting = changeTokens.get('member');
    const reporter = await graph.token(REPORTING_ORG, [Role.Member]);
    const secretariat = changeTokens.get('secretariat');

    foreignIncident = await reportGreen('Role table: another organization’s incident', reporter);
    const askingAbout = await reportGreen('Role table: incident that needs help', reporter);
    for (const { key } of CHANGE_ROLES) {
      const ownIncident = await reportGreen(`Role table: ${ACTING_ORG} incident for ${key}`, acting);
      const asked = await must<{ requestAssistance: { id: string } }>(
        graph,
        `mutation ($i: RequestAssistanceInput!) { requestAssistance(input: $i) { id } }`,
        {
          i: {
            incidentId: askingAbout,
            organizationId: ACTING_ORG,
            kinds: ['ANALYSIS'],
            description: `Help wanted (${key}).`,
          },
        },
        reporter,
      );
      const pilot = await must<{ proposeDataFlowPilot: { id: string } }>(
        graph,
        `mutation ($i: ProposeDataFlowPilotInput!) { proposeDataFlowPilot(input: $i) { id } }`,
        {
          i: {
            name: `Role table pilot to approve (${key})`,
            description: 'E2E test record.',
            countryCodes: ['TH', 'CN'],
            organizationIds: [ACTING_ORG, 'cn-cac'],
            mechanisms: ['CN_STANDARD_CONTRACT'],
          },
        },
        secretariat,
      );
      fixtures[key] = {
        ownIncident,
        askedRequest: asked.requestAssistance.id,
        pilot: pilot.proposeDataFlowPilot.id,
      };
    }

    for (const name of Object.keys(ATTEMPTS) as ChangeName[]) {
      outcomes[name] = {} as Record<ChangeRole, Response<Record<string, unknown>>>;
      for (const { key } of CHANGE_ROLES)
        outcomes[name][key] = await ATTEMPTS[name](key, changeTokens.get(key));
    }
    for (const { key } of CHANGE_ROLES)
      emails[key] = await graph.query(
        `{ organization(id: "bn-brucert") { contacts { email } } }`,
        {},
        changeTokens.get(key),
      );
  });

  const CHANGE_CASES = (Object.keys(EXPECTED) as ChangeName[]).flatMap((name) =>
    CHANGE_ROLES.map((role) => {
      const outcome = EXPECTED[name][role.key];
      const title =
        outcome === OK
          ? `${role.label} may ${PHRASES[name]}`
          : `${role.label} may not ${PHRASES[name]} (${outcome})`;
      return [title, name, role.key, outcome] as const;
    }),
  );

  it('covers 6 callers × 16 changes', () => {
    expect(CHANGE_CASES).toHaveLength(6 * 16);
  });

  it.each(CHANGE_CASES)('%s', (_title, name, role, outcome) => {
    const response = outcomes[name][role];
    if (outcome === OK) {
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      expect(response.data?.[name]).toBeTruthy();
      return;
    }
    expectRefused(response, outcome);
  });

  it.each(CHANGE_ROLES.map((role) => [role.label, role.key] as const))(
    'shows %s contacts’ personal details only if it is a member of the mechanism',
    (_label, role) => {
      const response = emails[role];
      expect(response.errors).toBeUndefined();
      const addresses = response.data!.organization.contacts.map((contact) => contact.email);
      expect(addresses.length).toBeGreaterThan(0);
      if (SEES_PERSONAL_DETAILS[role]) for (const address of addresses) expect(address).toMatch(/@/);
      else expect(addresses.every((address) => address === null)).toBe(true);
    },
  );
});
