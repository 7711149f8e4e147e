import { describe, expect, it } from 'vitest';
import { migrationDatabaseUrl, subgraphDatabaseUrl } from '../src/roles.ts';

const server = 'postgres://owner:secret@db.example.internal:5432/cadg?sslmode=verify-full';

describe('database URLs per role', () => {
  it('connect a subgraph as its own role on the DATABASE_URL server, without the owner’s password', () => {
    expect(subgraphDatabaseUrl({ DATABASE_URL: server }, 'incidents')).toBe(
      'postgres://cadg_incidents@db.example.internal:5432/cadg?sslmode=verify-full',
    );
  });

  it('prefer the subgraph’s own URL, which carries its own password', () => {
    const own = 'postgres://cadg_contacts:other@db.example.internal:5432/cadg';
    expect(subgraphDatabaseUrl({ DATABASE_URL: server, CONTACTS_DATABASE_URL: own }, 'contacts')).toBe(own);
    expect(subgraphDatabaseUrl({ CONTACTS_DATABASE_URL: own }, 'contacts')).toBe(own);
  });

  it('leave the subgraph on PGlite when no PostgreSQL URL is set', () => {
    expect(subgraphDatabaseUrl({}, 'aipolicy')).toBeUndefined();
    expect(migrationDatabaseUrl({})).toBeUndefined();
  });

  it('migrate with MIGRATION_DATABASE_URL before DATABASE_URL, and never with a subgraph’s URL', () => {
    const migrator = 'postgres://cadg_migrator:pw@db.example.internal:5432/cadg';
    expect(migrationDatabaseUrl({ DATABASE_URL: server, MIGRATION_DATABASE_URL: migrator })).toBe(migrator);
    expect(migrationDatabaseUrl({ DATABASE_URL: server })).toBe(server);
    expect(migrationDatabaseUrl({ CONTACTS_DATABASE_URL: server })).toBeUndefined();
  });

  it('refuse to guess a role connection from a URL without a host', () => {
    expect(() => subgraphDatabaseUrl({ DATABASE_URL: 'postgres:///cadg' }, 'dataflows')).toThrow(
      /DATAFLOWS_DATABASE_URL|<NAME>_DATABASE_URL/,
    );
  });
});
