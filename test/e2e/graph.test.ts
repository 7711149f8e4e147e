import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '@cadg/gateway';
import { Role } from '@cadg/platform';
import { codesOf, startGraph, type Graph } from './harness.ts';

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(() => graph?.close());

const ADD_CONTACT = /* GraphQL */ `
  mutation AddContact($input: AddContactInput!) {
    addContact(input: $input) {
      id
      name
      email
      organization {
        id
        name
        country {
          code
        }
      }
    }
  }
`;
const contactInput = (organizationId: string, email: string) => ({
  organizationId,
  name: 'E2E Liaison (fictional)',
  title: 'Liaison officer',
  email,
  phone: '+65 6000 0123',
  roles: ['THREAT_SHARING'],
  available24x7: false,
  timezone: 'Asia/Singapore',
  pgpFingerprint: null,
});

describe('the federated graph through the gateway', () => {
  it('returns the twelve countries with their organizations', async () => {
    const response = await graph.query<{
      countries: {
        code: string;
        name: string;
        aseanMember: boolean;
        organizations: { name: string; kind: string }[];
      }[];
    }>(`{ countries { code name aseanMember organizations { name kind } } }`);
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    const countries = response.data!.countries;
    expect(countries.map((c) => c.code).sort()).toEqual(
      ['BN', 'CN', 'ID', 'KH', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN'].sort(),
    );
    for (const country of countries) expect(country.organizations.length, country.code).toBeGreaterThan(0);
    const kinds = new Set(countries.flatMap((c) => c.organizations.map((o) => o.kind)));
    expect(kinds.has('CERT')).toBe(true);
  });

  it('answers GraphQL over HTTP GET as well as POST', async () => {
    const url = new URL(graph.gatewayUrl);
    url.searchParams.set('query', '{ country(code: "SG") { alpha3 aseanMemberSince } }');
    const response = await fetch(url, { headers: { accept: 'application/graphql-response+json' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { country: { alpha3: 'SGP', aseanMemberSince: '1967-08-08' } },
    });
  });

  it('pages a connection through the gateway without gaps or repeats', async () => {
    const query = `query($after: String) { organizations(first: 10, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      organizations: {
        totalCount: number;
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const ids: string[] = [];
    let after: string | null = null;
    let total = -1;
    do {
      const response: Awaited<ReturnType<Graph['query']>> & { data?: Page | null } = await graph.query<Page>(
        query,
        { after },
      );
      const page: Page['organizations'] = response.data!.organizations;
      total = page.totalCount;
      ids.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it('shows anonymous callers contacts without e-mail or phone, and members with them', async () => {
    const query = `{ contacts(first: 3, filter: { role: INCIDENT_RESPONSE }) { edges { node { name email phone organization { name } } } } }`;
    const anonymous = await graph.query<{
      contacts: { edges: { node: { name: string; email: null; phone: null } }[] };
    }>(query);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.contacts.edges).toHaveLength(3);
    for (const { node } of anonymous.data!.contacts.edges)
      expect(node).toMatchObject({ email: null, phone: null });

    const member = await graph.query<{ contacts: { edges: { node: { email: string } }[] } }>(
      query,
      {},
      await graph.token('th-thaicert', [Role.Member]),
    );
    for (const { node } of member.data!.contacts.edges) expect(node.email).toMatch(/\.example$/);
  });

  it('lets an ORG_ADMIN add a contact to its own organization and refuses another organization with FORBIDDEN', async () => {
    const admin = await graph.token('sg-csa', [Role.OrgAdmin, Role.Member]);
    const own = await graph.query<{
      addContact: { email: string; organization: { id: string; country: { code: string } } };
    }>(ADD_CONTACT, { input: contactInput('sg-csa', 'e2e-liaison@csa.example') }, admin);
    expect(own.errors).toBeUndefined();
    expect(own.data!.addContact).toMatchObject({
      email: 'e2e-liaison@csa.example',
      organization: { id: 'sg-csa', country: { code: 'SG' } },
    });

    const other = await graph.query(
      ADD_CONTACT,
      { input: contactInput('my-mycert', 'e2e-intruder@csa.example') },
      admin,
    );
    expect(codesOf(other)).toEqual(['FORBIDDEN']);
    const check = await graph.query<{ contacts: { totalCount: number } }>(
      `{ contacts(filter: { organizationId: "my-mycert", text: "E2E Liaison" }) { totalCount } }`,
    );
    expect(check.data!.contacts.totalCount).toBe(0);
  });

  it('answers bad input with BAD_USER_INPUT or NOT_FOUND and stores nothing', async () => {
    const secretariat = await graph.token('asean-secretariat', [Role.Secretariat]);
    const count = async () =>
      (await graph.query<{ contacts: { totalCount: number } }>(`{ contacts { totalCount } }`)).data!.contacts
        .totalCount;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not an email' }, 'BAD_USER_INPUT'],
      [{ timezone: 'GMT+7' }, 'BAD_USER_INPUT'],
      [{ pgpFingerprint: '1234' }, 'BAD_USER_INPUT'],
      [{ organizationId: 'zz-unknown' }, 'NOT_FOUND'],
    ];
    for (const [change, code] of cases) {
      const response = await graph.query(
        ADD_CONTACT,
        { input: { ...contactInput('sg-csa', 'x@csa.example'), ...change } },
        secretariat,
      );
      expect(codesOf(response), JSON.stringify(change)).toEqual([code]);
    }
    const badCountry = await graph.query(
      `{ organizations(filter: { countryCodes: ["Singapore"] }) { totalCount } }`,
    );
    expect(codesOf(badCountry)).toEqual(['BAD_USER_INPUT']);
    expect(await count()).toBe(before);
  });

  it('refuses a bad or expired token with UNAUTHENTICATED instead of treating the caller as anonymous', async () => {
    const forged = `${await graph.token('sg-csa', [Role.Secretariat])}x`;
    const bad = await graph.query(`{ countries { code } }`, {}, forged);
    expect(codesOf(bad)).toEqual(['UNAUTHENTICATED']);
    expect(bad.data ?? null).toBeNull();

    const expired = await graph.token('sg-csa', [Role.Member], '-1m');
    expect(codesOf(await graph.query(`{ countries { code } }`, {}, expired))).toEqual(['UNAUTHENTICATED']);
  });

  it('makes each subgraph verify tokens itself, so reaching it directly is no back door', async () => {
    const url = graph.subgraphUrls['contacts']!;
    const forged = `${await graph.token('sg-csa', [Role.Secretariat])}x`;
    const direct = await graph.query(`{ countries { code } }`, {}, forged, url);
    expect(codesOf(direct)).toEqual(['UNAUTHENTICATED']);
    const anonymous = await graph.query(
      ADD_CONTACT,
      { input: contactInput('sg-csa', 'direct@csa.example') },
      undefined,
      url,
    );
    expect(codesOf(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('reports liveness on /healthz and readiness of every subgraph on /readyz', async () => {
    const health = await fetch(new URL('/healthz', graph.baseUrl));
    expect(health.status).toBe(200);
    const ready = await fetch(new URL('/readyz', graph.baseUrl));
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { subgraphs: { name: string; ok: boolean }[] };
    expect(body.subgraphs).toHaveLength(subgraphs.length);
    expect(body.subgraphs).toEqual(
      expect.arrayContaining(subgraphs.map(({ name }) => expect.objectContaining({ name, ok: true }))),
    );
  });
});
