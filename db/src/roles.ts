import type postgres from 'postgres';

/**
 * The PostgreSQL role each subgraph connects as, by subgraph name, which is also the name of the
 * schema it owns. Roles are cluster-wide, so the names are fixed: every database of this graph on a
 * server (a deployment, each test database) grants the same role its own copy of the same schema,
 * and nothing else.
 */
export const SUBGRAPH_ROLES = {
  contacts: 'cadg_contacts',
  incidents: 'cadg_incidents',
  dataflows: 'cadg_dataflows',
  aipolicy: 'cadg_aipolicy',
} as const;

/** A subgraph that owns a schema, and so has a role of its own. */
export type SubgraphName = keyof typeof SUBGRAPH_ROLES;

export const subgraphNames = Object.keys(SUBGRAPH_ROLES) as SubgraphName[];

// SQLSTATEs of a CREATE ROLE that lost a race with the same CREATE ROLE from another database's
// migration: the advisory lock that serialises migrations is per database, roles are per server.
const DUPLICATE_OBJECT = '42710';
const UNIQUE_VIOLATION = '23505';
// A migration role without CREATEROLE, on a server where the roles were not created beforehand.
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Creates the subgraph roles if missing and grants each one the tables and sequences of its own
 * schema (SELECT, INSERT, UPDATE, DELETE; append-only `audit_log`: SELECT, INSERT), plus default
 * privileges so tables later migrations create are covered too. No role gets CREATE anywhere, or
 * anything on another subgraph's schema or on drizzle's migrations table. Run by the migration
 * role, which owns the schemas, after the migrations; idempotent, and safe while other databases
 * on the same server provision the same roles.
 *
 * Roles are created without a password: where the server asks for one, the operator sets it
 * (`ALTER ROLE cadg_contacts PASSWORD …`) or creates the roles beforehand, and then the migration
 * role needs no CREATEROLE.
 */
export async function provisionSubgraphRoles(sql: postgres.Sql): Promise<void> {
  const roles = Object.values(SUBGRAPH_ROLES);
  for (const role of roles) await createRoleIfMissing(sql, role);
  const superusers = await sql<{ rolname: string }[]>`
    select rolname from pg_roles where rolname = any(${roles}) and rolsuper`;
  const names = superusers.map((r) => r.rolname).join(', ');
  if (names) throw new Error(`Subgraph roles must not be superusers, or nothing keeps them apart: ${names}.`);
  await sql.begin(async (tx) => {
    const [{ name } = { name: '' }] = await tx<{ name: string }[]>`select current_database() as name`;
    // Before PostgreSQL 15 every role may create tables in `public`; from 15 on this changes nothing.
    await tx`revoke create on schema public from public`;
    for (const [schema, role] of Object.entries(SUBGRAPH_ROLES)) {
      const s = tx(schema);
      const r = tx(role);
      await tx`grant connect on database ${tx(name)} to ${r}`;
      await tx`grant usage on schema ${s} to ${r}`;
      await tx`grant select, insert, update, delete on all tables in schema ${s} to ${r}`;
      await tx`grant usage, select on all sequences in schema ${s} to ${r}`;
      await tx`alter default privileges in schema ${s} grant select, insert, update, delete on tables to ${r}`;
      await tx`alter default privileges in schema ${s} grant usage, select on sequences to ${r}`;
      // The audit trigger refuses changes anyway; without the privilege they never reach it.
      await tx`revoke update, delete on ${s}.audit_log from ${r}`;
    }
  });
}

async function createRoleIfMissing(sql: postgres.Sql, role: string): Promise<void> {
  const [existing] = await sql`select 1 from pg_roles where rolname = ${role}`;
  if (existing) return;
  try {
    await sql`create role ${sql(role)} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls`;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === DUPLICATE_OBJECT || code === UNIQUE_VIOLATION) return;
    if (code === INSUFFICIENT_PRIVILEGE)
      throw new Error(
        `The migration role may not create role ${role}: give it CREATEROLE, or create the subgraph roles beforehand (${Object.values(SUBGRAPH_ROLES).join(', ')}).`,
        { cause: error },
      );
    throw error;
  }
}

/** `url` with its user replaced by `role` and its password dropped (the role's own is unknown here). */
export function urlForRole(url: string, role: string): string {
  const parsed = new URL(url);
  if (!parsed.hostname)
    throw new Error(`No host in the URL to connect ${role} to: set the subgraph's <NAME>_DATABASE_URL.`);
  parsed.username = role;
  parsed.password = '';
  return parsed.toString();
}

/**
 * The PostgreSQL URL subgraph `name` connects with: `<NAME>_DATABASE_URL`, else DATABASE_URL (or
 * MIGRATION_DATABASE_URL) as the subgraph's role; `undefined` when none is set (PGlite).
 */
export function subgraphDatabaseUrl(env: NodeJS.ProcessEnv, name: SubgraphName): string | undefined {
  const own = env[`${name.toUpperCase()}_DATABASE_URL`];
  if (own) return own;
  const shared = env['DATABASE_URL'] || env['MIGRATION_DATABASE_URL'];
  if (!shared) return undefined;
  // Callers outside TypeScript's reach (a subgraph list read elsewhere) may name one with no role.
  const role = SUBGRAPH_ROLES[name];
  if (!role) throw new Error(`No database role is defined for subgraph "${name}".`);
  return urlForRole(shared, role);
}

/** The PostgreSQL URL of the migration role: MIGRATION_DATABASE_URL, else DATABASE_URL. */
export function migrationDatabaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  return env['MIGRATION_DATABASE_URL'] || env['DATABASE_URL'] || undefined;
}
