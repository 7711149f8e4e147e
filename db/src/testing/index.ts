import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { createDatabase, subgraphDatabasesFromEnv, type Database } from '../database.ts';
import type { SubgraphName } from '../roles.ts';
import { createScratchDatabase } from '../scratch.ts';
import type { TestDatabaseTemplate } from './template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseTemplate;
  }
}

export interface TestDatabase {
  /** The database as its owner (the migration role). */
  database: Database;
  /**
   * PostgreSQL only: the same database as each subgraph's own role, for running subgraphs as
   * production does; empty on PGlite, whose one connection has one role.
   */
  subgraphDatabases: Partial<Record<SubgraphName, Database>>;
  /** Set on PostgreSQL only: lets a test start more processes on the same database. */
  url: string | null;
  dispose(): Promise<void>;
}

/**
 * A private copy of the migrated and seeded template the global setup prepared, so test files can
 * change data without seeing each other's writes.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const template = inject('testDatabase');
  if (template.kind === 'pglite') {
    const dump = new Blob([await readFile(template.dumpFile)]);
    const database = await createDatabase({ pgliteDump: dump });
    return { database, subgraphDatabases: {}, url: null, dispose: () => database.close() };
  }
  const scratch = await createScratchDatabase(template.adminUrl, {
    prefix: template.templateName,
    template: template.templateName,
  });
  const url = scratch.url;
  const database = await createDatabase({ url, maxConnections: 5 });
  // Connections open on first use, so a test that never runs a subgraph as its role costs nothing.
  const subgraphDatabases = await subgraphDatabasesFromEnv({ DATABASE_URL: url }, { maxConnections: 4 });
  return {
    database,
    subgraphDatabases,
    url,
    async dispose() {
      await Promise.all(Object.values(subgraphDatabases).map((d) => d.close()));
      await database.close();
      await scratch.drop();
    },
  };
}

// Where test files used to find them; scratch.ts is the one implementation.
export { dropDatabase, withDatabase } from '../scratch.ts';
