/**
 * The partner-dashboard query the benchmarks and the SQL-per-operation test send: a page of incidents
 * (incidents subgraph) with each reporter's name, contacts and country (contacts), the country's
 * data-flow regulator (dataflows → contacts) and its AI-policy positions (aipolicy). One operation,
 * all four subgraphs, three levels of entity joins.
 */
export const DASHBOARD_QUERY = /* GraphQL */ `
  query Dashboard($first: Int!, $filter: IncidentFilter) {
    incidents(first: $first, filter: $filter) {
      edges {
        node {
          id
          title
          severity
          status
          tlp
          reportedAt
          crossBorder
          reportedBy {
            id
            name
            acronym
            contacts(role: INCIDENT_RESPONSE) {
              name
            }
            country {
              code
              name
              dataFlowPolicy {
                regulator {
                  name
                }
              }
              aiPolicyPositions {
                stance
                topic {
                  name
                }
              }
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

/** The dashboard's shape as far as the benchmarks read it. */
export interface DashboardResult {
  incidents: {
    edges: { node: { id: string; reportedBy: { name: string; country: { code: string } } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** The HTTP body of one dashboard request for a page of `first` incidents. */
export function dashboardBody(first: number, filter: Record<string, unknown> | null = null): string {
  return JSON.stringify({ query: DASHBOARD_QUERY, variables: { first, filter } });
}
