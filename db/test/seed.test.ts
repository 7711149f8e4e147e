import { count, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDatabase, createScratchDatabase, seedDatabase, type Database } from '../src/index.ts';
import * as t from '../src/schema/contacts.ts';
import * as data from '../src/seed/contacts-data.ts';

async function counts(database: Database) {
  const [countries] = await database.db.select({ n: count() }).from(t.countries);
  const [organizations] = await database.db.select({ n: count() }).from(t.organizations);
  const [contacts] = await database.db.select({ n: count() }).from(t.contacts);
  return { countries: countries?.n, organizations: organizations?.n, contacts: contacts?.n };
}

/** The row counts the planner has for three reference tables, from their last ANALYZE. */
async function plannerRowCounts(database: Database) {
  const rows = await database.db
    .select({ name: sql<string>`n.nspname || '.' || c.relname`, rows: sql<number>`c.reltuples::int` })
    .from(sql`pg_class c join pg_namespace n on n.oid = c.relnamespace`)
    .where(
      sql`(n.nspname, c.relname) in (('aipolicy', 'countries'), ('contacts', 'organizations'), ('contacts', 'contacts'))`,
    );
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.rows)]));
}

describe('migrations and seed', () => {
  it('migrate an empty PGlite database and seed it once, however often seeding runs', async () => {
    const database = await createDatabase();
    try {
      await database.migrate();
      await database.migrate();
      await seedDatabase(database.db);
      const first = await counts(database);
      await seedDatabase(database.db);
      expect(await counts(database)).toEqual(first);
      expect(first).toEqual({
        countries: 12,
        organizations: data.organizations.length,
        contacts: data.contacts.length,
      });
      // Seeding ends with ANALYZE: the planner knows the tables' sizes (-1 in `reltuples` means
      // never analyzed, and PostgreSQL plans for a default size instead).
      expect(await plannerRowCounts(database)).toEqual({
        'aipolicy.countries': 12,
        'contacts.organizations': data.organizations.length,
        'contacts.contacts': data.contacts.length,
      });
    } finally {
      await database.close();
    }
  });

  const url = process.env['DATABASE_URL'];
  it.runIf(url)(
    'migrate and seed once when several processes start on one empty PostgreSQL together',
    async () => {
      const scratch = await createScratchDatabase(url!, { prefix: 'cadg_seed' });
      const replicas = await Promise.all(
        [1, 2, 3].map(() => createDatabase({ url: scratch.url, maxConnections: 2 })),
      );
      try {
        await Promise.all(
          replicas.map(async (replica) => {
            await replica.migrate();
            await seedDatabase(replica.db);
          }),
        );
        expect((await counts(replicas[0]!)).countries).toBe(12);
      } finally {
        await Promise.all(replicas.map((replica) => replica.close()));
        await scratch.drop();
      }
    },
  );
});

describe('seed data', () => {
  it('covers the 11 ASEAN member states and China, with Timor-Leste a member since 2025-10-26', () => {
    expect(data.countries).toHaveLength(12);
    expect(data.countries.filter((c) => c.aseanMemberSince !== null)).toHaveLength(11);
    expect(data.countries.find((c) => c.code === 'TL')?.aseanMemberSince).toBe('2025-10-26');
    expect(data.countries.find((c) => c.code === 'CN')?.aseanMemberSince).toBeNull();
  });

  it('gives every country at least two registered bodies, each with a source', () => {
    for (const country of data.countries) {
      const bodies = data.organizations.filter((o) => o.countryCode === country.code);
      expect(bodies.length, country.code).toBeGreaterThanOrEqual(2);
    }
    for (const org of data.organizations) expect(org.sourceUrl, org.id).toMatch(/^https?:\/\//);
  });

  it('uses only fictional contacts on .example domains with well-formed fingerprints and zones', () => {
    // Intl.supportedValuesOf lists only CLDR's canonical names (Asia/Rangoon), so ask the formatter.
    const isZone = (zone: string) => {
      try {
        return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone.length > 0;
      } catch {
        return false;
      }
    };
    for (const contact of data.contacts) {
      expect(contact.email, contact.name).toMatch(/@[a-z0-9.-]+\.example$/);
      expect(isZone(contact.timezone), contact.timezone).toBe(true);
      if (contact.pgpFingerprint) expect(contact.pgpFingerprint).toMatch(/^[0-9A-F]{40}$/);
    }
  });
});
