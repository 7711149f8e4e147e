import { dataDirFromEnv, subgraphDatabaseFromEnv } from '@cadg/db';
import { runSubgraph } from '@cadg/platform';
import { createDataflowsServer } from './server.ts';

// Production entry: one dataflows replica (platform's runSubgraph). Migrated with the migration role,
// then served as the dataflows role (see docs/security.md, Database roles).
await runSubgraph({
  name: 'dataflows',
  openDatabase: (env) => subgraphDatabaseFromEnv(env, 'dataflows'),
  dataDir: dataDirFromEnv(process.env),
  create: createDataflowsServer,
});
