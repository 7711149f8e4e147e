/**
 * Helpers for DataLoader batch functions. A batch function must return exactly one result per key,
 * in key order, whatever order and however many rows the database returned; these do that mapping.
 */

/**
 * One row (or `null`) per key, for a lookup by a unique column.
 *
 * @param keys - the keys DataLoader asked for, in its order
 * @param rows - the rows found, in any order
 * @param keyOf - the unique key of a row
 * @returns `rows` matched to `keys`; `null` where no row has that key
 */
export function byKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

/**
 * The rows of each key, for a lookup by a non-unique column. Rows keep the order they came in, so
 * an `ORDER BY` in the query is the order within each group.
 *
 * @param keys - the keys DataLoader asked for, in its order
 * @param rows - the rows found, in the order each group should have
 * @param keyOf - the key of a row; `null` (a nullable foreign key) puts the row in no group
 * @returns one array per key, empty where no row has that key
 */
export function groupBy<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K | null): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null) groups.get(key)?.push(row);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/** The part of a DataLoader that `loadExisting` needs; structural so platform need not depend on it. */
export interface ManyLoader<K, V> {
  loadMany(keys: ArrayLike<K>): Promise<(V | Error)[]>;
}

/**
 * `loadMany` that rethrows the first failure instead of returning it, and drops unknown keys: for
 * lists of references (ids stored on a row) where a dangling id should not fail the whole field.
 *
 * @param loader - a loader that resolves unknown keys to `null`
 * @param keys - the keys to load
 * @returns the values found, in key order
 */
export async function loadExisting<K, V>(loader: ManyLoader<K, V | null>, keys: readonly K[]): Promise<V[]> {
  const values = await loader.loadMany(keys);
  const failure = values.find((value): value is Error => value instanceof Error);
  if (failure) throw failure;
  return values.filter((value): value is V => value !== null && !(value instanceof Error));
}

/** The part of a DataLoader that `loadRequired` needs. */
export interface OneLoader<K, V> {
  load(key: K): Promise<V>;
}

/**
 * `load` for a reference the schema declares non-null and the database keeps (a foreign key): a
 * missing row is a broken invariant, reported as such rather than as a null in a non-null field.
 *
 * @param loader - a loader that resolves unknown keys to `null`
 * @param key - the key a row holds
 * @returns the value found
 */
export async function loadRequired<K, V>(loader: OneLoader<K, V | null>, key: K): Promise<V> {
  const value = await loader.load(key);
  if (value === null) throw new Error(`No row for the required reference ${String(key)}.`);
  return value;
}

const ARGUMENTS = Symbol('the request arguments loaders are made from');

/**
 * A subgraph's loaders for one request, each made the first time a resolver reads it. A subgraph
 * has a dozen or more access paths and a request uses a few; making every DataLoader (and its batch
 * function) for every request was a visible share of a subgraph's CPU on small requests (issue
 * #23's profile). Each factory gets the request's arguments (its database, caller, …); the result
 * reads like the object of loaders it replaces. Written here because it is one getter per loader,
 * which no DataLoader companion library offers without a container of its own.
 *
 * @param factories - one function per loader, by name
 * @returns a function of the request's arguments that gives its loaders
 */
export function loadersOnFirstUse<F extends Record<string, (...args: never[]) => unknown>>(
  factories: F,
): (...args: Parameters<F[keyof F]>) => { [K in keyof F]: ReturnType<F[K]> } {
  type Args = Parameters<F[keyof F]>;
  // The getters live on a prototype shared by every request's object; the first read of a loader
  // puts it on the object itself, so later reads are plain property reads.
  const prototype: object = {};
  for (const [name, make] of Object.entries(factories) as [string, (...args: Args) => unknown][]) {
    Object.defineProperty(prototype, name, {
      enumerable: true,
      get(this: { [ARGUMENTS]: Args }) {
        const loader = make(...this[ARGUMENTS]);
        Object.defineProperty(this, name, { value: loader, enumerable: true });
        return loader;
      },
    });
  }
  return (...args) =>
    Object.assign(Object.create(prototype) as { [K in keyof F]: ReturnType<F[K]> }, { [ARGUMENTS]: args });
}
