import { PGlite } from '@electric-sql/pglite';
import { asc, gt, sql, type SQL } from 'drizzle-orm';
import { bigint, jsonb, pgSchema } from 'drizzle-orm/pg-core';
import type { Db } from './database.ts';
import { subgraphNames, type SubgraphName } from './roles.ts';

/** The channel the change triggers NOTIFY on; the payload is the schema that changed. */
export const DATA_CHANGES_CHANNEL = 'cadg_data_changes';

/**
 * What one committed transaction changed: the GraphQL type and id of each audit entry it wrote
 * (`{ type, id }`) and the table and key of every other row (`{ table, id }`, the id null for
 * rows without an `id` or `code` column); at most 100 per transaction.
 */
export interface DataChange {
  readonly id: number;
  readonly entities: readonly { type?: string; table?: string; id: string | null }[];
}

/**
 * One subgraph's change record (`<schema>.data_changes`, migration 0015): written by a trigger in
 * the transaction of every change to the subgraph's tables, ids in commit order, so the highest id
 * is the subgraph's data version.
 */
export interface ChangeLog {
  /** The highest committed change id (0 when nothing changed since the migration). */
  head(): Promise<number>;
  /** Changes committed after `id`, oldest first, at most `limit`. */
  after(id: number, limit: number): Promise<DataChange[]>;
  /**
   * Calls `onChange` after each commit that changed this schema, with the change's id (the new
   * version: every smaller id is committed too), and with no id whenever listening is
   * (re)established (notifications may have been missed: read with `after`). Resolves to the
   * function that stops it.
   */
  watch(onChange: (version?: number) => void): Promise<() => Promise<void>>;
}

/**
 * Puts the change trigger (migration 0015) on every table of the four schemas that lacks it, run
 * after the migrations: a table a later migration creates is announced too, whatever the order
 * migrations were written or squashed in.
 */
export function announceEveryTable(): SQL {
  const names = sql.join(
    subgraphNames.map((name) => sql`${name}`),
    sql`, `,
  );
  return sql`select "public"."cadg_announce_changes"(name) from unnest(array[${names}]::text[]) as name`;
}

/** The change log of a subgraph's own schema, read through its own drizzle handle. */
export function changeLogOf(db: Db, schema: SubgraphName): ChangeLog {
  const table = dataChangesTable(schema);
  return {
    async head() {
      const [row] = await db.select({ head: sql<number>`coalesce(max(${table.id}), 0)::float8` }).from(table);
      return row?.head ?? 0;
    },
    after: (id, limit) =>
      db
        .select({ id: table.id, entities: table.entities })
        .from(table)
        .where(gt(table.id, id))
        .orderBy(asc(table.id))
        .limit(limit),
    watch: (onChange) =>
      listenOn(
        db,
        (payload) => {
          const [name, id] = payload.split(':');
          if (name === schema) onChange(Number(id) || undefined);
        },
        () => onChange(),
      ),
  };
}

/**
 * The table as migration 0015 creates it (by hand, with its trigger), declared here rather than in
 * db/src/schema so drizzle-kit does not generate it a second time.
 */
function dataChangesTable(schema: SubgraphName) {
  return pgSchema(schema).table('data_changes', {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    entities: jsonb('entities').$type<DataChange['entities']>().notNull(),
  });
}

/**
 * LISTENs through the drizzle handle's own client (`$client`: postgres.js or PGlite), so a
 * subgraph needs nothing but its `Db`. postgres.js re-listens by itself after a lost connection and
 * calls `onListening` again; notifications sent meanwhile are gone, which is why it is a wake-up.
 */
async function listenOn(
  db: Db,
  onNotify: (payload: string) => void,
  onListening: () => void,
): Promise<() => Promise<void>> {
  const client: unknown = '$client' in db ? db.$client : undefined;
  if (client instanceof PGlite) {
    const unsubscribe = await client.listen(DATA_CHANGES_CHANNEL, onNotify);
    onListening();
    return unsubscribe;
  }
  if (isPostgresJs(client)) {
    const { unlisten } = await client.listen(DATA_CHANGES_CHANNEL, onNotify, onListening);
    return unlisten;
  }
  throw new Error('changeLogOf needs a drizzle handle over postgres.js or PGlite.');
}

interface PostgresJsListen {
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onListening: () => void,
  ): Promise<{ unlisten: () => Promise<void> }>;
}

function isPostgresJs(client: unknown): client is PostgresJsListen {
  return typeof client === 'function' && 'listen' in client && typeof client.listen === 'function';
}
