import { createDatabase } from './database.ts';
import { migrationDatabaseUrl, SUBGRAPH_ROLES } from './roles.ts';

// `npm run db:migrate`, and the migrate step of a deployment (`SERVICE=migrate` in the image, the
// init container in deploy/k8s): applies the migrations and grants every subgraph role its schema,
// as the migration role, so the subgraphs themselves never hold DDL credentials. Seeds nothing.
const url = migrationDatabaseUrl(process.env);
if (!url) {
  console.error(
    'MIGRATION_DATABASE_URL (or DATABASE_URL) is required: PGlite migrates in the process that uses it.',
  );
  process.exit(2);
}
const database = await createDatabase({ url, maxConnections: 1, applicationName: 'cadg-migrate' });
try {
  await database.migrate();
} finally {
  await database.close();
}
console.log(`Database migrated; subgraph roles granted: ${Object.values(SUBGRAPH_ROLES).join(', ')}.`);
