import { readFile } from 'node:fs/promises';
import { buildSchema, isNonNullType, isObjectType, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_OWNER_FIELDS, protectionFromEnv } from '@cadg/gateway';
import { Role, toNodeId } from '@cadg/platform';
import { codesOf, startGraph, type Graph } from './harness.ts';

/**
 * Relay's Global Object Identification across the four subgraphs: `Node.nodeId`, `node(id:)` and
 * `nodes(ids:)`, through the gateway with either query planner and on each subgraph's own port.
 * (The Relay example's tests refetch through `node(id:)` in production mode too.)
 */

const NODE = `query Node($id: ID!) {
  node(id: $id) {
    __typename
    nodeId
    ... on Incident { id title tlp reportedBy { nodeId name } }
    ... on Organization { id name }
    ... on Country { code name }
    ... on Advisory { id title }
    ... on DataFlowPilot { id name }
    ... on PolicyPosition { id summary }
    ... on PolicyInstrument { id title }
  }
}`;

type NodeAnswer = { node: ({ __typename: string; nodeId: string } & Record<string, unknown>) | null };

/** Reports a TLP:RED incident as `token`'s organization: only that organization may read it. */
async function reportRed(graph: Graph, token: string, title: string): Promise<string> {
  const reported = await graph.query<{ reportIncident: { id: string } }>(
    `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`,
    {
      input: {
        title,
        summary: 'Test data: only the reporter may read it.',
        category: 'MALWARE',
        severity: 'LOW',
        tlp: 'RED',
        affectedCountryCodes: ['MY'],
      },
    },
    token,
  );
  expect(reported.errors, JSON.stringify(reported.errors)).toBeUndefined();
  return reported.data!.reportIncident.id;
}

