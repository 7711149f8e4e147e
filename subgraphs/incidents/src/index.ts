import { dataDirFromEnv, subgraphDatabaseFromEnv } from '@cadg/db';
import { runSubgraph } from '@cadg/platform';
import { createIncidentsServer } from './server.ts';

// Production entry: one incidents replica (platform's runSubgraph); each replica LISTENs for
// committed events and serves its own subscribers. Migrated with the migration role, then served
// as the incidents role (see docs/security.md, Database roles). CONTACTS_URL: the contacts subgraph.
await runSubgraph({
  name: 'incidents',
  openDatabase: (env) => subgraphDatabaseFromEnv(env, 'incidents'),
  dataDir: dataDirFromEnv(process.env),
  create: createIncidentsServer,
});
