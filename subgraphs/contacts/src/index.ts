import { dataDirFromEnv, subgraphDatabaseFromEnv } from '@cadg/db';
import {
  closeOnSignals,
  createServiceLogger,
  createTokenVerifier,
  identityConfigFromEnv,
  portFromEnv,
  startTracingFromEnv,
  subgraphSecurityFromEnv,
} from '@cadg/platform';
import { createContactsServer, DEFAULT_PORT } from './server.ts';

// Production entry: one contacts replica. Run as many as needed against one PostgreSQL.
// Before anything else, so every request is traced (off unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
const tracing = startTracingFromEnv(process.env, 'contacts');
// Migrated with the migration role, then served as the contacts role (see README, Database roles).
const database = await subgraphDatabaseFromEnv(process.env, 'contacts');
const verifier = await createTokenVerifier(identityConfigFromEnv(process.env, dataDirFromEnv(process.env)));
const server = await createContactsServer(database.db, verifier, subgraphSecurityFromEnv(process.env));
const { url } = await server.listen(
  portFromEnv(process.env, 'CONTACTS_PORT', DEFAULT_PORT),
  process.env['HOST'] || '0.0.0.0',
);
createServiceLogger('contacts').info({ url }, `contacts subgraph ready at ${url}`);
closeOnSignals(async () => {
  await server.close();
  await database.close();
  await tracing?.shutdown();
});
