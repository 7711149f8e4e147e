import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '@cadg/gateway';
import { Role } from '@cadg/platform';
import { codesOf, startGraph, type Graph } from './harness.ts';
import {
  LIST,
  READ_ONE,
  RECIPIENT_ORG,
  REPORTING_ORG,
  reportIncident,
  ROLES,
  SHARE,
  SHARED_WITH,
  STATS,
  TLPS,
  tokensFor,
  type RoleKey,
} from './authorization-matrix-helpers.ts';
import { cachedProtection, post, startReplica, type Answer } from './response-cache-harness.ts';

// The authorization matrix run through the cache: every caller's answer through the caching
// gateway, first computed and then from the cache, must equal what a gateway without a cache
// answers the same caller. Any entry served across scopes would break the equality.
const CONTACTS = /* GraphQL */ `
  query CachedContacts {
    contacts(first: 20) {
      totalCount
      edges {
        node {
          id
          name
          email
          phone
        }
      }
    }
  }
`;

interface Operation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** What a caller may learn from an answer: its data and its error codes (messages carry request ids). */
const seen = (answer: Answer) => ({ data: answer.body.data ?? null, codes: codesOf(answer.body) });

describe('the response cache never answers one visibility scope with another scope’s entry', () => {
  let graph: Graph;
  let reference: Gateway;
  let referenceUrl: string;
  let tokens: Map<RoleKey, string | undefined>;
  const ids = new Map<string, string>();
  const operations: Operation[] = [];
  const protection = cachedProtection();

  beforeAll(async () => {
    graph = await startGraph({ protection });
    ({ gateway: reference, url: referenceUrl } = await startReplica(graph, protection, null));
    tokens = await tokensFor(graph, ROLES);
    const reporter = tokens.get('reporter');
    for (const tlp of TLPS) {
      const id = await reportIncident(
        graph,
        {
          title: `RC scope ${tlp}`,
          summary: 'Response cache scope test data.',
          category: 'MALWARE',
          severity: 'MEDIUM',
          tlp,
          affectedCountryCodes: ['MY'],
        },
        reporter,
      );
      ids.set(tlp, id);
      if (tlp === 'AMBER' || tlp === 'RED') {
        const shared = await post(
          graph.gatewayUrl,
          { query: SHARE },
          { id, organizationIds: [RECIPIENT_ORG] },
          reporter,
        );
        expect(shared.body.errors).toBeUndefined();
      }
    }
    operations.push(
      { name: 'list', query: LIST, variables: {} },
      { name: 'stats', query: STATS, variables: {} },
      { name: 'contacts', query: CONTACTS, variables: {} },
      ...TLPS.flatMap((tlp) => [
        { name: `read ${tlp}`, query: READ_ONE, variables: { id: ids.get(tlp) } },
        { name: `shared with ${tlp}`, query: SHARED_WITH, variables: { id: ids.get(tlp) } },
      ]),
    );
  });
  afterAll(async () => {
    await reference?.close();
    await graph?.close();
  });

  async function expectSameAsUncached(callers: readonly RoleKey[], round: 'computed' | 'cached') {
    for (const caller of callers) {
      for (const operation of operations) {
        const token = tokens.get(caller);
        const label = `${caller}: ${operation.name} (${round})`;
        const cached = await post(graph.gatewayUrl, { query: operation.query }, operation.variables, token);
        const uncached = await post(referenceUrl, { query: operation.query }, operation.variables, token);
        expect(seen(cached), label).toEqual(seen(uncached));
        // Answers with errors are never stored; the others come from the cache the second time.
        if (round === 'cached' && !cached.body.errors) expect(cached.cache, label).toBe('hit');
      }
    }
  }

  it('answers every caller exactly what an uncached gateway answers, computed and then cached', async () => {
    const callers = ROLES.map((role) => role.key);
    await expectSameAsUncached(callers, 'computed');
    // The other way round, so each entry is first asked for by a caller of another scope.
    await expectSameAsUncached([...callers].reverse(), 'cached');
  });

  it('keeps member data from anonymous callers and AMBER from organizations outside the circle', async () => {
    const anonymous = await post<{ incidents: { edges: { node: { title: string } }[] } }>(
      graph.gatewayUrl,
      { query: LIST },
      {},
    );
    const titles = anonymous.body.data!.incidents.edges.map((edge) => edge.node.title);
    expect(titles).toContain('RC scope CLEAR');
    expect(titles.filter((title) => title.startsWith('RC scope'))).toEqual(['RC scope CLEAR']);
    const contacts = await post<{
      contacts: { edges: { node: { email: string | null; phone: string | null } }[] };
    }>(graph.gatewayUrl, { query: CONTACTS }, {});
    expect(contacts.cache).toBe('hit');
    expect(contacts.body.data!.contacts.edges.length).toBeGreaterThan(0);
    for (const { node } of contacts.body.data!.contacts.edges)
      expect([node.email, node.phone]).toEqual([null, null]);
    const member = await post<typeof contacts.body.data>(
      graph.gatewayUrl,
      { query: CONTACTS },
      {},
      tokens.get('reporter'),
    );
    expect(member.body.data!.contacts.edges.some(({ node }) => node.email !== null)).toBe(true);
    const amber = { id: ids.get('AMBER') };
    const outsider = await post(graph.gatewayUrl, { query: READ_ONE }, amber, tokens.get('outsider'));
    expect(outsider.body.data?.['incident'] ?? null).toBeNull();
    const insider = await post(graph.gatewayUrl, { query: READ_ONE }, amber, tokens.get('recipient'));
    expect(insider.body.data?.['incident']).toMatchObject({ title: 'RC scope AMBER' });
  });

  it('shares entries within a scope and never across organizations with the same roles', async () => {
    const sameScope = await graph.token(REPORTING_ORG, [Role.Member]);
    const first = await post(graph.gatewayUrl, { query: LIST }, {}, tokens.get('reporter'));
    const colleague = await post(graph.gatewayUrl, { query: LIST }, {}, sameScope);
    expect(colleague.cache).toBe('hit');
    expect(colleague.text).toBe(first.text);
    const otherOrganization = await post(graph.gatewayUrl, { query: LIST }, {}, tokens.get('outsider'));
    expect(otherOrganization.text).not.toBe(first.text);
  });

  it('follows a widened circle at once: sharing AMBER with an organization changes its answers, no one else’s', async () => {
    const outsider = tokens.get('outsider');
    const amber = { id: ids.get('AMBER') };
    expect(
      (await post(graph.gatewayUrl, { query: READ_ONE }, amber, outsider)).body.data?.['incident'] ?? null,
    ).toBeNull();
    const shared = await post(
      graph.gatewayUrl,
      { query: SHARE },
      { ...amber, organizationIds: ['th-thaicert'] },
      tokens.get('reporter'),
    );
    expect(shared.body.errors).toBeUndefined();
    const after = await post(graph.gatewayUrl, { query: READ_ONE }, amber, outsider);
    expect(after.body.data?.['incident']).toMatchObject({ title: 'RC scope AMBER' });
    await expectSameAsUncached(['anonymous', 'outsider', 'outsiderAdmin', 'secretariat'], 'computed');
  });
});
