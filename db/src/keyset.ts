import { asc, desc, getTableName, sql, type Column, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { countRows } from './count.ts';
import { shapeOf } from './statement-shape.ts';
import type { Db } from './database.ts';

/**
 * One part of a list's sort key: a column or expression, and the SQL type a cursor's value for it
 * is cast to in the seek condition (none for `text`, which a bound parameter already is).
 */
export type SortKey = Column | SQL | readonly [Column | SQL, cast: 'date' | 'timestamptz' | 'uuid'];

function isCast(key: SortKey): key is readonly [Column | SQL, 'date' | 'timestamptz' | 'uuid'] {
  return Array.isArray(key);
}
const expressionOf = (key: SortKey): Column | SQL => (isCast(key) ? key[0] : key);
const castOf = (key: SortKey): string | null => (isCast(key) ? key[1] : null);

/**
 * The queries of a keyset-paginated list over one table, for platform's `keysetList` (as its
 * `queries`) or `keysetConnection`: `seek` (rows after a cursor's key in the list's order), `fetch`
 * (a page in that order) and `count`.
 *
 * The sort key is compared as one row value, `(a, b) > ($1, $2)` ascending or `<` descending, the
 * form an index on `(a, b)` serves; every part sorts in the same direction.
 *
 * @param db - the subgraph's database
 * @param table - the table listed
 * @param direction - the list's order
 * @param keys - the sort key, most significant first, ending with a unique column (the id)
 */
export function tableKeyset<T extends PgTable>(
  db: Db,
  table: T,
  direction: 'asc' | 'desc',
  keys: readonly SortKey[],
) {
  const columns = sql.join(keys.map(expressionOf), sql`, `);
  const order = keys.map((key) => (direction === 'asc' ? asc : desc)(expressionOf(key)));
  const comparison = direction === 'asc' ? sql`>` : sql`<`;
  const pages = pagesOf(db, table, direction, keys);
  return {
    seek: (key: readonly (string | number)[]): SQL => {
      const values = keys.map((part, i) => {
        const cast = castOf(part);
        return cast === null ? sql`${key[i]}` : sql`${key[i]}::${sql.raw(cast)}`;
      });
      return sql`(${columns}) ${comparison} (${sql.join(values, sql`, `)})`;
    },
    // drizzle resolves a select's row type only for a concrete table, not a generic one; the rows
    // of `select *` from `table` are its own rows, which is what this says.
    fetch: (where: SQL | undefined, limitPlusOne: number): Promise<T['$inferSelect'][]> => {
      // A page whose conditions have a shape seen before runs the statement built for it.
      const shape = where === undefined || pages === null ? null : shapeOf(where);
      if (shape === null || pages === null) {
        return db
          .select()
          .from(table as PgTable)
          .where(where)
          .orderBy(...order)
          .limit(limitPlusOne) as Promise<T['$inferSelect'][]>;
      }
      let page = pages.get(shape.key);
      if (!page) {
        // Shapes are few (a list's filters and visibility scopes); a bound keeps odd ones in check.
        if (pages.size >= MAX_SHAPES) pages.clear();
        page = db
          .select()
          .from(table as PgTable)
          .where(shape.placeholders())
          .orderBy(...order)
          .limit(sql.placeholder('limit'))
          .prepare(`${getTableName(table)}_page`);
        pages.set(shape.key, page);
      }
      return page.execute({ ...shape.values, limit: limitPlusOne }) as Promise<T['$inferSelect'][]>;
    },
    count: (where: SQL | undefined): Promise<number> => countRows(db, table, where),
  };
}

/** A page statement built for one condition shape, run with that shape's values and a limit. */
interface PreparedPage {
  execute(values: Record<string, unknown>): Promise<unknown>;
}

const MAX_SHAPES = 64;

/**
 * The page statements of one list (database handle, table, order), kept across requests: a list's
 * `tableKeyset` is made per request, its statements must not be. `null` for an order without a
 * shape of its own (its pages are built per request).
 */
const listPages = new WeakMap<Db, WeakMap<PgTable, Map<string, Map<string, PreparedPage>>>>();
function pagesOf(db: Db, table: PgTable, direction: 'asc' | 'desc', keys: readonly SortKey[]) {
  // An order with a value in it would keep the first request's value: built per request too.
  const parts = keys.map((key) => {
    const shape = shapeOf(sql`${expressionOf(key)}`);
    return shape && Object.keys(shape.values).length === 0 ? shape.key : null;
  });
  if (parts.includes(null)) return null;
  let byTable = listPages.get(db);
  if (!byTable) listPages.set(db, (byTable = new WeakMap()));
  let byOrder = byTable.get(table);
  if (!byOrder) byTable.set(table, (byOrder = new Map()));
  const order = `${direction} ${parts.join(',')}`;
  let pages = byOrder.get(order);
  if (!pages) byOrder.set(order, (pages = new Map()));
  return pages;
}
