/**
 * Subgraph ports are as hard as the gateway (issue #16, finding 1): the same operation limits for
 * direct callers, no SDL, introspection or suggestions for them, JSON bodies only, and in production
 * nothing at all unless the gateway signed it. Everything here talks to real ports over HTTP and
 * graphql-ws; the gateway's own calls (signed) keep working in both modes.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { codesOf, startGraph, type Graph, type GraphQLResponse } from './harness.ts';
import { codesInWsError, overWebSocket, post, SUBGRAPHS } from './subgraph-port-clients.ts';

/**
 * The attack review's query: 844 bytes that cycle Incident.affectedCountries → Country.incidents
 * (first: 500) six levels deep through fragments. Sent to the incidents port of the old main it
 * answered 32 MB in 9.7 s; twelve levels took the process out of memory.
 */
const CYCLE = /* GraphQL */ `
  query Cycle {
    incidents(first: 500) {
      edges {
        node {
          ...L1
        }
      }
    }
  }
  fragment L1 on Incident {
    id
    affectedCountries {
      incidents(first: 500) {
        edges {
          node {
            ...L2
          }
        }
      }
    }
  }
  fragment L2 on Incident {
    id
    affectedCountries {
      incidents(first: 500) {
        edges {
          node {
            ...L3
          }
        }
      }
    }
  }
  fragment L3 on Incident {
    id
    affectedCountries {
      incidents(first: 500) {
        edges {
          node {
            ...L4
          }
        }
      }
    }
  }
  fragment L4 on Incident {
    id
    affectedCountries {
      incidents(first: 500) {
        edges {
          node {
            ...L5
          }
        }
      }
    }
  }
  fragment L5 on Incident {
    id
    affectedCountries {
      incidents(first: 500) {
        edges {
          node {
            ...L6
          }
        }
      }
    }
  }
  fragment L6 on Incident {
    id
    title
    summary
    severity
    tlp
  }
`;

