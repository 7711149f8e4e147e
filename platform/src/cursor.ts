import { and, type SQL } from 'drizzle-orm';
import { badUserInput } from './errors.ts';

/**
 * Opaque keyset cursors: the sort key of the last row, base64url-encoded JSON. Clients must treat
 * them as opaque; we only promise that a cursor from a page works as `after` for the same query.
 */
export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badUserInput('after', 'The cursor is not one this API issued.');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== arity ||
    !parsed.every((part) => typeof part === 'string' || typeof part === 'number')
  ) {
    throw badUserInput('after', 'The cursor is not one this API issued.');
  }
  return parsed as CursorKey;
}

/** Largest page a client may ask for; larger lists must be paged. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput('first', `first must be an integer between 0 and ${MAX_PAGE_SIZE}.`);
  }
  return first;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/**
 * Builds a connection from rows fetched with `limit + 1`: the extra row only tells whether there
 * is a next page. `totalCount` is a thunk so the count query runs only when a client asks for it.
 */
export function toConnection<T>(
  rows: readonly T[],
  limit: number,
  keyOf: (row: T) => CursorKey,
  hasPrevious: boolean,
  totalCount: () => Promise<number>,
): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** What `keysetConnection` needs to know about one list; see there. */
export interface KeysetPage<T> {
  /** The list's filter (caller visibility included), ANDed; also what `totalCount` counts. */
  where: readonly SQL[];
  /** The client's `after` cursor, if any. */
  after: string | null | undefined;
  /** Page size, already checked by `pageSize`. */
  limit: number;
  /** How many parts the cursor key has: the length of what `keyOf` returns. */
  arity: number;
  /**
   * The condition "sorts after this key" in the list's order. Validates the decoded parts first
   * (throwing BAD_USER_INPUT for a forged cursor), since each list's columns need their own checks.
   */
  seek: (key: CursorKey) => SQL;
  /** Runs the page query: `where` applied, the list's order, at most `limitPlusOne` rows. */
  fetch: (where: SQL | undefined, limitPlusOne: number) => Promise<T[]>;
  /** Counts the rows matching `where` (the filter without the cursor condition). */
  count: (where: SQL | undefined) => Promise<number>;
  /** The sort key of a row; must match the order `fetch` uses and what `seek` accepts. */
  keyOf: (row: T) => CursorKey;
}

/**
 * One page of a database list, keyset-paginated: the rows after the `after` cursor in the list's
 * order, fetched with `limit + 1` so the extra row tells whether there is a next page.
 *
 * A bad cursor fails even when `limit` is 0, and `limit` 0 skips the page query, so a client asking
 * only for `totalCount` pays for the count alone. The count ignores the cursor: it is the size of
 * the whole filtered list, and it runs only if a client selects `totalCount`.
 */
export async function keysetConnection<T>(page: KeysetPage<T>): Promise<Connection<T>> {
  const { where, after, limit, arity, seek, fetch, count, keyOf } = page;
  const conditions = after ? [...where, seek(decodeCursor(after, arity))] : where;
  const rows = limit === 0 ? [] : await fetch(and(...conditions), limit + 1);
  return toConnection(rows, limit, keyOf, Boolean(after), () => count(and(...where)));
}

function compareKeys(a: CursorKey, b: CursorKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return a.length - b.length;
}

/**
 * Pages a small, already sorted (ascending by `keyOf`) list in memory, e.g. the timeline of one
 * incident that a DataLoader fetched together with its neighbours' in one statement.
 */
export function pageInMemory<T>(
  rows: readonly T[],
  limit: number,
  after: string | null | undefined,
  keyOf: (row: T) => CursorKey,
  arity: number,
): Connection<T> {
  const start = after ? decodeCursor(after, arity) : null;
  const rest = start ? rows.filter((row) => compareKeys(keyOf(row), start) > 0) : rows;
  return toConnection(rest.slice(0, limit + 1), limit, keyOf, Boolean(after), async () => rows.length);
}
