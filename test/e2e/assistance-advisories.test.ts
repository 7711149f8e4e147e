/**
 * Through the gateway: `assistanceRequests` (the requests waiting for an answer, across incidents,
 * with the organizations' names joined from the contacts subgraph) and `Incident.advisories`
 * (advisories naming the incident's indicators, TLP-filtered). The rules themselves are tested in
 * process in subgraphs/incidents/test/assistance-advisories.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { startGraph, type Graph } from './harness.ts';

let graph: Graph;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  graph = await startGraph();
  for (const org of ['my-mycert', 'sg-csa', 'th-thaicert', 'vn-vncert'])
    tokens[org] = await graph.token(org, [Role.Member]);
});
afterAll(() => graph?.close());

async function must<T>(query: string, variables: Record<string, unknown>, org: string) {
  const response = await graph.query<T>(query, variables, tokens[org]);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

const WAITING = /* GraphQL */ `
  query ($direction: AssistanceDirection) {
    assistanceRequests(filter: { status: [OPEN], direction: $direction }, first: 100) {
      totalCount
      edges {
        node {
          id
          incident {
            id
            title
          }
          requestedBy {
            name
          }
          requestedOf {
            name
          }
        }
      }
    }
  }
`;
type Waiting = {
  assistanceRequests: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        incident: { id: string };
        requestedBy: { name: string };
        requestedOf: { name: string };
      };
    }[];
  };
};

describe('assistance requests and related advisories through the gateway', () => {
  it('lists the requests waiting for the caller’s organization, with names from the directory', async () => {
    const domain = `relay-${randomUUID().slice(0, 8)}.example`;
    const { reportIncident } = await must<{ reportIncident: { id: string } }>(
      `mutation ($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
      {
        i: {
          title: 'Gateway assistance list',
          summary: 'Test data.',
          category: 'MALWARE',
          severity: 'HIGH',
          tlp: 'AMBER',
          affectedCountryCodes: ['MY'],
          indicators: [{ type: 'DOMAIN', value: domain }],
        },
      },
      'my-mycert',
    );
    const { requestAssistance } = await must<{ requestAssistance: { id: string } }>(
      `mutation ($i: RequestAssistanceInput!) { requestAssistance(input: $i) { id } }`,
      {
        i: {
          incidentId: reportIncident.id,
          organizationId: 'sg-csa',
          kinds: ['ANALYSIS'],
          description: 'Look.',
        },
      },
      'my-mycert',
    );
    const toCsa = await must<Waiting>(WAITING, { direction: 'TO_MY_ORGANIZATION' }, 'sg-csa');
    const mine = toCsa.assistanceRequests.edges.find((e) => e.node.id === requestAssistance.id);
    expect(mine?.node).toMatchObject({
      incident: { id: reportIncident.id },
      requestedBy: { name: 'Malaysia Computer Emergency Response Team' },
      requestedOf: { name: 'Cyber Security Agency of Singapore' },
    });
    expect(toCsa.assistanceRequests.totalCount).toBe(toCsa.assistanceRequests.edges.length);
    const fromMycert = await must<Waiting>(WAITING, { direction: 'FROM_MY_ORGANIZATION' }, 'my-mycert');
    expect(fromMycert.assistanceRequests.edges.map((e) => e.node.id)).toContain(requestAssistance.id);
    for (const org of ['th-thaicert', 'vn-vncert']) {
      const other = await must<Waiting>(WAITING, {}, org);
      expect(other.assistanceRequests.edges.map((e) => e.node.id)).not.toContain(requestAssistance.id);
    }

    // An advisory naming the incident's indicator: GREEN for every member, AMBER for its publisher.
    const publish = async (tlp: string) =>
      (
        await must<{ publishAdvisory: { id: string } }>(
          `mutation ($i: PublishAdvisoryInput!) { publishAdvisory(input: $i) { id } }`,
          {
            i: {
              title: `Advisory ${tlp}`,
              body: 'Test data.',
              severity: 'HIGH',
              tlp,
              indicators: [{ type: 'DOMAIN', value: domain }],
            },
          },
          'th-thaicert',
        )
      ).publishAdvisory.id;
    const green = await publish('GREEN');
    await publish('AMBER');
    const advisories = await must<{
      incident: { advisories: { id: string; publishedBy: { name: string } }[] };
    }>(
      `query ($id: ID!) { incident(id: $id) { advisories { id publishedBy { name } } } }`,
      { id: reportIncident.id },
      'my-mycert',
    );
    expect(advisories.incident.advisories).toEqual([
      { id: green, publishedBy: { name: 'Thailand Computer Emergency Response Team' } },
    ]);
  });
});
