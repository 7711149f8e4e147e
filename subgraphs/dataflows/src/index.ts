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
import { createDataflowsServer, DEFAULT_PORT } from './server.ts';

// Production entry: one dataflows replica. Run as many as needed against one PostgreSQL.
// Before anything else, so every request is traced (off unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
const tracing = startTracingFromEnv(process.env, 'dataflows');
// Migrated with the migration role, then served as the dataflows role (see README, Database roles).
const database = await subgraphDatabaseFromEnv(process.env, 'dataflows');
const verifier = await createTokenVerifier(identityConfigFromEnv(process.env, dataDirFromEnv(process.env)));
const server = await createDataflowsServer(database.db, verifier, subgraphSecurityFromEnv(process.env));
const { url } = await server.listen(
  portFromEnv(process.env, 'DATAFLOWS_PORT', DEFAULT_PORT),
  process.env['HOST'] || '0.0.0.0',
);
createServiceLogger('dataflows').info({ url }, `dataflows subgraph ready at ${url}`);
closeOnSignals(async () => {
  await server.close();
  await database.close();
  await tracing?.shutdown();
});
