import { and, type SQL } from 'drizzle-orm';
import { badUserInput } from './errors.ts';
import { isIsoDate } from './scalars.ts';

/**
 * Opaque keyset cursors: the sort key of the last row, base64url-encoded JSON. Clients must treat
 * them as opaque; we only promise that a cursor from a page works as `after` for the same list.
 *
 * Every list declares its cursor's shape (`cursorShape`): a name and the kind of each part of its
 * sort key. `decodeCursor` checks a client's cursor against that shape (the list it came from,
 * how many parts, and each part's type, range and format) before anything reaches SQL, so a forged,
 * truncated or mistyped cursor, or one from another list, is BAD_USER_INPUT rather than a database
 * error. The checks are hand-written rather than a schema library's: each is one predicate for
 * what PostgreSQL accepts in the column's type (a canonical instant in its range, a calendar day
 * from year 1, a UUID, a safe integer, text without NUL), which a library would need as custom
 * refinements anyway.
 */
export type CursorKey = readonly (string | number)[];

/** One part of a cursor key: what a valid value of it looks like. */
export interface CursorPart<T extends string | number = string | number> {
  /** Names the kind in messages and tests, e.g. `timestamp`. */
  readonly kind: string;
  readonly accepts: (value: unknown) => value is T;
}

/** Longest text part a cursor may carry; above every name and id the lists sort on (300 at most). */
export const MAX_CURSOR_TEXT = 1_000;
/** Longest cursor accepted at all: a key of MAX_CURSOR_TEXT four-byte characters still fits. */
export const MAX_CURSOR_LENGTH = 8_192;

// Four-digit years only: JavaScript writes years past 9999 as `+010000`, which PostgreSQL refuses.
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A lone surrogate is no character at all: refused rather than left to a driver to replace.
// eslint-disable-next-line no-control-regex -- NUL is one of the characters refused here.
const NUL_OR_LONE_SURROGATE = /[\u0000\p{Cs}]/u;
/** True for an instant as `Date.toISOString()` writes it, from year 1 (PostgreSQL has no year 0). */
function isCanonicalInstant(value: string): boolean {
  if (!CANONICAL_INSTANT.test(value) || value.startsWith('0000')) return false;
  const date = new Date(value);
  // `toISOString` throws on an invalid date (month 13, hour 25), so that is asked first.
  return !Number.isNaN(date.getTime()) && date.toISOString() === value;
}

const part = <T extends string | number>(
  kind: string,
  accepts: (value: unknown) => boolean,
): CursorPart<T> => ({
  kind,
  accepts: accepts as (value: unknown) => value is T,
});

/** The kinds of part a cursor key is made of. */
export const CursorParts = {
  /** A `timestamptz` as `Date.toISOString()` writes it (UTC, milliseconds), years 1 to 9999. */
  timestamp: part<string>('timestamp', (value) => typeof value === 'string' && isCanonicalInstant(value)),
  /** A `date` as `YYYY-MM-DD`, a real calendar day, years 1 to 9999 (as the Date scalar takes it). */
  date: part<string>('date', (value) => typeof value === 'string' && isIsoDate(value)),
  /** A `uuid` in its hyphenated hexadecimal form. */
  uuid: part<string>('uuid', (value) => typeof value === 'string' && UUID.test(value)),
  /** A `text` sort key or id: at most MAX_CURSOR_TEXT characters, no NUL, well-formed. */
  text: part<string>(
    'text',
    (value) =>
      typeof value === 'string' && value.length <= MAX_CURSOR_TEXT && !NUL_OR_LONE_SURROGATE.test(value),
  ),
  /** A `bigserial` id: a non-negative safe integer. */
  serial: part<number>('serial', (value) => Number.isSafeInteger(value) && (value as number) >= 0),
} as const;

/** The key type a list of parts decodes to, e.g. `[string, string]` for a timestamp and a uuid. */
export type KeyOf<P extends readonly CursorPart[]> = {
  -readonly [I in keyof P]: P[I] extends CursorPart<infer T> ? T : never;
};

/** What a list's cursors look like; see `cursorShape`. */
export interface CursorShape<P extends readonly CursorPart[] = readonly CursorPart[]> {
  /** Written as the cursor's first element, so a cursor of another list is refused; null writes none. */
  readonly list: string | null;
  readonly parts: P;
}

/**
 * The cursor of one list: its name and the kinds of its sort key's parts, in order. Lists sharing
 * an order (all incidents by report time, whoever's they are) share a name. `list` null writes no
 * name, for cursors clients keep across releases (the event cursor), whose encoding must not change.
 */
export function cursorShape<const P extends readonly CursorPart[]>(
  list: string | null,
  ...parts: P
): CursorShape<P> {
  return { list, parts };
}

