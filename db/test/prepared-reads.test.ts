import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../src/database.ts';
import * as contacts from '../src/schema/contacts.ts';
import { openTestDatabase, type TestDatabase } from '../src/testing/index.ts';

// What a connection has prepared is its own (pg_prepared_statements), so these run on a pool of one.
describe.runIf(process.env['DATABASE_URL'])('reads as prepared statements (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await openTestDatabase();
    database = await createDatabase({ url: testDb.url!, maxConnections: 1 });
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.dispose();
  });

  /** The statements the pool's one connection has prepared (this query's own among them). */
  const prepared = async (): Promise<string[]> => {
    if (database.kind !== 'postgres') throw new Error('PostgreSQL only');
    const rows = await database.client<{ statement: string }[]>`
      select statement from pg_prepared_statements where not from_sql`;
    return rows.map((row) => row.statement);
  };

  it('runs a read with parameters as a named statement, prepared once per connection', async () => {
    const read = () => database.db.select().from(contacts.countries).where(eq(contacts.countries.code, 'SG'));
    const first = await read();
    const again = await read();
    expect(again).toEqual(first);
    const statements = (await prepared()).filter((text) => text.includes('"contacts"."countries"'));
    expect(statements).toHaveLength(1);
  });

  it('leaves writes and reads without parameters unnamed', async () => {
    await database.db
      .update(contacts.countries)
      .set({ name: sql`${contacts.countries.name}` })
      .where(eq(contacts.countries.code, 'SG'));
    await database.db.select().from(contacts.organizations);
    const statements = await prepared();
    expect(statements.filter((text) => /^update/i.test(text))).toEqual([]);
    expect(statements.filter((text) => text.includes('"contacts"."organizations"'))).toEqual([]);
  });
});
