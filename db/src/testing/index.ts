import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createDatabase, subgraphDatabasesFromEnv, type Database } from '../database.ts';
import type { SubgraphName } from '../roles.ts';
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
  const name = `${template.templateName}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(template.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${template.templateName}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(template.adminUrl, name);
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
      await dropDatabase(template.adminUrl, name);
    },
  };
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}
