import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/**
 * Scratch databases: a PostgreSQL database of its own for a test run, a test file, a benchmark or
 * a standalone stack, created on the server an admin URL names and dropped afterwards. The one
 * place that creates and drops them (test templates and their copies, the bench, `stack`'s
 * standalone runner, the role tests).
 */
export interface ScratchDatabase {
  readonly name: string;
  /** The admin URL with the database switched to this one. */
  readonly url: string;
  /** Drops it, closing whatever sessions are still connected. */
  drop(): Promise<void>;
}

export interface ScratchDatabaseOptions {
  /** Names it `<prefix>_<8 hex digits>`. @default 'cadg_scratch' */
  prefix?: string;
  /** Exactly this name instead (it must not exist yet). */
  name?: string;
  /** A copy of this database (PostgreSQL's `template`), e.g. a migrated and seeded test template. */
  template?: string;
  /** Owned by this role rather than the admin URL's. */
  owner?: string;
}

/** The URL of database `name` on the server `url` points at. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function onServer(adminUrl: string, statement: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(statement);
  } finally {
    await admin.end();
  }
}

/** Creates a fresh, empty (or template-copied) database on the server at `adminUrl`. */
export async function createScratchDatabase(
  adminUrl: string,
  options: ScratchDatabaseOptions = {},
): Promise<ScratchDatabase> {
  const name = options.name ?? `${options.prefix ?? 'cadg_scratch'}_${randomBytes(4).toString('hex')}`;
  const clauses = [
    options.owner ? `owner "${options.owner}"` : '',
    options.template ? `template "${options.template}"` : '',
  ].filter(Boolean);
  await onServer(adminUrl, `create database "${name}" ${clauses.join(' ')}`.trim());
  return { name, url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

/** Drops database `name` on the server at `adminUrl` if it exists, closing its sessions. */
export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return onServer(adminUrl, `drop database if exists "${name}" with (force)`);
}
