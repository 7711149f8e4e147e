import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableKeyset } from '../src/keyset.ts';
import * as contacts from '../src/schema/contacts.ts';
import { shapeOf } from '../src/statement-shape.ts';
import { openTestDatabase, type TestDatabase } from '../src/testing/index.ts';

const o = contacts.organizations;

describe('a condition shape', () => {
  it('is the same for the same condition with other values, and differs with any other text', () => {
    const sg = shapeOf(and(eq(o.countryCode, 'SG'), inArray(o.kind, ['CERT']))!)!;
    const my = shapeOf(and(eq(o.countryCode, 'MY'), inArray(o.kind, ['REGULATOR']))!)!;
    expect(my.key).toBe(sg.key);
    expect(sg.values).toEqual({ p0: 'SG', p1: 'CERT' });
    expect(my.values).toEqual({ p0: 'MY', p1: 'REGULATOR' });
    // Another column, operator, list length, literal or identifier is another statement.
    const others = [
      and(eq(o.name, 'SG'), inArray(o.kind, ['CERT'])),
      and(sql`${o.countryCode} <> ${'SG'}`, inArray(o.kind, ['CERT'])),
      and(eq(o.countryCode, 'SG'), inArray(o.kind, ['CERT', 'REGULATOR'])),
      and(eq(o.countryCode, 'SG'), inArray(o.kind, ['CERT']), sql`true`),
      sql`${sql.identifier('country_code')} = ${'SG'}`,
    ];
    for (const other of others) expect(shapeOf(other!)!.key).not.toBe(sg.key);
  });

  it('is refused to a condition whose text would depend on its values', () => {
    expect(shapeOf(sql`${o.countryCode} = ${'SG'}`.inlineParams())).toBeNull();
    expect(shapeOf(sql`${o.countryCode} = ${sql.placeholder('code')}`)).toBeNull();
    // An enum is written as its name, not sent as a value.
    expect(shapeOf(sql`${o.kind}::${contacts.organizationKind}`)).toBeNull();
  });
});

describe('a keyset page by shape', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await openTestDatabase();
  });
  afterAll(() => testDb.dispose());

  it('reads what the same query built each time reads, for every value of one shape', async () => {
    const { db } = testDb.database;
    const keyset = tableKeyset(db, o, 'asc', [o.name, o.id]);
    const codes = (await db.selectDistinct({ code: o.countryCode }).from(o)).map((row) => row.code);
    expect(codes.length).toBeGreaterThan(2);
    for (const code of codes) {
      const where = and(eq(o.countryCode, code), sql`${o.name} >= ${'A'}`);
      const expected = await db.select().from(o).where(where).orderBy(asc(o.name), asc(o.id)).limit(3);
      expect(await keyset.fetch(where, 3)).toEqual(expected);
      // Past the first row's key: the seek condition is a shape of its own, with its own values.
      const [first] = expected;
      if (!first) continue;
      const after = and(where, keyset.seek([first.name, first.id]));
      const rest = await db.select().from(o).where(after).orderBy(asc(o.name), asc(o.id)).limit(5);
      expect(await keyset.fetch(after, 5)).toEqual(rest);
    }
  });

  it('orders by a sort key with a value in it as that request says, not as the first one did', async () => {
    const { db } = testDb.database;
    for (const code of ['SG', 'MY']) {
      const first = sql`(${o.countryCode} = ${code})`;
      const keyset = tableKeyset(db, o, 'desc', [first, o.id]);
      const where = sql`${o.name} >= ${'A'}`;
      const expected = await db
        .select()
        .from(o)
        .where(where)
        .orderBy(sql`${first} desc`, sql`${o.id} desc`)
        .limit(2);
      expect(expected[0]!.countryCode).toBe(code);
      expect(await keyset.fetch(where, 2)).toEqual(expected);
    }
  });
});
