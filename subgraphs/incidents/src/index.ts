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
import { createIncidentsServer, DEFAULT_PORT } from './server.ts';

// Production entry: one incidents replica. Run as many as needed against one PostgreSQL: each
// LISTENs for committed events and serves its own subscribers.
// Before anything else, so every request is traced (off unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
const tracing = startTracingFromEnv(process.env, 'incidents');
// Migrated with the migration role, then served as the incidents role (see README, Database roles).
const database = await subgraphDatabaseFromEnv(process.env, 'incidents');
const verifier = await createTokenVerifier(identityConfigFromEnv(process.env, dataDirFromEnv(process.env)));
const server = await createIncidentsServer({
  database,
  verifier,
  contactsUrl: process.env['CONTACTS_URL'] || 'http://localhost:4001/graphql',
  security: subgraphSecurityFromEnv(process.env),
});
const { url } = await server.listen(
  portFromEnv(process.env, 'INCIDENTS_PORT', DEFAULT_PORT),
  process.env['HOST'] || '0.0.0.0',
);
createServiceLogger('incidents').info({ url }, `incidents subgraph ready at ${url}`);
closeOnSignals(async () => {
  await server.close();
  await database.close();
  await tracing?.shutdown();
});
