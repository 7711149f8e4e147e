import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, planCacheModeFromEnv, type Database } from '../src/database.ts';
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

describe('DATABASE_PLAN_CACHE_MODE', () => {
  it("takes one of PostgreSQL's modes, and nothing else", () => {
    expect(planCacheModeFromEnv({})).toBeUndefined();
    expect(planCacheModeFromEnv({ DATABASE_PLAN_CACHE_MODE: 'auto' })).toBe('auto');
    expect(() => planCacheModeFromEnv({ DATABASE_PLAN_CACHE_MODE: 'generic' })).toThrow(
      /must be one of force_generic_plan, auto, force_custom_plan/,
    );
  });
});

// A page read the way a list reads one: a parameter in the condition and a `limit` parameter, which
// under `auto` keeps PostgreSQL planning the statement afresh on every run.
describe.runIf(process.env['DATABASE_URL'])('how prepared reads are planned (PostgreSQL)', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await openTestDatabase();
  });
  afterAll(() => testDb?.dispose());

  /** Runs the page read `times` times on a pool of one; what the server says of its plans. */
  async function planned(planCacheMode: 'force_generic_plan' | 'auto' | undefined, times: number) {
    const database = await createDatabase({ url: testDb.url!, maxConnections: 1, planCacheMode });
    try {
      if (database.kind !== 'postgres') throw new Error('PostgreSQL only');
      const pages: unknown[] = [];
      for (let run = 0; run < times; run += 1) {
        pages.push(
          await database.db
            .select()
            .from(contacts.organizations)
            .where(eq(contacts.organizations.countryCode, 'SG'))
            .orderBy(contacts.organizations.id)
            .limit(2),
        );
      }
      const [mode] = await database.client<{ plan_cache_mode: string }[]>`show plan_cache_mode`;
      const [plans] = await database.client<{ generic: number; custom: number }[]>`
        select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements
        where not from_sql and statement like 'select "id", "country_code", %'`;
      return { mode: mode!.plan_cache_mode, plans, pages };
    } finally {
      await database.close();
    }
  }

  it('plans each statement once per connection by default, with the same rows', async () => {
    const generic = await planned(undefined, 8);
    expect(generic.mode).toBe('force_generic_plan');
    // Never planned for the run's parameters: one generic plan, built once and reused.
    expect(generic.plans!.custom).toBe(0);
    expect(generic.plans!.generic).toBeGreaterThanOrEqual(1);
    const custom = await planned('auto', 8);
    expect(custom.mode).toBe('auto');
    expect(custom.plans!.custom).toBeGreaterThanOrEqual(5);
    expect(generic.pages).toEqual(custom.pages);
    expect((generic.pages[0] as unknown[]).length).toBeGreaterThan(0);
  });
});
