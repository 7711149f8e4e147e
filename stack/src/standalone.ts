import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, createScratchDatabase, seedDatabase, type Database } from '@cadg/db';
import type { ProtectionOptions } from '@cadg/gateway';
import { createTokenVerifier, DEFAULT_AUDIENCE, DEV_ISSUER } from '@cadg/platform';
import { startStack } from './stack.ts';

/**
 * Migrates and seeds `database`, then makes the token verifier of a dev issuer whose key lives in
 * `keyDir`: what every runner outside Vitest (this one, the soak, the cache-lag measurement) does
 * before it starts the stack.
 */
export async function migrateSeedAndVerify(database: Database, keyDir: string) {
  await database.migrate();
  await seedDatabase(database.db);
  return createTokenVerifier({ issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, devKeyDir: keyDir });
}

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
    const verifier = await migrateSeedAndVerify(database, keyDir);
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
  const scratch = await createScratchDatabase(adminUrl, { prefix: 'cadg_standalone' });
  return { database: await createDatabase({ url: scratch.url, maxConnections: 5 }), drop: scratch.drop };
}
