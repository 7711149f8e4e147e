import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import {
  migrationDatabaseUrl,
  provisionSubgraphRoles,
  subgraphDatabaseUrl,
  subgraphNames,
  type SubgraphName,
} from './roles.ts';
import { tracePglite, tracePostgresJs } from './tracing.ts';
import { announceEveryTable } from './changes.ts';

/** The drizzle handle every subgraph queries through; the same type on PostgreSQL and PGlite. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle, accepted wherever a `Db` is. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

interface DatabaseBase {
  readonly db: Db;
  /**
   * Applies the committed migrations and, on PostgreSQL, grants each subgraph's role its own schema
   * (see `provisionSubgraphRoles`); safe to call from several processes at once. Run it as the
   * migration role, which owns the schemas.
   */
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
  /** `application_name` of the connections, which `pg_stat_activity` shows. @default 'cadg' */
  applicationName?: string | undefined;
  /**
   * PostgreSQL's `plan_cache_mode` for the pool's connections (see `PLAN_CACHE_MODES`); `auto`
   * leaves the server's setting alone and sends no startup parameter for it.
   * @default 'force_generic_plan'
   */
  planCacheMode?: PlanCacheMode | undefined;
}

/**
 * How PostgreSQL plans a prepared statement each time it runs. Every read here is a prepared
 * statement (`preparedReads`), and with `auto` the server keeps planning most of them afresh for
 * their parameters (a custom plan), because a parameter it cannot see, such as a page's `limit $n`
 * or the keys in `= any($1)`, makes the one-for-all generic plan look dearer on paper. For these
 * statements, lookups by key and keyset pages along an index, the generic plan is the plan the
 * custom one picks anyway, and planning was more than half of the server's time per statement: on
 * the dashboard's calls (issue #23, bench/SUBGRAPH-CALLS.md) `force_generic_plan` took a quarter
 * off PostgreSQL's CPU per dashboard. Nothing here filters by pattern (`like`) or on a value whose
 * frequency decides the plan, where custom plans pay. `auto` is for a pooler that refuses unknown
 * startup parameters (set the mode on the role instead: `alter role … set plan_cache_mode`).
 */
export const PLAN_CACHE_MODES = ['force_generic_plan', 'auto', 'force_custom_plan'] as const;
export type PlanCacheMode = (typeof PLAN_CACHE_MODES)[number];

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK_KEY = 4_242_001;

/**
 * Opens the database: PostgreSQL through postgres.js when a URL is given (production path), else
 * PGlite in-process (persisted under `dataDir`, or in memory).
 */
export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url)
    return openPostgres(
      options.url,
      options.maxConnections ?? 10,
      options.applicationName,
      options.planCacheMode,
    );
  return openPglite(options);
}

