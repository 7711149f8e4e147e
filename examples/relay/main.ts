/**
 * `node --import tsx examples/relay/main.ts` against `npm start`.
 *
 * Environment: GRAPH_URL (default http://localhost:4000/graphql); TOKEN, a bearer token from
 * `npm run token` (without one: TLP:CLEAR incidents only).
 */
import {
  createEnvironment,
  loadIncidents,
  readIncident,
  refetchIncident,
  watchIncident,
} from './incidents.ts';

const url = process.env['GRAPH_URL'] ?? 'http://localhost:4000/graphql';
const environment = createEnvironment({ url, token: process.env['TOKEN'] });

const incidents = await loadIncidents(environment);
console.log(`${incidents.totalCount} incidents you may see, the newest:`);
for (const { node } of incidents.edges.slice(0, 5)) {
  const card = readIncident(environment, node);
  console.log(`  [${card.tlp} ${card.severity}] ${card.title}, reported by ${card.reportedBy.name}`);
}
const first = incidents.edges[0]?.node;
if (first) {
  // The card reads the store, so a refetch through node(id:) updates what it shows.
  const stop = watchIncident(environment, first, (card) =>
    console.log(`  now: ${card.status} ${card.title}`),
  );
  const again = await refetchIncident(environment, first.nodeId);
  console.log(`Refetched ${first.nodeId} through node(id:): ${again ? 'found' : 'no longer visible'}`);
  stop();
}
