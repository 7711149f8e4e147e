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
import { createAipolicyServer, DEFAULT_PORT } from './server.ts';

// Production entry: one aipolicy replica. Run as many as needed against one PostgreSQL.
// Before anything else, so every request is traced (off unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
const tracing = startTracingFromEnv(process.env, 'aipolicy');
// Migrated with the migration role, then served as the aipolicy role (see README, Database roles).
const database = await subgraphDatabaseFromEnv(process.env, 'aipolicy');
const verifier = await createTokenVerifier(identityConfigFromEnv(process.env, dataDirFromEnv(process.env)));
const server = await createAipolicyServer(database.db, verifier, subgraphSecurityFromEnv(process.env));
const { url } = await server.listen(
  portFromEnv(process.env, 'AIPOLICY_PORT', DEFAULT_PORT),
  process.env['HOST'] || '0.0.0.0',
);
createServiceLogger('aipolicy').info({ url }, `aipolicy subgraph ready at ${url}`);
closeOnSignals(async () => {
  await server.close();
  await database.close();
  await tracing?.shutdown();
});
