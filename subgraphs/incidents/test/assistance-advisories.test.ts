/**
 * `Query.assistanceRequests` (requests across incidents, keyset-paged, TLP and request visibility
 * in SQL) and `Incident.advisories` (advisories naming one of the incident's indicators, TLP
 * filtered), in process on a private copy of the seeded database (test/harness.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { as, errorCodes, startIncidents } from './harness.ts';

let subgraph: Awaited<ReturnType<typeof startIncidents>>;
beforeAll(async () => {
  subgraph = await startIncidents();
});
afterAll(() => subgraph?.close());

const REPORTER = 'my-mycert';
const ASKED = 'sg-csa';
const OTHER_ASKED = 'th-thaicert';
const OUTSIDER = 'vn-vncert';
const unique = () => Math.random().toString(36).slice(2);

async function must<T>(query: string, variables: Record<string, unknown>, org: string | null, role?: Role) {
  const result = await subgraph.exec<T>(query, variables, org ? as(org, role ?? Role.Member) : null);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}

async function report(tlp: string, indicators: { type: string; value: string }[] = []) {
  const data = await must<{ reportIncident: { id: string } }>(
    `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`,
    {
      input: {
        title: `Assistance list incident ${unique()}`,
        summary: 'Test data.',
        category: 'MALWARE',
        severity: 'HIGH',
        tlp,
        affectedCountryCodes: ['MY'],
        indicators,
      },
    },
    REPORTER,
  );
  return data.reportIncident.id;
}

async function ask(incidentId: string, organizationId: string) {
  const data = await must<{ requestAssistance: { id: string } }>(
    `mutation ($input: RequestAssistanceInput!) { requestAssistance(input: $input) { id } }`,
    { input: { incidentId, organizationId, kinds: ['ANALYSIS'], description: 'Please look.' } },
    REPORTER,
  );
  return data.requestAssistance.id;
}

const LIST = /* GraphQL */ `
  query ($filter: AssistanceRequestFilter, $first: Int, $after: String) {
    assistanceRequests(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          requestedAt
          incident {
            id
          }
        }
      }
    }
  }
`;
type Page = {
  assistanceRequests: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; status: string; requestedAt: string; incident: { id: string } } }[];
  };
};

const list = async (org: string | null, filter: Record<string, unknown> | null, first = 500, role?: Role) =>
  (await must<Page>(LIST, { filter, first }, org, role)).assistanceRequests;
const ids = (page: Page['assistanceRequests']) => page.edges.map((e) => e.node.id);

