import { dataDirFromEnv, subgraphDatabaseFromEnv } from '@cadg/db';
import { runSubgraph } from '@cadg/platform';
import { createContactsServer } from './server.ts';

// Production entry: one contacts replica (platform's runSubgraph). Migrated with the migration role,
// then served as the contacts role (see docs/security.md, Database roles).
await runSubgraph({
  name: 'contacts',
  openDatabase: (env) => subgraphDatabaseFromEnv(env, 'contacts'),
  dataDir: dataDirFromEnv(process.env),
  create: createContactsServer,
});
