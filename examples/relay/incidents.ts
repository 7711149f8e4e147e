/**
 * An integrator's Relay client (relay-runtime, no React) for the China–ASEAN cooperation graph:
 * the incidents the caller may see, each read through its fragment from Relay's normalised store,
 * and one refetched by its global id through `node(id:)`.
 *
 * The operations are in `operations/RelayIncidents.ts`; the Relay compiler turns them into the
 * artifacts under `__generated__/`, which carry only each operation's persisted id (its text is
 * in `persisted-queries.json`, registered with the gateway by `npm run documents`).
 */
import {
  Environment,
  fetchQuery,
  getSelector,
  Network,
  RecordSource,
  Store,
  type GraphQLResponse,
  type RequestParameters,
  type SingularReaderSelector,
  type Variables,
} from 'relay-runtime';
import RelayIncidentRefetchQuery, {
  type RelayIncidentRefetchQuery as RefetchOperation,
} from './__generated__/RelayIncidentRefetchQuery.graphql.ts';
import RelayIncidentsQuery, {
  type RelayIncidentsQuery as IncidentsOperation,
  type RelayIncidentsQuery$data,
} from './__generated__/RelayIncidentsQuery.graphql.ts';
import RelayIncidentsIncident, {
  type RelayIncidents_incident$data,
  type RelayIncidents_incident$key,
} from './__generated__/RelayIncidents_incident.graphql.ts';

export type IncidentCard = RelayIncidents_incident$data;
export type IncidentRef = RelayIncidents_incident$key;

export interface EnvironmentOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  /** A bearer token (`npm run token`); without one the graph answers as to an anonymous caller. */
  token?: string | undefined;
  /** The fetch to send requests with (to log or count them). @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
}

/**
 * A Relay environment for the graph. Requests carry only the operation's persisted id, as
 * `documentId` (GraphQL over HTTP's persisted documents), so the same client runs against a
 * production gateway that accepts registered operations only. Records are normalised by `nodeId`,
 * the graph's global id (the compiler is told so by `schemaConfig.nodeInterfaceIdField`).
 */
export function createEnvironment(options: EnvironmentOptions): Environment {
  const send = options.fetch ?? fetch;
  const network = Network.create(async (params: RequestParameters, variables: Variables) => {
    if (!params.id) throw new Error(`${params.name} has no persisted id: run the Relay compiler.`);
    const response = await send(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ documentId: params.id, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  });
  return new Environment({
    network,
    store: new Store(new RecordSource()),
    // Relay's default reads `id`; this graph's global id is `nodeId` (records without one get a client id).
    getDataID: (value) => value['nodeId'],
  });
}

/** The `first` newest incidents the caller may see, from the network, as fragment references. */
export async function loadIncidents(
  environment: Environment,
  first = 10,
): Promise<RelayIncidentsQuery$data['incidents']> {
  const data = await fetchQuery<IncidentsOperation>(environment, RelayIncidentsQuery, { first }).toPromise();
  if (!data) throw new Error('RelayIncidentsQuery returned no data');
  return data.incidents;
}

/** The store's selector for one incident card. */
function cardSelector(incident: IncidentRef): SingularReaderSelector {
  const selector = getSelector(RelayIncidentsIncident, incident);
  if (!selector || selector.kind !== 'SingularReaderSelector') throw new Error('not an incident reference');
  return selector;
}

/** An incident card as the store holds it now. */
export function readIncident(environment: Environment, incident: IncidentRef): IncidentCard {
  return environment.lookup(cardSelector(incident)).data as IncidentCard;
}

/**
 * Watches an incident card in the store: `onChange` gets the card whenever any query (a refetch,
 * another list) writes a record it shows. Returns a function that stops watching.
 */
export function watchIncident(
  environment: Environment,
  incident: IncidentRef,
  onChange: (card: IncidentCard) => void,
): () => void {
  const snapshot = environment.lookup(cardSelector(incident));
  const { dispose } = environment.subscribe(snapshot, (next) => onChange(next.data as IncidentCard));
  return dispose;
}

/**
 * Fetches an incident card again by its global id through `node(id:)` (the query the compiler
 * wrote for the fragment's `@refetchable`), from the network, into the store. Null when the
 * incident does not exist or the caller may not see it.
 */
export async function refetchIncident(environment: Environment, nodeId: string): Promise<IncidentRef | null> {
  const data = await fetchQuery<RefetchOperation>(
    environment,
    RelayIncidentRefetchQuery,
    { nodeId },
    {
      fetchPolicy: 'network-only',
    },
  ).toPromise();
  return data?.node ?? null;
}
