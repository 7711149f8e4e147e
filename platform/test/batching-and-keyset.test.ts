import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  byKey,
  CursorParts,
  cursorShape,
  encodeCursor,
  groupBy,
  keysetConnection,
  loadExisting,
  loadersOnFirstUse,
  type CursorKey,
} from '../src/index.ts';

interface Row {
  id: string;
  parent: string | null;
}

const rows: Row[] = [
  { id: 'a', parent: 'x' },
  { id: 'b', parent: null },
  { id: 'c', parent: 'x' },
];

describe('batching helpers', () => {
  it('matches rows to keys in key order, with null for a missing key', () => {
    expect(byKey(['c', 'z', 'a'], rows, (r) => r.id)).toEqual([rows[2], null, rows[0]]);
  });

  it('groups rows by key in row order and leaves rows with a null key out', () => {
    expect(groupBy(['y', 'x'], rows, (r) => r.parent)).toEqual([[], [rows[0], rows[2]]]);
  });

  it('drops unknown keys from loadMany and rethrows the first failure', async () => {
    const found = { loadMany: async () => ['one', null, 'two'] };
    expect(await loadExisting(found, [1, 2, 3])).toEqual(['one', 'two']);
    const failing = { loadMany: async () => ['one', new Error('boom')] };
    await expect(loadExisting(failing, [1, 2])).rejects.toThrow('boom');
  });
});

describe('loadersOnFirstUse', () => {
  it("makes each loader from the request's arguments when first read, once per request", () => {
    const made: string[] = [];
    const loaders = loadersOnFirstUse({
      byId: (db: string, caller: string) => {
        made.push(`byId ${db} ${caller}`);
        return { db, caller };
      },
      byParent: (db: string) => {
        made.push(`byParent ${db}`);
        return new Map<string, string>();
      },
    });
    const first = loaders('db', 'alice');
    const second = loaders('db', 'bob');
    expect(made).toEqual([]);
    expect(first.byId).toEqual({ db: 'db', caller: 'alice' });
    expect(first.byId).toBe(first.byId);
    expect(second.byId).toEqual({ db: 'db', caller: 'bob' });
    expect(second.byId).not.toBe(first.byId);
    expect(made).toEqual(['byId db alice', 'byId db bob']);
    expect(Object.keys(first).sort()).toEqual(['byId']);
  });
});

describe('keysetConnection', () => {
  const shape = cursorShape('letters', CursorParts.text);
  const page = (after: string | null, limit: number, fetched: [string][] = []) => {
    const calls = { fetch: 0, seek: [] as CursorKey[] };
    const connection = keysetConnection({
      where: [sql`true`],
      after,
      limit,
      cursor: shape,
      seek: (key): SQL => {
        calls.seek.push(key);
        return sql`true`;
      },
      fetch: async (_where, limitPlusOne) => {
        calls.fetch++;
        return fetched.slice(0, limitPlusOne);
      },
      count: async () => 42,
      keyOf: (row) => row,
    });
    return { connection, calls };
  };

  it('fetches one row more than the page to tell whether there is a next page', async () => {
    const { connection } = page(null, 2, [['a'], ['b'], ['c']]);
    const result = await connection;
    expect(result.edges.map((e) => e.node)).toEqual([['a'], ['b']]);
    expect(result.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(await result.totalCount()).toBe(42);
  });

  it("encodes a cursor only when it is read: each edge's, and the page's first and last", async () => {
    const keyed: string[] = [];
    const connection = await keysetConnection({
      where: [sql`true`],
      after: null,
      limit: 3,
      cursor: shape,
      seek: (): SQL => sql`true`,
      fetch: async () => [['a'], ['b'], ['c'], ['d']] as [string][],
      count: async () => 4,
      keyOf: (row) => (keyed.push(row[0]), row),
    });
    expect(keyed).toEqual([]);
    expect(connection.pageInfo.endCursor).toBe(encodeCursor(shape, ['c']));
    expect(keyed).toEqual(['c']);
    expect(connection.edges.map((edge) => edge.cursor)).toEqual(
      ['a', 'b', 'c'].map((letter) => encodeCursor(shape, [letter])),
    );
    expect(connection.pageInfo.startCursor).toBe(connection.edges[0]!.cursor);
    // Each cursor once, however often it is read.
    expect(keyed).toEqual(['c', 'a', 'b']);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const empty = await page(null, 2).connection;
    expect(empty.pageInfo).toMatchObject({ startCursor: null, endCursor: null, hasNextPage: false });
  });

  it('passes the decoded cursor to seek and reports a previous page', async () => {
    const { connection, calls } = page(encodeCursor(shape, ['b']), 5, [['c']]);
    const result = await connection;
    expect(calls.seek).toEqual([['b']]);
    expect(result.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('refuses a cursor of the wrong shape, or an empty one, before seek or the page query runs', async () => {
    const raw = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    for (const after of [raw(['letters', 5]), raw(['other', 'b']), raw(['b']), '']) {
      const { connection, calls } = page(after, 5, [['c']]);
      await expect(connection).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      });
      expect(calls).toEqual({ fetch: 0, seek: [] });
    }
  });

  it('skips the page query for a page of 0 but still rejects a bad cursor', async () => {
    const { connection, calls } = page(null, 0);
    expect((await connection).edges).toEqual([]);
    expect(calls.fetch).toBe(0);
    await expect(page('not-a-cursor', 0).connection).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