const aliases = (count: number, field: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('subgraph ports in the embedded default', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({ protection: { rateLimit: null } });
  });
  afterAll(() => graph?.close());

  it('refuses the attack review’s cyclic query on the incidents port at once, without running it', async () => {
    const answer = await post(graph.subgraphUrls['incidents']!, { query: CYCLE });
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(answer.data ?? null).toBeNull();
    expect(answer.bytes).toBeLessThan(2_000);
  });

  it('refuses 400 aliases on the contacts port, as the gateway does', async () => {
    const answer = await post(graph.subgraphUrls['contacts']!, { query: aliases(400, 'countries { code }') });
    expect(answer.status).toBe(400);
    expect(answer.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['limit']])).toEqual([
      ['QUERY_TOO_COMPLEX', 'maxAliases'],
    ]);
    const viaGateway = await graph.query(aliases(400, 'countries { code }'));
    expect(codesOf(viaGateway)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it.each(SUBGRAPHS)('holds every limit on the %s port with the gateway’s codes', async (name) => {
    const url = graph.subgraphUrls[name]!;
    const limitOf = async (body: unknown) =>
      (await post(url, body)).errors?.map((e) => [e.extensions?.['code'], e.extensions?.['limit']]);
    expect(await limitOf({ query: `{ ${'__typename @skip(if: false) '.repeat(21)} }` })).toEqual([
      ['QUERY_TOO_COMPLEX', 'maxDirectives'],
    ]);
    expect(await limitOf({ query: `{ ${'a '.repeat(3_001)}}` })).toEqual([
      ['QUERY_TOO_COMPLEX', 'maxTokens'],
    ]);
    expect(await limitOf({ query: `{ __typename } # ${'x'.repeat(17_000)}` })).toEqual([
      ['QUERY_TOO_COMPLEX', 'maxDocumentBytes'],
    ]);
    // 300 kB: over the gateway's body limit, which direct callers get too (the gateway's own calls
    // may be larger).
    const representations = Array.from({ length: 8_000 }, () => ({ __typename: 'Country', code: 'SG' }));
    expect(
      await limitOf({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
        variables: { r: representations },
      }),
    ).toEqual([['QUERY_TOO_COMPLEX', 'maxBodyBytes']]);
  });

  it('prices _entities by its representations and lists by first on a subgraph port', async () => {
    const url = graph.subgraphUrls['incidents']!;
    const query = /* GraphQL */ `
      query ($r: [_Any!]!) {
        _entities(representations: $r) {
          ... on Country {
            incidents(first: 500) {
              edges {
                node {
                  id
                }
              }
            }
          }
        }
      }
    `;
    const representations = (count: number) =>
      Array.from({ length: count }, () => ({ __typename: 'Country', code: 'SG' }));
    const cheap = await post(url, { query, variables: { r: representations(2) } });
    expect(cheap.errors).toBeUndefined();
    const costly = await post(url, { query, variables: { r: representations(50) } });
    expect(costly.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['limit']])).toEqual([
      ['QUERY_TOO_COMPLEX', 'maxCost'],
    ]);
  });

  it('refuses malformed entity representations with BAD_USER_INPUT, over HTTP and graphql-ws', async () => {
    const url = graph.subgraphUrls['contacts']!;
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
    for (const r of [
      [{ __typename: 'Nothing', id: 'x' }],
      [{ code: 'SG' }],
      [{ __typename: 'Country', code: null }],
      [{ __typename: 'Country' }],
      [{ __typename: 'Organization', id: 42 }],
      ['SG'],
    ]) {
      const answer = await post(url, { query, variables: { r } });
      expect(codesOf(answer), JSON.stringify(r)).toEqual(['BAD_USER_INPUT']);
    }
    const overWs = await overWebSocket(graph.subgraphUrls['incidents']!, {
      query,
      variables: { r: [{ __typename: 'Incident', id: null }] },
    });
    expect(overWs.result?.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a query nested deeper than the limit on the incidents port', async () => {
    let selection = 'code';
    for (let level = 0; level < 7; level++) {
      selection = `incidents(first: 1) { edges { node { affectedCountries { ${selection} } } } }`;
    }
    const answer = await post(graph.subgraphUrls['incidents']!, { query: `{ ${selection} }` });
    expect(answer.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['limit']])).toEqual([
      ['QUERY_TOO_COMPLEX', 'maxDepth'],
    ]);
  });

  it.each(SUBGRAPHS)('keeps _service and introspection from direct callers on the %s port', async (name) => {
    const url = graph.subgraphUrls[name]!;
    const token = await graph.token('asean-secretariat', [Role.Secretariat]);
    for (const query of [
      '{ _service { sdl } }',
      '{ __schema { types { name } } }',
      '{ __type(name: "Query") { name } }',
    ]) {
      const anonymous = await post(url, { query });
      expect(anonymous.status).toBe(403);
      expect(codesOf(anonymous)).toContain('FORBIDDEN');
      expect(anonymous.data ?? null).toBeNull();
      const withToken = await post(url, { query }, { authorization: `Bearer ${token}` });
      expect(codesOf(withToken)).toContain('FORBIDDEN');
    }
  });

  it.each(SUBGRAPHS)('gives no field suggestions on the %s port', async (name) => {
    const answer = await post(graph.subgraphUrls[name]!, { query: '{ countrie { code } }' });
    expect(answer.errors?.length).toBeGreaterThan(0);
    for (const error of answer.errors ?? []) {
      expect(error.message).not.toMatch(/did you mean/i);
      expect(error.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('runs only JSON bodies on a subgraph port: forms and text are refused with 415', async () => {
    const url = graph.subgraphUrls['contacts']!;
    for (const [contentType, body] of [
      ['application/x-www-form-urlencoded', 'query=%7B__typename%7D'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{__typename}\r\n--x--',
      ],
      ['text/plain', '{"query":"{__typename}"}'],
    ] as const) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
      expect(response.status).toBe(415);
      const json = (await response.json()) as GraphQLResponse<never>;
      expect(codesOf(json)).toEqual(['BAD_REQUEST']);
    }
  });

  it('answers deeply nested variables on a subgraph port with 400 and a code, not a masked 500', async () => {
    // Written out as text: JSON.stringify itself would overflow the stack on such a value.
    const nested = `${'['.repeat(5_000)}"SG"${']'.repeat(5_000)}`;
    const answer = await post(
      graph.subgraphUrls['contacts']!,
      `{"query":"query($c: String!) { country(code: $c) { code } }","variables":{"c":${nested}}}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['limit']])).toEqual([
      ['QUERY_TOO_COMPLEX', 'maxVariableDepth'],
    ]);
  });

  it('refuses over graphql-ws what it refuses over HTTP on the incidents port, with codes', async () => {
    const url = graph.subgraphUrls['incidents']!;
    const deep = await overWebSocket(url, {
      query: `subscription { majorIncidentUpdates { incident { ${'affectedCountries { incidents(first: 500) { edges { node { '.repeat(4)} id ${'} } } } '.repeat(4)} } } }`,
    });
    expect(codesInWsError(deep.error)).toEqual(['QUERY_TOO_COMPLEX']);
    const sdl = await overWebSocket(url, { query: '{ _service { sdl } }' });
    expect(codesInWsError(sdl.error)).toEqual(['FORBIDDEN']);
    const typo = await overWebSocket(url, { query: 'subscription { majorIncidentUpdate { cursor } }' });
    expect(codesInWsError(typo.error)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(typo.error)).not.toMatch(/did you mean/i);
    const syntax = await overWebSocket(url, { query: 'subscription { majorIncidentUpdates { cursor }' });
    expect(codesInWsError(syntax.error)).toEqual(['GRAPHQL_PARSE_FAILED']);
    const badVariables = await overWebSocket(url, {
      query: 'query($first: Int) { incidents(first: $first) { totalCount } }',
      variables: { first: 'many' },
    });
    expect(badVariables.result?.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
  });

  it('closes a graphql-ws connection whose token is not a string with 4403, as the gateway does', async () => {
    const client = createClient({
      url: graph.subgraphUrls['incidents']!.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: 42 },
    });
    const closed = await new Promise<unknown>((resolve) => {
      client.on('closed', (event) => resolve((event as { code: number }).code));
      client.subscribe({ query: '{ __typename }' }, { next: () => {}, error: () => {}, complete: () => {} });
    });
    await client.dispose();
    expect(closed).toBe(4403);
  });

  it('still answers the gateway, whose calls are signed, with the full graph', async () => {
    const token = await graph.token('my-mycert', [Role.Member]);
    const answer = await graph.query(
      `{ incidents(first: 50) { totalCount edges { node { title affectedCountries { name } reportedBy { name country { name } } } } }
         organizations(first: 3) { edges { node { name dataFlowPolicy: country { dataFlowPolicy { regulator { name } } } } } } }`,
      {},
      token,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.['incidents']).toMatchObject({ totalCount: expect.any(Number) });
  });
});
