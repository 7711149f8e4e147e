import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as contacts from '../src/schema/contacts.ts';
import { openTestDatabase, type TestDatabase } from '../src/testing/index.ts';

/**
 * Rows as drizzle maps them, which patches/drizzle-orm+0.45.4.patch makes cheaper (decoders found
 * once per field list, not per value): flat rows, nested selections, a left join's missing side as
 * null, decoded values (timestamps as Date, SQL with `mapWith`), and a prepared statement's
 * repeated runs, which reuse one field list.
 */
describe('row mapping', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await openTestDatabase();
  });
  afterAll(() => testDb.dispose());

  it('maps flat, nested and joined rows, with decoded values and null for a missing join', async () => {
    const { db } = testDb.database;
    const [organization] = await db.select().from(contacts.organizations).limit(1);
    expect(organization!.createdAt).toBeInstanceOf(Date);
    expect(typeof organization!.name).toBe('string');

    const joined = await db
      .select({
        organization: contacts.organizations,
        country: contacts.countries,
        nameLength: sql<number>`length(${contacts.organizations.name})`.mapWith(Number),
      })
      .from(contacts.organizations)
      .leftJoin(
        contacts.countries,
        and(
          eq(contacts.countries.code, contacts.organizations.countryCode),
          eq(contacts.countries.code, 'SG'),
        ),
      )
      .orderBy(contacts.organizations.id);
    expect(joined.length).toBeGreaterThan(1);
    for (const row of joined) {
      expect(row.organization.createdAt).toBeInstanceOf(Date);
      expect(row.nameLength).toBe(row.organization.name.length);
      // The country is there for Singapore's organizations only; for the rest the whole side is null.
      if (row.organization.countryCode === 'SG') expect(row.country).toMatchObject({ code: 'SG' });
      else expect(row.country).toBeNull();
    }
    expect(joined.some((row) => row.country === null)).toBe(true);
    expect(joined.some((row) => row.country !== null)).toBe(true);
  });

  it('maps the rows of a prepared statement the same on every run', async () => {
    const { db } = testDb.database;
    const byCountry = db
      .select({ id: contacts.organizations.id, country: { code: contacts.countries.code } })
      .from(contacts.organizations)
      .innerJoin(contacts.countries, eq(contacts.countries.code, contacts.organizations.countryCode))
      .where(eq(contacts.organizations.countryCode, sql.placeholder('code')))
      .orderBy(contacts.organizations.id)
      .prepare('row_mapping_by_country');
    const singapore = await byCountry.execute({ code: 'SG' });
    const malaysia = await byCountry.execute({ code: 'MY' });
    expect(singapore.length).toBeGreaterThan(0);
    expect(singapore.every((row) => row.country.code === 'SG' && typeof row.id === 'string')).toBe(true);
    expect(malaysia.every((row) => row.country.code === 'MY')).toBe(true);
    expect(await byCountry.execute({ code: 'SG' })).toEqual(singapore);
  });
});
