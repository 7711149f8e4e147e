/**
 * `node --import tsx examples/apollo-client/main.ts` against `npm start`.
 *
 * Environment: GRAPH_URL (default http://localhost:4000/graphql); TOKEN, a bearer token from
 * `npm run token`; ORG, the organization whose acronym to change and change back when TOKEN is
 * an ORG_ADMIN of it or the SECRETARIAT (default my-mycert).
 */
import {
  cachedOrganizationKeys,
  createGraphClient,
  loadCertDirectory,
  loadRecentIncidents,
  setAcronym,
  watchOrganization,
} from './directory.ts';

const url = process.env['GRAPH_URL'] ?? 'http://localhost:4000/graphql';
const token = process.env['TOKEN'];
const organizationId = process.env['ORG'] ?? 'my-mycert';

const client = createGraphClient({ url, token });

const directory = await loadCertDirectory(client);
console.log(`${directory.organizations.totalCount} national CERTs, for example:`);
for (const { node } of directory.organizations.edges.slice(0, 5)) {
  console.log(`  ${node.acronym ?? node.name} (${node.country.name})`);
}

const incidents = await loadRecentIncidents(client);
console.log(`${incidents.incidents.edges.length} incidents you may see, for example:`);
for (const { node } of incidents.incidents.edges.slice(0, 5)) {
  console.log(
    `  [${node.tlp} ${node.severity}] ${node.title}, reported by ${node.reportedBy.acronym ?? node.reportedBy.name}`,
  );
}

// Both queries returned organizations; the cache keeps one entry for each, whichever query brought it.
console.log(`The cache holds ${cachedOrganizationKeys(client).length} organizations, each once.`);

const organization = directory.organizations.edges.find(({ node }) => node.id === organizationId)?.node;
if (!token || !organization) {
  console.log(`Set TOKEN (an ORG_ADMIN of ${organizationId}) to see one change reach both views.`);
} else {
  const stop = watchOrganization(client, organizationId, (view, seen) =>
    console.log(`  ${view.padEnd(9)} shows ${seen.id} as ${seen.acronym}`),
  );
  const original = organization.acronym ?? organization.name;
  const changed = await setAcronym(client, organization, `${original}-demo`);
  await setAcronym(client, changed, original);
  stop();
}
client.stop();
