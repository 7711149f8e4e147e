/**
 * The Relay example's operations, read by the Relay compiler only (`npm run relay -w
 * @cadg/example-relay`): it writes their artifacts to `../__generated__/` and their text to
 * `../persisted-queries.json`, which `npm run documents` registers as trusted documents. The
 * client imports the artifacts, which carry only each operation's id.
 */
import { graphql } from 'relay-runtime';

export const query = graphql`
  query RelayIncidentsQuery($first: Int!) {
    incidents(first: $first) {
      totalCount
      edges {
        node {
          nodeId
          ...RelayIncidents_incident
        }
      }
    }
  }
`;

/** An incident card; `@refetchable` makes the compiler write its refetch query through `node(id:)`. */
export const incident = graphql`
  fragment RelayIncidents_incident on Incident @refetchable(queryName: "RelayIncidentRefetchQuery") {
    title
    severity
    tlp
    status
    reportedBy {
      name
      acronym
    }
  }
`;
