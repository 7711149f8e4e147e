import { databaseFromEnv, dataDirFromEnv } from '@cadg/db';
import {
  closeOnSignals,
  createTokenVerifier,
  identityConfigFromEnv,
  portFromEnv,
  startTracingFromEnv,
} from '@cadg/platform';
import { createAipolicyServer, DEFAULT_PORT } from './server.ts';

// Production entry: one aipolicy replica. Run as many as needed against one PostgreSQL.
// Before anything else, so every request is traced (off unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
const tracing = startTracingFromEnv(process.env, 'aipolicy');
const database = await databaseFromEnv(process.env);
await database.migrate();
const verifier = await createTokenVerifier(identityConfigFromEnv(process.env, dataDirFromEnv(process.env)));
const server = await createAipolicyServer(database.db, verifier);
const { url } = await server.listen(
  portFromEnv(process.env, 'AIPOLICY_PORT', DEFAULT_PORT),
  process.env['HOST'] || '0.0.0.0',
);
console.log(`aipolicy subgraph ready at ${url}`);
closeOnSignals(async () => {
  await server.close();
  await database.close();
  await tracing?.shutdown();
});
