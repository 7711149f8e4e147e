import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, startGraph, type Graph, type GraphQLResponse } from './harness.ts';

/** GraphQL over HTTP's status codes, for clients of either media type, over real HTTP. */

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const COUNT = 'query Count($first: Int!) { organizations(first: $first) { totalCount } }';
const REPORT = /* GraphQL */ `
  mutation {
    reportIncident(
      input: {
        title: "Exercise: no token"
        summary: "Sent without a token (test data)."
        category: MALWARE
        severity: LOW
        tlp: GREEN
        affectedCountryCodes: ["MY"]
      }
    ) {
      id
    }
  }
`;

async function post(url: string, body: unknown, accept: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphQLResponse<Record<string, unknown>>,
  };
}

describe('GraphQL-over-HTTP status codes', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph?.close());

  it('answers variables that do not coerce, or are missing, with 400 to graphql-response+json clients and 200 to application/json ones', async () => {
    for (const variables of [{ first: 'x' }, {}]) {
      const modern = await post(graph.gatewayUrl, { query: COUNT, variables }, GRAPHQL_RESPONSE);
      expect(modern.status, JSON.stringify(variables)).toBe(400);
      expect(modern.body.data).toBeUndefined();
      expect(codesOf(modern.body)).toEqual(['BAD_USER_INPUT']);
      const legacy = await post(graph.gatewayUrl, { query: COUNT, variables }, 'application/json');
      expect(legacy.status).toBe(200);
      expect(codesOf(legacy.body)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(legacy.body)).not.toContain('"http"');
    }
  });

  it("keeps a subgraph's data: null for a mutation without a token, answered with 200 like any response with data", async () => {
    const direct = await post(graph.subgraphUrls['incidents']!, { query: REPORT }, GRAPHQL_RESPONSE);
    expect(direct.body).toMatchObject({ data: null });
    const modern = await post(graph.gatewayUrl, { query: REPORT }, GRAPHQL_RESPONSE);
    expect(codesOf(modern.body)).toEqual(['UNAUTHENTICATED']);
    expect(modern.body).toHaveProperty('data', null);
    expect(modern.status).toBe(200);
  });
});
