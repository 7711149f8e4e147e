/**
 * The one statement behind most DataLoader batches: the rows of a table whose column is one of the
 * batch's keys. Written over drizzle's table objects so that each subgraph's `loaders.ts` names its
 * access paths instead of repeating the same select, and matched to the keys by `byKey`/`groupBy`.
 */
import { getTableColumns, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn, PgDatabase, PgQueryResultHKT, PgTable } from 'drizzle-orm/pg-core';
import { byKey, groupBy } from './batching.ts';

type Row<T extends PgTable> = T['$inferSelect'];
/** A column of `T` by its TypeScript name (the row's key), whose values are the loader's keys. */
type KeyColumn<T extends PgTable> = keyof Row<T> & keyof T & string;
/** A database or transaction of any drizzle PostgreSQL driver (platform does not know db's `Db`). */
type PgDb = PgDatabase<PgQueryResultHKT>;

async function rowsWhereIn<T extends PgTable>(
  db: PgDb,
  table: T,
  column: KeyColumn<T>,
  keys: readonly unknown[],
  order: readonly (SQL | PgColumn)[],
): Promise<Row<T>[]> {
  const columns: Record<string, PgColumn> = getTableColumns(table);
  // drizzle's select cannot infer a row type from a generic table; the rows are `T`'s by construction.
  const rows: unknown = await db
    .select()
    .from(table as PgTable)
    .where(inArray(columns[column]!, [...keys]))
    .orderBy(...order);
  return rows as Row<T>[];
}

/**
 * A batch function for a lookup by a unique column: one row, or `null`, per key.
 *
 * @param db - the database
 * @param table - the table to read
 * @param column - the unique column, by its TypeScript name
 * @returns a function to hand to `new DataLoader(...)`
 */
export function oneByColumn<T extends PgTable, C extends KeyColumn<T>>(db: PgDb, table: T, column: C) {
  return async (keys: readonly Row<T>[C][]): Promise<(Row<T> | null)[]> =>
    byKey(keys, await rowsWhereIn(db, table, column, keys, []), (row) => row[column]);
}

/**
 * A batch function for a lookup by a non-unique column: the rows of each key, in `order`.
 *
 * @param db - the database
 * @param table - the table to read
 * @param column - the column holding the key, by its TypeScript name
 * @param order - the order within each key's rows (`asc(...)`, `desc(...)`)
 * @returns a function to hand to `new DataLoader(...)`
 */
export function manyByColumn<T extends PgTable, C extends KeyColumn<T>>(
  db: PgDb,
  table: T,
  column: C,
  ...order: (SQL | PgColumn)[]
) {
  return async (keys: readonly NonNullable<Row<T>[C]>[]): Promise<Row<T>[][]> =>
    groupBy(keys, await rowsWhereIn(db, table, column, keys, order), (row) => row[column] ?? null);
}
