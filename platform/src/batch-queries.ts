/**
 * The one statement behind most DataLoader batches: the rows of a table whose column is one of the
 * batch's keys. Written over drizzle's table objects so that each subgraph's `loaders.ts` names its
 * access paths instead of repeating the same select, and matched to the keys by `byKey`/`groupBy`.
 */
import { and, Column, getTableColumns, getTableName, is, sql, SQL, StringChunk } from 'drizzle-orm';
import type { PgColumn, PgDatabase, PgQueryResultHKT, PgTable } from 'drizzle-orm/pg-core';
import { byKey, groupBy } from './batching.ts';

type Row<T extends PgTable> = T['$inferSelect'];
/** A column of `T` by its TypeScript name (the row's key), whose values are the loader's keys. */
type KeyColumn<T extends PgTable> = keyof Row<T> & keyof T & string;
/** A database or transaction of any drizzle PostgreSQL driver (platform does not know db's `Db`). */
type PgDb = PgDatabase<PgQueryResultHKT>;

/** A statement built once: `select … where <column> = any($keys) order by …`, run with each batch's keys. */
interface PreparedLookup {
  execute(values: { keys: unknown[] }): Promise<unknown>;
}

/**
 * The statements built so far, per database (or transaction) handle and table, by column and order.
 * Built once, a lookup skips drizzle's query building (the hottest part of a batch) and runs as a
 * named prepared statement: one round trip, parsed once per connection. `= any($1)` with the keys
 * as one array parameter keeps the text the same whatever the batch size (an `in ($1, …, $n)` list
 * would be a statement per size); PostgreSQL plans both the same way (an index scan on the column).
 */
const prepared = new WeakMap<PgDb, WeakMap<PgTable, Map<string, PreparedLookup>>>();

async function rowsWhereIn<T extends PgTable>(
  db: PgDb,
  table: T,
  column: KeyColumn<T>,
  keys: readonly unknown[],
  order: readonly (SQL | PgColumn)[],
  condition?: SQL,
): Promise<Row<T>[]> {
  const orderKey = shapeKeyOf(condition ? [condition, ...order] : order);
  let byTable = prepared.get(db);
  if (!byTable) prepared.set(db, (byTable = new WeakMap()));
  let lookups = byTable.get(table);
  if (!lookups) byTable.set(table, (lookups = new Map()));
  const key = orderKey === null ? null : `${column} ${orderKey}`;
  let lookup = key === null ? undefined : lookups.get(key);
  if (!lookup) {
    const columns: Record<string, PgColumn> = getTableColumns(table);
    lookup = db
      .select()
      .from(table as PgTable)
      .where(and(sql`${columns[column]!} = any(${sql.placeholder('keys')})`, condition))
      .orderBy(...order)
      .prepare(`${getTableName(table)}_by_${column}`);
    if (key !== null) lookups.set(key, lookup);
  }
  // drizzle's select cannot infer a row type from a generic table; the rows are `T`'s by construction.
  return (await lookup.execute({ keys: [...keys] })) as Row<T>[];
}

/**
 * What tells one condition and order apart from another (the loaders build theirs per request, so
 * the objects are new each time): the columns' names and the literal SQL around them, or `null` for
 * one with anything else in it (a parameter), which is then built for every batch instead of kept.
 */
function shapeKeyOf(parts: readonly (SQL | PgColumn)[]): string | null {
  let key = '';
  for (const part of parts) {
    if (is(part, Column)) {
      key += `${part.name},`;
      continue;
    }
    for (const chunk of part.queryChunks) {
      if (is(chunk, Column)) key += chunk.name;
      else if (is(chunk, StringChunk)) key += chunk.value.join('');
      else return null;
    }
    key += ',';
  }
  return key;
}

/**
 * A statement built once per database (or transaction) handle, for a subgraph's own joins that
 * `oneByColumn` and its kin do not cover. Like theirs, it should take each batch's keys as one array
 * parameter (`= any($keys)`), so its text does not change with the batch size.
 *
 * @param build - builds the prepared statement on a handle
 * @returns the statement for a handle, built on first use
 */
export function preparedPerDb<D extends object, T>(build: (db: D) => T): (db: D) => T {
  const built = new WeakMap<D, T>();
  return (db) => {
    let statement = built.get(db);
    if (statement === undefined) built.set(db, (statement = build(db)));
    return statement;
  };
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

/**
 * `manyByColumn` for the rows that also meet `condition`, a fixed one (no parameters), such as
 * `isNull(table.supersededAt)`.
 *
 * @param db - the database
 * @param table - the table to read
 * @param column - the column holding the key, by its TypeScript name
 * @param condition - what the rows must also meet
 * @param order - the order within each key's rows
 * @returns a function to hand to `new DataLoader(...)`
 */
export function manyByColumnWhere<T extends PgTable, C extends KeyColumn<T>>(
  db: PgDb,
  table: T,
  column: C,
  condition: SQL,
  ...order: (SQL | PgColumn)[]
) {
  return async (keys: readonly NonNullable<Row<T>[C]>[]): Promise<Row<T>[][]> =>
    groupBy(keys, await rowsWhereIn(db, table, column, keys, order, condition), (row) => row[column] ?? null);
}

/**
 * A batch function for the values of one column per key, in that column's order: the other side
 * of a link table (the country codes of each pilot, the organizations of each activity).
 *
 * @param db - the database
 * @param table - the link table
 * @param column - the column holding the key, by its TypeScript name
 * @param value - the column whose values are loaded, by its TypeScript name
 * @returns a function to hand to `new DataLoader(...)`
 */
export function valuesByColumn<T extends PgTable, C extends KeyColumn<T>, V extends KeyColumn<T>>(
  db: PgDb,
  table: T,
  column: C,
  value: V,
) {
  const columns: Record<string, PgColumn> = getTableColumns(table);
  const rows = manyByColumn(db, table, column, columns[value]!);
  return async (keys: readonly NonNullable<Row<T>[C]>[]): Promise<Row<T>[V][][]> =>
    (await rows(keys)).map((group) => group.map((row) => row[value]));
}
