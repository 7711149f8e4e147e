import { exists, sql, type Column, type SQL } from 'drizzle-orm';
import {
  keysetConnection,
  type Connection,
  type CursorPart,
  type CursorShape,
  type KeyOf,
  type KeysetPage,
} from './cursor.ts';

/** The queries of a list over one database, as db's `tableKeyset` makes them; see `KeysetPage`. */
export type KeysetQueries<T, P extends readonly CursorPart[]> = Pick<
  KeysetPage<T, P>,
  'seek' | 'fetch' | 'count'
>;

/** One page of a list: its database, what narrows it (the caller's visibility with it), the page. */
export type ListPage<D, F, T> = (
  db: D,
  filter: F,
  limit: number,
  after: string | null | undefined,
) => Promise<Connection<T>>;

/** What a keyset-paginated list is; see `keysetList`. */
export interface KeysetList<D, F, T, P extends readonly CursorPart[]> {
  /** The list's cursor: its name and the kinds of its sort key's parts. */
  cursor: CursorShape<P>;
  /** The list's conditions for one filter, ANDed; they may throw BAD_USER_INPUT for a bad filter. */
  where: (filter: F) => readonly SQL[];
  /** The list's queries on a database, typically db's `tableKeyset(db, table, direction, keys)`. */
  queries: (db: D) => KeysetQueries<T, P>;
  /** The sort key of a row, in the shape of `cursor` and the order of `queries`. */
  keyOf: (row: T) => KeyOf<P>;
}

/**
 * A database list, declared once: the function that returns one page of it for a database, a
 * filter, a page size (checked by `pageSize`) and the client's `after` cursor, by
 * `keysetConnection`. Platform imports no database code, so the queries come as a function of the
 * database the page is read from.
 */
export function keysetList<D, F, T, P extends readonly CursorPart[]>(
  list: KeysetList<D, F, T, P>,
): ListPage<D, F, T> {
  const { cursor, where, queries, keyOf } = list;
  // async, so a filter `where` refuses is a rejected page like a refused cursor, not a throw.
  return async (db, filter, limit, after) =>
    keysetConnection({ where: where(filter), after, limit, cursor, ...queries(db), keyOf });
}

/**
 * A list filter through a link table: the listed row has a link whose `column` is `value`, e.g.
 * pilots with a country, `linked(t.pilotCountries.pilotId, t.pilots.id, t.pilotCountries.countryCode, code)`.
 *
 * @param link - the link table's column referring to the listed row
 * @param listed - the listed table's column `link` refers to (its id)
 * @param column - the link table's column to match
 * @param value - the value it must have
 */
export function linked(link: Column, listed: Column, column: Column, value: unknown): SQL {
  return exists(sql`(select 1 from ${link.table} where ${link} = ${listed} and ${column} = ${value})`);
}
