import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, seedDatabase, type Database } from '@cadg/db';
import type { ProtectionOptions } from '@cadg/gateway';
import { createTokenVerifier, DEFAULT_AUDIENCE, DEV_ISSUER } from '@cadg/platform';
import { startStack } from './stack.ts';

/**
 * The whole graph on free ports on a fresh, migrated and seeded database, with a dev issuer whose
 * key lives in a temporary directory: for tools that run outside Vitest (the fuzzer, benchmarks;
 * the e2e harness uses Vitest's provided template instead). With `databaseUrl` it creates a
 * database on that PostgreSQL server and drops it on close; without, it uses PGlite in memory.
 */
export async function startStandaloneGraph(
  options: { databaseUrl?: string | undefined; protection?: ProtectionOptions | undefined } = {},
) {
  const keyDir = await mkdtemp(join(tmpdir(), 'cadg-stack-keys-'));
  const { database, drop } = await freshDatabase(options.databaseUrl);
  try {
    await database.migrate();
    await seedDatabase(database.db);
    const verifier = await createTokenVerifier({
      issuer: DEV_ISSUER,
      audience: DEFAULT_AUDIENCE,
      devKeyDir: keyDir,
    });
    const stack = await startStack({ database, verifier, logging: false, protection: options.protection });
    return {
      gatewayUrl: stack.gatewayUrl,
      /** Each subgraph's own GraphQL endpoint, by name (the fuzzer aims at these too). */
      subgraphUrls: stack.subgraphUrls,
      keyDir,
      database: database.kind,
      async close() {
        await stack.close();
        await database.close();
        await drop();
        await rm(keyDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database.close();
    await drop();
    await rm(keyDir, { recursive: true, force: true });
    throw error;
  }
}

async function freshDatabase(
  adminUrl: string | undefined,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!adminUrl) return { database: await createDatabase(), drop: async () => {} };
  const name = `cadg_standalone_${randomBytes(4).toString('hex')}`;
  const admin = await createDatabase({ url: adminUrl, maxConnections: 1 });
  const adminSql = admin.kind === 'postgres' ? admin.client : null;
  if (!adminSql) throw new Error('Expected a PostgreSQL connection for the admin URL.');
  try {
    await adminSql.unsafe(`create database "${name}"`);
  } finally {
    await admin.close();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    database: await createDatabase({ url: url.toString(), maxConnections: 5 }),
    async drop() {
      const cleanup = await createDatabase({ url: adminUrl, maxConnections: 1 });
      try {
        if (cleanup.kind === 'postgres')
          await cleanup.client.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleanup.close();
      }
    },
  };
}
