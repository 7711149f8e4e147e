import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase, dumpPglite } from '../database.ts';
import { seedDatabase } from '../seed/index.ts';
import { createScratchDatabase } from '../scratch.ts';
import type { TestDatabaseTemplate } from './template.ts';

/**
 * Vitest global setup: migrate and seed one template per test run. With DATABASE_URL the run gets
 * fresh PostgreSQL databases it creates and drops; without it, a PGlite dump that each test file
 * loads (PGlite's cold start is seconds, loading a dump well under one).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) {
    const database = await createDatabase();
    await database.migrate();
    await seedDatabase(database.db);
    const dir = await mkdtemp(join(tmpdir(), 'cadg-test-'));
    const dumpFile = join(dir, 'template.tar');
    await writeFile(dumpFile, Buffer.from(await (await dumpPglite(database)).arrayBuffer()));
    await database.close();
    project.provide('testDatabase', { kind: 'pglite', dumpFile } satisfies TestDatabaseTemplate);
    return () => rm(dir, { recursive: true, force: true });
  }
  const template = await createScratchDatabase(adminUrl, { prefix: 'cadg_test' });
  const database = await createDatabase({ url: template.url, maxConnections: 2 });
  try {
    await database.migrate();
    await seedDatabase(database.db);
  } finally {
    await database.close();
  }
  project.provide('testDatabase', {
    kind: 'postgres',
    adminUrl,
    templateName: template.name,
  } satisfies TestDatabaseTemplate);
  return template.drop;
}
