/**
 * An integrator's Apollo Client (core, no React) for the China–ASEAN cooperation graph: the CERT
 * directory, recent incidents, and one change to an organization, all through one normalised cache.
 */
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql, type TypedDocumentNode } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

/** An organization as both views below select it. */
export type OrganizationSummary = {
  __typename: 'Organization';
  id: string;
  name: string;
  acronym: string | null;
  version: number;
};

export type CertDirectory = {
  organizations: {
    totalCount: number;
    edges: {
      node: OrganizationSummary & {
        website: string | null;
        country: { __typename: 'Country'; code: string; name: string };
      };
    }[];
  };
};

export type RecentIncidents = {
  incidents: {
    edges: {
      node: {
        __typename: 'Incident';
        id: string;
        title: string;
        severity: string;
        tlp: string;
        reportedBy: OrganizationSummary;
      };
    }[];
  };
};

export type SetAcronym = {
  updateOrganization: OrganizationSummary;
};

/** National CERTs, with their country: the contacts subgraph answers it. */
export const CERT_DIRECTORY: TypedDocumentNode<CertDirectory, { first: number }> = gql`
  query CertDirectory($first: Int!) {
    organizations(filter: { kinds: [CERT] }, first: $first) {
      totalCount
      edges {
        node {
          id
          name
          acronym
          version
          website
          country {
            code
            name
          }
        }
      }
    }
  }
`;

/**
 * Incidents the caller may see (TLP applies), newest first. The incidents subgraph answers it and
 * the gateway fetches `reportedBy`'s name and acronym from contacts.
 */
export const RECENT_INCIDENTS: TypedDocumentNode<RecentIncidents, { first: number }> = gql`
  query RecentIncidents($first: Int!) {
    incidents(first: $first) {
      edges {
        node {
          id
          title
          severity
          tlp
          reportedBy {
            id
            name
            acronym
            version
          }
        }
      }
    }
  }
`;

/** Changes an organization's acronym: SECRETARIAT, or an ORG_ADMIN of that organization. */
export const SET_ACRONYM: TypedDocumentNode<
  SetAcronym,
  { id: string; acronym: string; expectedVersion: number }
> = gql`
  mutation SetAcronym($id: ID!, $acronym: String!, $expectedVersion: Int!) {
    updateOrganization(input: { id: $id, acronym: $acronym, expectedVersion: $expectedVersion }) {
      id
      name
      acronym
      version
    }
  }
`;

export interface GraphClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  /** A bearer token (`npm run token`); without one the graph answers as to an anonymous caller. */
  token?: string | undefined;
  /**
   * The fetch to send requests with (to log or count them).
   * @default globalThis.fetch
   */
  fetch?: typeof fetch | undefined;
}

/** SHA-256 in hex, as Apollo's persisted-queries link wants it (in a browser: `crypto-hash`'s sha256). */
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * An Apollo Client whose cache keeps one entry per graph entity.
 *
 * Operations go out as persisted queries (Apollo's link, unchanged): first only their hash. A
 * production gateway runs only registered operations, and knows these by that hash (the manifest
 * registers each operation as Apollo prints it); the embedded default also accepts a new one,
 * which the link then sends once with its text.
 *
 * Organizations and incidents are keyed by `id` (Apollo's default); countries have no `id` and are
 * keyed by `code`, the same key the graph's federation uses for them.
 */
export function createGraphClient(options: GraphClientOptions): ApolloClient {
  return new ApolloClient({
    link: new PersistedQueryLink({ sha256 }).concat(
      new HttpLink({
        uri: options.url,
        headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    ),
    cache: new InMemoryCache({
      typePolicies: { Country: { keyFields: ['code'] } },
    }),
  });
}

/** The first `first` national CERTs, from the network. */
export async function loadCertDirectory(client: ApolloClient, first = 20): Promise<CertDirectory> {
  const { data } = await client.query({
    query: CERT_DIRECTORY,
    variables: { first },
    fetchPolicy: 'network-only',
  });
  if (!data) throw new Error('CertDirectory returned no data');
  return data;
}

/** The `first` newest incidents the caller may see, from the network. */
export async function loadRecentIncidents(client: ApolloClient, first = 20): Promise<RecentIncidents> {
  const { data } = await client.query({
    query: RECENT_INCIDENTS,
    variables: { first },
    fetchPolicy: 'network-only',
  });
  if (!data) throw new Error('RecentIncidents returned no data');
  return data;
}

/**
 * Sets an organization's acronym. The answer is written into the organization's one cache entry,
 * so every query that shows the organization shows the new acronym without being fetched again.
 */
export async function setAcronym(
  client: ApolloClient,
  organization: Pick<OrganizationSummary, 'id' | 'version'>,
  acronym: string,
): Promise<OrganizationSummary> {
  const { data } = await client.mutate({
    mutation: SET_ACRONYM,
    variables: { id: organization.id, acronym, expectedVersion: organization.version },
  });
  if (!data) throw new Error('SetAcronym returned no data');
  return data.updateOrganization;
}

/** Where a watched organization was seen. */
export type View = 'directory' | 'incidents';

/**
 * Watches, in the cache only, how the directory and the incident list (as loaded with the same
 * `first`) show one organization; `onChange` gets each view's organization whenever it changes,
 * starting with what the cache holds now. Returns a function that stops watching.
 */
export function watchOrganization(
  client: ApolloClient,
  organizationId: string,
  onChange: (view: View, organization: OrganizationSummary) => void,
  first = 20,
): () => void {
  const directory = client
    .watchQuery({ query: CERT_DIRECTORY, variables: { first }, fetchPolicy: 'cache-only' })
    .subscribe(({ data, dataState }) => {
      if (dataState !== 'complete') return;
      const node = data.organizations.edges.find(({ node }) => node.id === organizationId)?.node;
      if (node) onChange('directory', node);
    });
  const incidents = client
    .watchQuery({ query: RECENT_INCIDENTS, variables: { first }, fetchPolicy: 'cache-only' })
    .subscribe(({ data, dataState }) => {
      if (dataState !== 'complete') return;
      const reporter = data.incidents.edges.find(({ node }) => node.reportedBy.id === organizationId)?.node
        .reportedBy;
      if (reporter) onChange('incidents', reporter);
    });
  return () => {
    directory.unsubscribe();
    incidents.unsubscribe();
  };
}

/** The cache keys of every organization the cache holds, e.g. `Organization:my-mycert`. */
export function cachedOrganizationKeys(client: ApolloClient): string[] {
  const snapshot = client.cache.extract();
  if (typeof snapshot !== 'object' || snapshot === null) return [];
  return Object.keys(snapshot).filter((key) => key.startsWith('Organization:'));
}