describe.each([
  ['the Rust query planner (the default)', {}],
  ['the JavaScript query planner', { QUERY_PLANNER: 'javascript' }],
])('node(id:) and nodes(ids:) through the gateway, with %s', (_planner, env) => {
  let graph: Graph;
  let admin: string; // ORG_ADMIN of MyCERT
  let outsider: string; // a member of Singapore's CSA
  let hidden: string; // the global id of an incident MyCERT reported at TLP:RED
  beforeAll(async () => {
    graph = await startGraph({ protection: await protectionFromEnv(env) });
    admin = await graph.token('my-mycert', [Role.OrgAdmin, Role.Member]);
    outsider = await graph.token('sg-csa', [Role.Member]);
    hidden = toNodeId('Incident', await reportRed(graph, admin, 'Exercise: a RED incident for node(id:)'));
  });
  afterAll(() => graph?.close());

  it('gives every record a nodeId beside its unchanged id, and node(id:) refetches each type by it', async () => {
    type Page = { edges: { node: { id: string; nodeId: string } }[] };
    const listed = await graph.query<{
      organizations: Page;
      countries: { code: string; nodeId: string }[];
      incidents: Page;
      advisories: Page;
      dataFlowPilots: Page;
      positions: Page;
      instruments: Page;
    }>(
      `{
        organizations(first: 1) { edges { node { id nodeId } } }
        countries { code nodeId }
        incidents(first: 1) { edges { node { id nodeId } } }
        advisories(first: 1) { edges { node { id nodeId } } }
        dataFlowPilots(first: 1) { edges { node { id nodeId } } }
        positions(first: 1) { edges { node { id nodeId } } }
        instruments(first: 1) { edges { node { id nodeId } } }
      }`,
      {},
      admin,
    );
    expect(listed.errors, JSON.stringify(listed.errors)).toBeUndefined();
    const data = listed.data!;
    const records: [string, { id: string; nodeId: string }][] = [
      ['Organization', data.organizations.edges[0]!.node],
      ['Country', { id: data.countries[0]!.code, nodeId: data.countries[0]!.nodeId }],
      ['Incident', data.incidents.edges[0]!.node],
      ['Advisory', data.advisories.edges[0]!.node],
      ['DataFlowPilot', data.dataFlowPilots.edges[0]!.node],
      ['PolicyPosition', data.positions.edges[0]!.node],
      ['PolicyInstrument', data.instruments.edges[0]!.node],
    ];
    for (const [type, record] of records) {
      // Opaque to clients, but stable: base64 of `Type:id`, the record's own id left as it was.
      expect(record.nodeId).toBe(toNodeId(type, record.id));
      const refetched = await graph.query<NodeAnswer>(NODE, { id: record.nodeId }, admin);
      expect(refetched.errors, JSON.stringify(refetched.errors)).toBeUndefined();
      expect(refetched.data!.node).toMatchObject({ __typename: type, nodeId: record.nodeId });
      expect(refetched.data!.node!['id'] ?? refetched.data!.node!['code']).toBe(record.id);
    }
  });

  it('joins across subgraphs from a node: an incident and its reporter, each with its nodeId', async () => {
    const answer = await graph.query<NodeAnswer>(NODE, { id: hidden }, admin);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.node).toMatchObject({
      __typename: 'Incident',
      nodeId: hidden,
      title: 'Exercise: a RED incident for node(id:)',
      tlp: 'RED',
      reportedBy: { nodeId: toNodeId('Organization', 'my-mycert'), name: expect.any(String) },
    });
  });

  it('answers null, without errors, for a record the caller may not see exactly as for one that does not exist, whatever is selected', async () => {
    const missing = toNodeId('Incident', '00000000-0000-4000-8000-000000000000');
    const selections = [
      'nodeId',
      '__typename',
      '__typename nodeId',
      '... on Incident { id }',
      '... on Incident { title }',
    ];
    for (const selection of selections) {
      const query = `query($id: ID!) { node(id: $id) { ${selection} } }`;
      for (const token of [undefined, outsider]) {
        for (const id of [hidden, missing]) {
          const answer = await graph.query(query, { id }, token);
          expect({ selection, data: answer.data, errors: answer.errors }).toEqual({
            selection,
            data: { node: null },
            errors: undefined,
          });
        }
      }
      const own = await graph.query<NodeAnswer>(query, { id: hidden }, admin);
      expect(own.data!.node, selection).not.toBeNull();
    }
    const missingOrganization = await graph.query(
      'query($id: ID!) { node(id: $id) { nodeId } }',
      { id: toNodeId('Organization', 'no-such-org') },
      admin,
    );
    expect(missingOrganization.data).toEqual({ node: null });
    expect(missingOrganization.errors).toBeUndefined();
  });

  it('answers nodes(ids:) in order, with null where a record is missing or hidden', async () => {
    const ids = [
      toNodeId('Country', 'SG'),
      hidden,
      toNodeId('Organization', 'my-mycert'),
      toNodeId('Country', 'XX'),
    ];
    const query = 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename nodeId } }';
    const anonymous = await graph.query<{ nodes: unknown[] }>(query, { ids });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.nodes).toEqual([
      { __typename: 'Country', nodeId: ids[0] },
      null,
      { __typename: 'Organization', nodeId: ids[2] },
      null,
    ]);
    const reporter = await graph.query<{ nodes: unknown[] }>(query, { ids }, admin);
    expect(reporter.data!.nodes[1]).toEqual({ __typename: 'Incident', nodeId: hidden });
  });

  it('refuses ids that are not global ids of this graph with BAD_USER_INPUT, and more than 100 ids', async () => {
    const query = 'query($id: ID!) { node(id: $id) { nodeId } }';
    // A record's own id, text that is not base64, a broken encoding, a type without an id.
    for (const id of ['my-mycert', 'not base64!', toNodeId('Incident', 'x').slice(0, -1), 'SW5jaWRlbnQ6']) {
      expect(codesOf(await graph.query(query, { id })), id).toEqual(['BAD_USER_INPUT']);
    }
    const unknownType = await graph.query(query, { id: toNodeId('Nothing', '1') });
    expect(unknownType.data).toEqual({ node: null });
    const tooMany = await graph.query('query($ids: [ID!]!) { nodes(ids: $ids) { nodeId } }', {
      ids: Array.from({ length: 101 }, (_, i) => toNodeId('Country', `C${i}`)),
    });
    expect(codesOf(tooMany)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('node(id:) on each subgraph port', () => {
  let graph: Graph;
  let admin: string;
  beforeAll(async () => {
    graph = await startGraph({ protection: await protectionFromEnv({}) });
    admin = await graph.token('my-mycert', [Role.OrgAdmin, Role.Member]);
  });
  afterAll(() => graph?.close());

  it('answers its own records by its own rules (TLP on the incidents port)', async () => {
    const id = await reportRed(graph, admin, 'Exercise: RED on the incidents port');
    const hidden = toNodeId('Incident', id);
    const incidentsPort = graph.subgraphUrls['incidents']!;
    const query = 'query($id: ID!) { node(id: $id) { __typename nodeId ... on Incident { title } } }';
    expect((await graph.query(query, { id: hidden }, undefined, incidentsPort)).data).toEqual({ node: null });
    expect((await graph.query<NodeAnswer>(query, { id: hidden }, admin, incidentsPort)).data!.node).toEqual({
      __typename: 'Incident',
      nodeId: hidden,
      title: 'Exercise: RED on the incidents port',
    });

    const some = await graph.query<{
      dataFlowPilots: { edges: { node: { id: string } }[] };
      instruments: { edges: { node: { id: string } }[] };
    }>(
      '{ dataFlowPilots(first: 1) { edges { node { id } } } instruments(first: 1) { edges { node { id } } } }',
    );
    const owned: [string, string, string][] = [
      ['contacts', 'Organization', 'my-mycert'],
      ['contacts', 'Country', 'MY'],
      ['dataflows', 'DataFlowPilot', some.data!.dataFlowPilots.edges[0]!.node.id],
      ['aipolicy', 'PolicyInstrument', some.data!.instruments.edges[0]!.node.id],
    ];
    const byNodeId = 'query($id: ID!) { node(id: $id) { __typename nodeId } }';
    for (const [subgraph, type, localId] of owned) {
      const url = graph.subgraphUrls[subgraph];
      const own = await graph.query<NodeAnswer>(byNodeId, { id: toNodeId(type, localId) }, undefined, url);
      expect(own.data!.node, `${type} on ${subgraph}`).toEqual({
        __typename: type,
        nodeId: toNodeId(type, localId),
      });
      const missing = await graph.query(
        byNodeId,
        { id: toNodeId(type, `${localId}-missing`) },
        undefined,
        url,
      );
      expect(missing.data, `a missing ${type} on ${subgraph}`).toEqual({ node: null });
    }
  });

  it("answers another subgraph's id with the reference the gateway completes in the owner: what the id says, nothing more", async () => {
    const id = await reportRed(graph, admin, 'Exercise: RED referenced from contacts');
    const reference = await graph.query(
      'query($id: ID!) { node(id: $id) { __typename nodeId ... on Incident { id } } }',
      { id: toNodeId('Incident', id) },
      undefined,
      graph.subgraphUrls['contacts'],
    );
    expect(reference.data).toEqual({
      node: { __typename: 'Incident', nodeId: toNodeId('Incident', id), id },
    });
    // Its fields are the incidents subgraph's: contacts has none of them to give.
    const title = await graph.query(
      'query($id: ID!) { node(id: $id) { ... on Incident { title } } }',
      { id: toNodeId('Incident', id) },
      undefined,
      graph.subgraphUrls['contacts'],
    );
    expect(codesOf(title)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('the owner fields the gateway adds to every selection of a Node', () => {
  it('are non-null fields that only the owning subgraph resolves, one for each type that implements Node', async () => {
    const read = (file: string) => readFile(new URL(`../../schema/${file}`, import.meta.url), 'utf8');
    const api = buildSchema(await read('api.graphql'));
    const implementations = Object.values(api.getTypeMap())
      .filter(isObjectType)
      .filter((type) => type.getInterfaces().some((i) => i.name === 'Node'))
      .map((type) => type.name)
      .sort();
    expect(Object.keys(NODE_OWNER_FIELDS).sort()).toEqual(implementations);
    const definitions = parse(await read('supergraph.graphql')).definitions.filter(
      (d): d is ObjectTypeDefinitionNode => d.kind === 'ObjectTypeDefinition',
    );
    for (const [typeName, fieldName] of Object.entries(NODE_OWNER_FIELDS)) {
      const type = api.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
      expect(isNonNullType(type.getFields()[fieldName]!.type), `${typeName}.${fieldName}`).toBe(true);
      const definition = definitions.find((d) => d.name.value === typeName)!;
      const field = definition.fields!.find((f) => f.name.value === fieldName)!;
      const fieldGraphs = (field.directives ?? []).filter((d) => d.name.value === 'join__field').length;
      // Without join__field, every subgraph that defines the type resolves the field.
      const typeGraphs = (definition.directives ?? []).filter((d) => d.name.value === 'join__type').length;
      expect(fieldGraphs || typeGraphs, `${typeName}.${fieldName}: subgraphs that resolve it`).toBe(1);
    }
  });
});
