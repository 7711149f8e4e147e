import {
  Column,
  is,
  Name,
  Param,
  Placeholder,
  sql,
  SQL,
  StringChunk,
  Table,
  type SQLChunk,
} from 'drizzle-orm';

/**
 * A condition split into its shape and its values, so a statement built once for the shape runs
 * with each request's values: drizzle builds a statement's text anew on every run otherwise, which
 * was the incidents list's largest cost per request (issue #23's profile). Written here because
 * drizzle prepares only statements written with placeholders, and a list's conditions (the caller's
 * visibility, a filter) are written with values.
 */
export interface ConditionShape {
  /**
   * Tells conditions apart that would give different statement text: their literal SQL, every
   * table, column and identifier, and where each value goes; two conditions with the same key
   * differ only in their values.
   */
  readonly key: string;
  /** The values, as the driver gets them, in order; `p0`, `p1`, … in the shape's placeholders. */
  readonly values: Record<string, unknown>;
  /** The condition with a placeholder for each value (built once per shape, on first use). */
  readonly placeholders: () => SQL;
}

/** Each table's and column's place in shape keys: object identity, as drizzle renders them. */
const ids = new WeakMap<object, number>();
let nextId = 0;
const idOf = (object: object): number => {
  let id = ids.get(object);
  if (id === undefined) ids.set(object, (id = nextId++));
  return id;
};

/**
 * The shape of `condition`, or `null` when it holds anything whose text would depend on a value
 * (inlined parameters, a value an encoder turns into SQL) or any chunk other than literal SQL,
 * tables, columns, identifiers and values: such a condition is built on every run, as before.
 */
export function shapeOf(condition: SQL): ConditionShape | null {
  const values: unknown[] = [];
  const key: string[] = [];
  if (!walk(condition, key, values)) return null;
  const named: Record<string, unknown> = {};
  values.forEach((value, index) => (named[`p${index}`] = value));
  return {
    key: key.join(''),
    values: named,
    placeholders: () => {
      let index = 0;
      return withPlaceholders(condition, () => sql.placeholder(`p${index++}`));
    },
  };
}

// `instanceof`, not drizzle's `is()`: this runs for every chunk of a list's conditions on every
// request, and `is()` walks each class chain it does not match. A chunk from another copy of
// drizzle fails `instanceof`, so its condition has no shape and is built per request, as before.
function walk(chunk: unknown, key: string[], values: unknown[]): boolean {
  if (chunk === undefined) return true;
  if (chunk instanceof StringChunk) {
    key.push(chunk.value.join(''));
    return true;
  }
  if (chunk instanceof SQL) {
    // `.inlineParams()` writes values into the text (drizzle keeps the flag private).
    if ((chunk as unknown as { shouldInlineParams: boolean }).shouldInlineParams) return false;
    key.push('(');
    for (const part of chunk.queryChunks) if (!walk(part, key, values)) return false;
    key.push(')');
    return true;
  }
  if (Array.isArray(chunk)) {
    key.push(`[${chunk.length}`);
    for (const item of chunk) if (!walk(item, key, values)) return false;
    key.push(']');
    return true;
  }
  if (chunk instanceof Column || chunk instanceof Table) {
    key.push(`{${idOf(chunk)}}`);
    return true;
  }
  if (chunk instanceof Name) {
    key.push(`"${chunk.value}"`);
    return true;
  }
  if (chunk instanceof Param) {
    if (is(chunk.value, Placeholder)) return false;
    const mapped = chunk.value === null ? null : chunk.encoder.mapToDriverValue(chunk.value);
    if (is(mapped, SQL)) return false;
    key.push('?');
    values.push(mapped);
    return true;
  }
  // A plain value drizzle sends as a parameter as it is (strings, numbers, booleans, null, Dates);
  // anything else (an enum, which drizzle writes as its name; a view, a subquery) has no shape.
  const type = typeof chunk;
  if (
    chunk === null ||
    type === 'string' ||
    type === 'number' ||
    type === 'boolean' ||
    type === 'bigint' ||
    chunk instanceof Date
  ) {
    key.push('?');
    values.push(chunk);
    return true;
  }
  return false;
}

/** `condition` with each value (in `walk`'s order) replaced by the next placeholder. */
function withPlaceholders(condition: SQL, next: () => Placeholder): SQL {
  const replace = (chunk: unknown): unknown => {
    if (is(chunk, SQL)) return new SQL(chunk.queryChunks.map(replace) as SQLChunk[]);
    if (Array.isArray(chunk)) return chunk.map(replace);
    if (is(chunk, Param)) return next();
    if (
      chunk === undefined ||
      is(chunk, StringChunk) ||
      is(chunk, Column) ||
      is(chunk, Table) ||
      is(chunk, Name)
    )
      return chunk;
    return next();
  };
  return replace(condition) as SQL;
}
