/**
 * `node --import tsx examples/urql/main.ts` against `npm start`.
 *
 * Environment: GRAPH_URL (default http://localhost:4000/graphql); TOKEN, a bearer token from
 * `npm run token` (without one: TLP:CLEAR incidents only).
 */
import { createGraphClient, loadIncident, loadRecentIncidents } from './incidents.ts';

const url = process.env['GRAPH_URL'] ?? 'http://localhost:4000/graphql';
const client = createGraphClient({ url, token: process.env['TOKEN'] });

const incidents = await loadRecentIncidents(client);
console.log(`${incidents.totalCount} incidents you may see, the newest:`);
for (const { node } of incidents.edges.slice(0, 5)) {
  console.log(`  [${node.tlp} ${node.severity}] ${node.title}, reported by ${node.reportedBy.name}`);
}
const first = incidents.edges[0]?.node;
if (first) {
  const again = await loadIncident(client, first.nodeId);
  console.log(`Fetched again by its global id ${first.nodeId}: ${again?.title ?? 'not visible'}`);
}