export function encodeCursor<P extends readonly CursorPart[]>(shape: CursorShape<P>, key: KeyOf<P>): string {
  const parts: readonly unknown[] = shape.list === null ? key : [shape.list, ...key];
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The key in a client's cursor, checked against the list's shape; throws BAD_USER_INPUT naming
 * `field` for anything this list did not issue.
 */
export function decodeCursor<P extends readonly CursorPart[]>(
  cursor: string,
  shape: CursorShape<P>,
  field = 'after',
): KeyOf<P> {
  const refuse = () => badUserInput(field, 'The cursor is not one this API issued for this list.');
  if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) throw refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed)) throw refuse();
  const key: unknown[] = shape.list === null ? parsed : parsed.slice(1);
  if (shape.list !== null && parsed[0] !== shape.list) throw refuse();
  if (key.length !== shape.parts.length) throw refuse();
  if (!shape.parts.every((kind, i) => kind.accepts(key[i]))) throw refuse();
  return key as KeyOf<P>;
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
export function toConnection<T, P extends readonly CursorPart[]>(
  rows: readonly T[],
  limit: number,
  shape: CursorShape<P>,
  keyOf: (row: T) => KeyOf<P>,
  hasPrevious: boolean,
  totalCount: () => Promise<number>,
): Connection<T> {
  const edges = rows.slice(0, limit).map((node) => new PageEdge(node, shape, keyOf));
  return {
    edges,
    pageInfo: new PageBounds(edges, rows.length > limit, hasPrevious),
    totalCount,
  };
}

/**
 * An edge whose cursor is encoded when first read: most clients ask for `pageInfo.endCursor` and
 * never for every edge's cursor, and encoding one is a JSON text and a base64 copy.
 */
class PageEdge<T, P extends readonly CursorPart[]> implements Edge<T> {
  readonly #shape: CursorShape<P>;
  readonly #keyOf: (row: T) => KeyOf<P>;
  #cursor: string | undefined;
  constructor(
    readonly node: T,
    shape: CursorShape<P>,
    keyOf: (row: T) => KeyOf<P>,
  ) {
    this.#shape = shape;
    this.#keyOf = keyOf;
  }
  get cursor(): string {
    return (this.#cursor ??= encodeCursor(this.#shape, this.#keyOf(this.node)));
  }
}

/** A page's bounds: its first and last cursors come from its edges, encoded when read. */
class PageBounds implements PageInfo {
  readonly #edges: readonly Edge<unknown>[];
  constructor(
    edges: readonly Edge<unknown>[],
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {
    this.#edges = edges;
  }
  get startCursor(): string | null {
    return this.#edges[0]?.cursor ?? null;
  }
  get endCursor(): string | null {
    return this.#edges.at(-1)?.cursor ?? null;
  }
}

/** The client's `after`, decoded against the list's shape; null when it sent none. */
function startAfter<P extends readonly CursorPart[]>(
  after: string | null | undefined,
  shape: CursorShape<P>,
): KeyOf<P> | null {
  // An empty string is no cursor this API issued, not a request for the first page.
  return after === null || after === undefined ? null : decodeCursor(after, shape);
}

/** What `keysetConnection` needs to know about one list; see there. */
export interface KeysetPage<T, P extends readonly CursorPart[]> {
  /** The list's filter (caller visibility included), ANDed; also what `totalCount` counts. */
  where: readonly SQL[];
  /** The client's `after` cursor, if any. */
  after: string | null | undefined;
  /** Page size, already checked by `pageSize`. */
  limit: number;
  /** The list's cursor: every `after` is checked against it before `seek` sees it. */
  cursor: CursorShape<P>;
  /** The condition "sorts after this key" in the list's order; gets only keys of the list's shape. */
  seek: (key: KeyOf<P>) => SQL;
  /** Runs the page query: `where` applied, the list's order, at most `limitPlusOne` rows. */
  fetch: (where: SQL | undefined, limitPlusOne: number) => Promise<T[]>;
  /** Counts the rows matching `where` (the filter without the cursor condition). */
  count: (where: SQL | undefined) => Promise<number>;
  /** The sort key of a row; must match the order `fetch` uses and the shape of `cursor`. */
  keyOf: (row: T) => KeyOf<P>;
}

/**
 * One page of a database list, keyset-paginated: the rows after the `after` cursor in the list's
 * order, fetched with `limit + 1` so the extra row tells whether there is a next page.
 *
 * A bad cursor fails even when `limit` is 0, and `limit` 0 skips the page query, so a client asking
 * only for `totalCount` pays for the count alone. The count ignores the cursor: it is the size of
 * the whole filtered list, and it runs only if a client selects `totalCount`.
 */
export async function keysetConnection<T, P extends readonly CursorPart[]>(
  page: KeysetPage<T, P>,
): Promise<Connection<T>> {
  const { where, after, limit, cursor, seek, fetch, count, keyOf } = page;
  const start = startAfter(after, cursor);
  const conditions = start ? [...where, seek(start)] : where;
  const rows = limit === 0 ? [] : await fetch(and(...conditions), limit + 1);
  return toConnection(rows, limit, cursor, keyOf, start !== null, () => count(and(...where)));
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
export function pageInMemory<T, P extends readonly CursorPart[]>(
  rows: readonly T[],
  limit: number,
  after: string | null | undefined,
  cursor: CursorShape<P>,
  keyOf: (row: T) => KeyOf<P>,
): Connection<T> {
  const start = startAfter(after, cursor);
  const rest = start ? rows.filter((row) => compareKeys(keyOf(row), start) > 0) : rows;
  return toConnection(
    rest.slice(0, limit + 1),
    limit,
    cursor,
    keyOf,
    start !== null,
    async () => rows.length,
  );
}
