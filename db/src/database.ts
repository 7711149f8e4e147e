import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { tracePglite, tracePostgresJs } from './tracing.ts';

/** The drizzle handle every subgraph queries through; the same type on PostgreSQL and PGlite. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle, accepted wherever a `Db` is. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

interface DatabaseBase {
  readonly db: Db;
  /** Applies the committed migrations; safe to call from several processes at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}
/** The raw client is exposed for what drizzle does not cover (LISTEN/NOTIFY, PGlite dumps). */
export type Database =
  | (DatabaseBase & { readonly kind: 'postgres'; readonly client: postgres.Sql })
  | (DatabaseBase & { readonly kind: 'pglite'; readonly client: PGlite });

export interface DatabaseOptions {
  /** A PostgreSQL URL. When absent, PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; `undefined` keeps the database in memory. */
  dataDir?: string | undefined;
  /** A PGlite data dir dump (from `dumpDataDir`) to start from instead of an empty database. */
  pgliteDump?: Blob | undefined;
  /** postgres.js pool size. @default 10 */
  maxConnections?: number | undefined;
}

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK_KEY = 4_242_001;

/**
 * Opens the database: PostgreSQL through postgres.js when a URL is given (production path), else
 * PGlite in-process (persisted under `dataDir`, or in memory).
 */
export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.maxConnections ?? 10);
  return openPglite(options);
}

function openPostgres(url: string, max: number): Database {
  const client = tracePostgresJs(
    postgres(url, {
      max,
      onnotice: () => {},
      // Timestamps come back as Date, numerics we parse ourselves; keep postgres.js defaults otherwise.
      connection: { application_name: 'cadg' },
    }),
  );
  const db = drizzlePostgres(client);
  return {
    db,
    kind: 'postgres',
    client,
    async migrate() {
      // A dedicated connection holds the advisory lock so replicas starting together migrate once.
      const lockClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres(lockClient), { migrationsFolder });
      } finally {
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
        await lockClient.end();
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const client = tracePglite(
    await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.pgliteDump ? { loadDataDir: options.pgliteDump } : {}),
    }),
  );
  const db = drizzlePglite(client);
  return {
    db,
    kind: 'pglite',
    client,
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

/** PGlite only: the whole data directory as a tarball, to clone a prepared database quickly. */
export async function dumpPglite(database: Database): Promise<Blob> {
  if (database.kind !== 'pglite') throw new Error('Only a PGlite database can be dumped.');
  return database.client.dumpDataDir('none');
}

/** Where local state (PGlite data, dev issuer key) lives unless DATA_DIR says otherwise. */
export const dataDirFromEnv = (env: NodeJS.ProcessEnv): string => env['DATA_DIR'] || '.data';

/**
 * The database a service process uses: DATABASE_URL when set, else PGlite under
 * `$DATA_DIR/pglite`. PGlite has a single connection, so it serves one process only.
 */
export function databaseFromEnv(env: NodeJS.ProcessEnv): Promise<Database> {
  return createDatabase({
    url: env['DATABASE_URL'] || undefined,
    dataDir: `${dataDirFromEnv(env)}/pglite`,
    maxConnections: env['DATABASE_POOL_SIZE'] ? Number(env['DATABASE_POOL_SIZE']) : undefined,
  });
}
