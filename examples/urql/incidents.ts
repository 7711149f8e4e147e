/**
 * An integrator's urql client for the China–ASEAN cooperation graph: the incidents the caller may
 * see, and one of them fetched again by its global id through `node(id:)`.
 */
import { Client, cacheExchange, fetchExchange, gql, type TypedDocumentNode } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';

/** An incident as this client selects it. */
export interface IncidentSummary {
  __typename: 'Incident';
  id: string;
  nodeId: string;
  title: string;
  severity: string;
  tlp: string;
  reportedBy: { __typename: 'Organization'; id: string; name: string };
}

export const RECENT_INCIDENTS: TypedDocumentNode<
  { incidents: { totalCount: number; edges: { node: IncidentSummary }[] } },
  { first: number }
> = gql`
  query UrqlRecentIncidents($first: Int!) {
    incidents(first: $first) {
      totalCount
      edges {
        node {
          id
          nodeId
          title
          severity
          tlp
          reportedBy {
            id
            name
          }
        }
      }
    }
  }
`;

export const INCIDENT_BY_NODE_ID: TypedDocumentNode<{ node: IncidentSummary | null }, { id: string }> = gql`
  query UrqlIncidentByNodeId($id: ID!) {
    node(id: $id) {
      nodeId
      ... on Incident {
        id
        title
        severity
        tlp
        reportedBy {
          id
          name
        }
      }
    }
  }
`;

export interface GraphClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  /** A bearer token (`npm run token`); without one the graph answers as to an anonymous caller. */
  token?: string | undefined;
  /** The fetch to send requests with (to log or count them). @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
}

/**
 * An urql client whose queries go out as persisted queries through urql's own exchange: first
 * only the SHA-256 of the query as urql prints it (as a GET while the URL stays short). A
 * production gateway runs only registered operations and knows these by that hash (the manifest
 * registers each operation in the form urql prints it, too); the embedded default also accepts an
 * operation it has not seen, which the exchange then sends once with its text.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  return new Client({
    url: options.url,
    exchanges: [cacheExchange, persistedExchange(), fetchExchange],
    fetchOptions: () => ({ headers: options.token ? { authorization: `Bearer ${options.token}` } : {} }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** The `first` newest incidents the caller may see, from the network. */
export async function loadRecentIncidents(client: Client, first = 10) {
  const result = await client
    .query(RECENT_INCIDENTS, { first }, { requestPolicy: 'network-only' })
    .toPromise();
  if (result.error) throw result.error;
  if (!result.data) throw new Error('UrqlRecentIncidents returned no data');
  return result.data.incidents;
}

/** One incident by its global id (`nodeId`); null when it does not exist or the caller may not see it. */
export async function loadIncident(client: Client, nodeId: string): Promise<IncidentSummary | null> {
  const result = await client
    .query(INCIDENT_BY_NODE_ID, { id: nodeId }, { requestPolicy: 'network-only' })
    .toPromise();
  if (result.error) throw result.error;
  return result.data?.node ?? null;
}
