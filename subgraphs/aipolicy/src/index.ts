import { dataDirFromEnv, subgraphDatabaseFromEnv } from '@cadg/db';
import { runSubgraph } from '@cadg/platform';
import { createAipolicyServer } from './server.ts';

// Production entry: one aipolicy replica (platform's runSubgraph). Migrated with the migration role,
// then served as the aipolicy role (see docs/security.md, Database roles).
await runSubgraph({
  name: 'aipolicy',
  openDatabase: (env) => subgraphDatabaseFromEnv(env, 'aipolicy'),
  dataDir: dataDirFromEnv(process.env),
  create: createAipolicyServer,
});
