import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './database.ts';

/**
 * `select count(*)` over a table, for `totalCount` fields and the like.
 *
 * The count is cast to `int` in SQL because PostgreSQL's `bigint` would arrive as a string; no table
 * here comes near 2^31 rows.
 *
 * @param db - the database or a transaction
 * @param table - the table to count
 * @param where - the condition rows must meet; `undefined` counts every row
 * @returns the number of matching rows
 */
export async function countRows(db: Db | Tx, table: PgTable, where?: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where);
  return row?.n ?? 0;
}