describe('Query.assistanceRequests', () => {
  let amberRequest: string;
  let greenRequest: string;
  beforeAll(async () => {
    amberRequest = await ask(await report('AMBER'), ASKED);
    greenRequest = await ask(await report('GREEN'), OTHER_ASKED);
  });

  it('lists requests asked of the caller’s organization, or asked by it, waiting for an answer', async () => {
    const toAsked = await list(ASKED, { status: ['OPEN'], direction: 'TO_MY_ORGANIZATION' });
    expect(ids(toAsked)).toContain(amberRequest);
    expect(ids(toAsked)).not.toContain(greenRequest);
    expect(toAsked.totalCount).toBe(toAsked.edges.length);
    const toOther = await list(OTHER_ASKED, { status: ['OPEN'], direction: 'TO_MY_ORGANIZATION' });
    expect(ids(toOther)).toContain(greenRequest);
    expect(ids(toOther)).not.toContain(amberRequest);
    const fromReporter = await list(REPORTER, { status: ['OPEN'], direction: 'FROM_MY_ORGANIZATION' });
    expect(ids(fromReporter).slice(0, 2)).toEqual([greenRequest, amberRequest]);
    // The asked organization asked nothing itself here.
    expect(ids(await list(ASKED, { direction: 'FROM_MY_ORGANIZATION' }))).not.toContain(amberRequest);
  });

  it('hides requests of incidents a caller may read but is not party to, and all from anonymous callers', async () => {
    // The GREEN incident is readable by every member, its assistance requests are not.
    const outsider = await list(OUTSIDER, null);
    expect(ids(outsider)).not.toContain(greenRequest);
    expect(ids(outsider)).not.toContain(amberRequest);
    expect(outsider.totalCount).toBe(outsider.edges.length);
    const anonymous = await list(null, null);
    expect(anonymous).toMatchObject({ totalCount: 0, edges: [] });
    // A token naming an organization but no role reads what anonymous callers read.
    const noRole = await subgraph.exec<Page>(LIST, { filter: null }, as(ASKED));
    expect(noRole.data?.assistanceRequests.totalCount).toBe(0);
    // The SECRETARIAT coordinates: it sees every request of incidents it may read (the GREEN one).
    expect(ids(await list('asean-secretariat', null, 500, Role.Secretariat))).toContain(greenRequest);
  });

  it('pages by cursor, newest request first, consistently with totalCount', async () => {
    const whole = await list(REPORTER, { direction: 'FROM_MY_ORGANIZATION' });
    expect(whole.totalCount).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page['assistanceRequests'] = (
        await must<Page>(LIST, { filter: { direction: 'FROM_MY_ORGANIZATION' }, first: 1, after }, REPORTER)
      ).assistanceRequests;
      expect(page.totalCount).toBe(whole.totalCount);
      seen.push(...ids(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids(whole));
    const times = whole.edges.map((e) => Date.parse(e.node.requestedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const forged = await subgraph.exec(LIST, { first: 1, after: 'not-a-cursor' }, as(REPORTER, Role.Member));
    expect(errorCodes(forged)).toEqual(['BAD_USER_INPUT']);
  });

  it('drops an answered request from the OPEN list and keeps it under its new status', async () => {
    await must(
      `mutation ($input: RespondToAssistanceRequestInput!) { respondToAssistanceRequest(input: $input) { id } }`,
      { input: { requestId: amberRequest, status: 'ACCEPTED' } },
      ASKED,
    );
    expect(ids(await list(ASKED, { status: ['OPEN'], direction: 'TO_MY_ORGANIZATION' }))).not.toContain(
      amberRequest,
    );
    expect(ids(await list(ASKED, { status: ['ACCEPTED', 'COMPLETED'] }))).toContain(amberRequest);
    expect(await list(ASKED, { status: [] })).toMatchObject({ totalCount: 0, edges: [] });
  });
});

describe('Incident.advisories', () => {
  // Two incidents in one request: one DataLoader batch finds the advisories of both.
  const ADVISORIES = /* GraphQL */ `
    query ($a: ID!, $b: ID!) {
      a: incident(id: $a) {
        ...named
      }
      b: incident(id: $b) {
        ...named
      }
    }
    fragment named on Incident {
      id
      advisories {
        id
      }
    }
  `;

  it('lists the advisories naming one of its indicators that the caller may read, newest first', async () => {
    const domain = `evil-${unique()}.example`;
    const publish = async (tlp: string, value: string) =>
      (
        await must<{ publishAdvisory: { id: string } }>(
          `mutation ($input: PublishAdvisoryInput!) { publishAdvisory(input: $input) { id } }`,
          {
            input: {
              title: `Advisory ${unique()}`,
              body: 'Test data.',
              severity: 'HIGH',
              tlp,
              indicators: [{ type: 'DOMAIN', value }],
            },
          },
          OTHER_ASKED,
        )
      ).publishAdvisory.id;
    const green = await publish('GREEN', domain);
    const amber = await publish('AMBER', domain.toUpperCase());
    const unrelated = await publish('GREEN', `other-${domain}`);
    const named = await report('GREEN', [{ type: 'DOMAIN', value: domain }]);
    const bare = await report('GREEN');
    type Named = { id: string; advisories: { id: string }[] };
    const read = async (org: string) => {
      const data = await must<{ a: Named; b: Named }>(ADVISORIES, { a: named, b: bare }, org);
      return Object.fromEntries([data.a, data.b].map((i) => [i.id, i.advisories.map((a) => a.id)]));
    };
    // The reporter may not read the publisher's AMBER advisory; the publisher may.
    expect(await read(REPORTER)).toEqual({ [named]: [green], [bare]: [] });
    expect(await read(OTHER_ASKED)).toEqual({ [named]: [amber, green], [bare]: [] });
    expect((await read(OTHER_ASKED))[named]).not.toContain(unrelated);
  });
});
