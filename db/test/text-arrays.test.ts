import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../src/database.ts';
import * as dataflows from '../src/schema/dataflows.ts';
import { openTestDatabase, type TestDatabase } from '../src/testing/index.ts';

/**
 * Text arrays as postgres.js parses them, which patches/postgres+3.4.9.patch makes append each run
 * of a quoted element's characters as one slice. Every kind of element PostgreSQL quotes (spaces,
 * quotes, backslashes, commas, braces, the word NULL, the empty string) and the ones it does not,
 * sent as a parameter and read back, through postgres.js and through drizzle.
 */
describe.runIf(process.env['DATABASE_URL'])('text arrays read from PostgreSQL', () => {
  let testDb: TestDatabase;
  let database: Database;
  let plain: postgres.Sql;
  beforeAll(async () => {
    testDb = await openTestDatabase();
    database = await createDatabase({ url: testDb.url!, maxConnections: 1 });
    plain = postgres(testDb.url!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await plain?.end();
    await database?.close();
    await testDb?.dispose();
  });

  const elements = [
    'plain',
    'two words',
    'a "quoted" word',
    '"',
    'back\\slash',
    'ends in a backslash\\',
    '\\"',
    '',
    'NULL',
    'null',
    '{braces}',
    'a,b',
    ' leading and trailing ',
    'ünïcødé 中文 ✓',
    'line\nbreak\ttab',
    `${'long sentence, with a comma and "quotes" '.repeat(200)}end`,
  ];

  /** A text array PostgreSQL builds from `list` (sent as JSON, so no array serializer is involved). */
  const serverArray = async (list: readonly string[]): Promise<string[]> => {
    const [row] = await plain<{ a: string[] }[]>`
      select array(select json_array_elements_text(${JSON.stringify(list)}::text::json)) as a`;
    return row!.a;
  };

  it('gives back every element as it was sent, one at a time and all together', async () => {
    for (const element of elements)
      expect(await serverArray([element, 'x', element])).toEqual([element, 'x', element]);
    expect(await serverArray(elements)).toEqual(elements);
  });

  it("reads nested arrays and the server's own quoting the same way", async () => {
    const [row] = await plain<{ nested: string[][]; literal: string[] }[]>`
      select array[array['m n', 'o'], array['p "q"', 'r\\s']]::text[] as nested,
             array['a b', 'c', '', '{}', 'x,y']::text[] as literal`;
    expect(row!.nested).toEqual([
      ['m n', 'o'],
      ['p "q"', 'r\\s'],
    ]);
    expect(row!.literal).toEqual(['a b', 'c', '', '{}', 'x,y']);
  });

  it('reads a column of text arrays through drizzle as it was written', async () => {
    const { db } = database;
    const [policy] = await db.select().from(dataflows.policies).limit(1);
    await db
      .update(dataflows.policies)
      .set({ unknowns: elements })
      .where(eq(dataflows.policies.countryCode, policy!.countryCode));
    const [read] = await db
      .select({ unknowns: dataflows.policies.unknowns })
      .from(dataflows.policies)
      .where(eq(dataflows.policies.countryCode, policy!.countryCode));
    expect(read!.unknowns).toEqual(elements);
  });
});