function openPostgres(
  url: string,
  max: number,
  applicationName = 'cadg',
  planCacheMode: PlanCacheMode = 'force_generic_plan',
): Database {
  const client = tracePostgresJs(
    preparedReads(
      postgres(url, {
        max,
        onnotice: () => {},
        // Timestamps come back as Date, numerics we parse ourselves; keep postgres.js defaults otherwise.
        connection: {
          application_name: applicationName,
          ...(planCacheMode === 'auto' ? {} : { plan_cache_mode: planCacheMode }),
        },
      }),
    ),
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
        await drizzlePostgres(lockClient).execute(announceEveryTable());
        await provisionSubgraphRoles(lockClient);
      } finally {
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
        await lockClient.end();
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** How many distinct statements `preparedReads` prepares; later ones run unnamed, as before. */
const MAX_PREPARED_READS = 1_000;

/**
 * drizzle asks postgres.js for an unnamed statement unless a query is `.prepare()`d, and postgres.js
 * sends an unnamed statement with parameters in two round trips (Parse/Describe, then Bind/Execute)
 * and PostgreSQL parses and plans it every time. Reads (a SELECT with parameters) run as named
 * prepared statements instead: one round trip, parsed once per connection (postgres.js keeps them
 * by text, and re-prepares one a migration invalidated). Capped, so a stream of distinct texts
 * cannot grow the connections' statement caches without bound. Writes keep drizzle's choice.
 * (A transaction-mode pooler must support protocol-level prepared statements: PgBouncer ≥ 1.21
 * with `max_prepared_statements` set; see docs/operations.md.)
 */
function preparedReads(sql: postgres.Sql): postgres.Sql {
  const unsafe = sql.unsafe;
  const texts = new Set<string>();
  sql.unsafe = function (this: unknown, ...args: unknown[]) {
    const [text, params, options] = args as [string, unknown, { prepare?: boolean } | undefined];
    if (
      args.length === 3 &&
      options?.prepare === false &&
      Array.isArray(params) &&
      params.length > 0 &&
      READ.test(text) &&
      (texts.has(text) || (texts.size < MAX_PREPARED_READS && texts.add(text)))
    )
      args[2] = { ...options, prepare: true };
    return (unsafe as (...a: unknown[]) => unknown).apply(this, args);
  } as postgres.Sql['unsafe'];
  return sql;
}

const READ = /^\s*select\b/i;

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
    async migrate() {
      await migratePglite(db, { migrationsFolder });
      await db.execute(announceEveryTable());
    },
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

const poolSizeFromEnv = (env: NodeJS.ProcessEnv): number | undefined =>
  env['DATABASE_POOL_SIZE'] ? Number(env['DATABASE_POOL_SIZE']) : undefined;

/** `DATABASE_PLAN_CACHE_MODE`, one of `PLAN_CACHE_MODES`; unset gives the default. */
export function planCacheModeFromEnv(env: NodeJS.ProcessEnv): PlanCacheMode | undefined {
  const mode = env['DATABASE_PLAN_CACHE_MODE'] || undefined;
  if (mode === undefined || (PLAN_CACHE_MODES as readonly string[]).includes(mode))
    return mode as PlanCacheMode | undefined;
  throw new Error(`DATABASE_PLAN_CACHE_MODE must be one of ${PLAN_CACHE_MODES.join(', ')} (got "${mode}").`);
}

/** The pool settings every database opened from the environment shares. */
const poolFromEnv = (env: NodeJS.ProcessEnv) => ({
  maxConnections: poolSizeFromEnv(env),
  planCacheMode: planCacheModeFromEnv(env),
});

/**
 * The database as its owner, the migration role, for migrating and seeding: MIGRATION_DATABASE_URL,
 * else DATABASE_URL, else PGlite under `$DATA_DIR/pglite`. PGlite has a single connection, so it
 * serves one process only.
 */
export function databaseFromEnv(env: NodeJS.ProcessEnv): Promise<Database> {
  return createDatabase({
    url: migrationDatabaseUrl(env),
    dataDir: `${dataDirFromEnv(env)}/pglite`,
    ...poolFromEnv(env),
  });
}

/**
 * The database a subgraph's production entry serves from, migrated. On PostgreSQL it connects as the
 * subgraph's own role (`<NAME>_DATABASE_URL`, else DATABASE_URL's server as `cadg_<name>`), after
 * migrating with the migration role when one is configured (MIGRATION_DATABASE_URL or DATABASE_URL;
 * a deployment that gives the subgraph only its own URL migrates in a step of its own). On PGlite
 * it is the one database of the process, migrated: one connection has one role.
 */
export async function subgraphDatabaseFromEnv(env: NodeJS.ProcessEnv, name: SubgraphName): Promise<Database> {
  const url = subgraphDatabaseUrl(env, name);
  if (!url) {
    const database = await databaseFromEnv(env);
    await database.migrate();
    return database;
  }
  const ownerUrl = migrationDatabaseUrl(env);
  if (ownerUrl) {
    const owner = await createDatabase({ url: ownerUrl, maxConnections: 1, applicationName: 'cadg-migrate' });
    try {
      await owner.migrate();
    } finally {
      await owner.close();
    }
  }
  return createDatabase({ url, ...poolFromEnv(env), applicationName: `cadg-${name}` });
}

/**
 * One PostgreSQL pool per subgraph, each connected as that subgraph's role (see
 * `subgraphDatabaseFromEnv` for the URLs), for running all four in one process; empty when no
 * PostgreSQL URL is set, since PGlite's single connection cannot be shared out by role. Connections
 * open on first use.
 */
export async function subgraphDatabasesFromEnv(
  env: NodeJS.ProcessEnv,
  options: { maxConnections?: number | undefined } = {},
): Promise<Partial<Record<SubgraphName, Database>>> {
  const databases: Partial<Record<SubgraphName, Database>> = {};
  for (const name of subgraphNames) {
    const url = subgraphDatabaseUrl(env, name);
    if (!url) continue;
    databases[name] = await createDatabase({
      url,
      maxConnections: options.maxConnections ?? poolSizeFromEnv(env),
      planCacheMode: planCacheModeFromEnv(env),
      applicationName: `cadg-${name}`,
    });
  }
  return databases;
}
