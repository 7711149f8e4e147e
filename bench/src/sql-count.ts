import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database } from '@cadg/db';

/** One statement as it was sent. */
export interface SentStatement {
  text: string;
  params: readonly unknown[];
}

/** A database whose every SQL statement is counted, whoever sends it (drizzle or raw client). */
export interface CountedDatabase {
  /** Pass this to the stack instead of the original. */
  readonly database: Database;
  /** Statements sent since the last `reset()`. */
  count(): number;
  /** The statements' text since the last `reset()`, in the order they were sent. */
  statements(): readonly string[];
  /** The statements with their parameters (for EXPLAIN), in the order they were sent. */
  queries(): readonly SentStatement[];
  reset(): void;
}

/**
 * Counts the statements sent to a database. On PostgreSQL a second postgres.js client on the same
 * URL reports each statement through its `debug` hook; on PGlite (one connection, in-process) the
 * client's `query` and `exec` methods are wrapped. Either way the count covers every subgraph sharing
 * the database, and nothing the caller does not route through the returned `database`.
 *
 * @param url - the PostgreSQL URL of `database`; required when `database.kind` is `'postgres'`
 */
export function countStatements(database: Database, url?: string | null): CountedDatabase {
  const sent: SentStatement[] = [];
  // On PostgreSQL, drizzle's logger sees the parameters as the application passed them; postgres.js's
  // `debug` only sees them serialized (`true` as 't'), which would not survive being sent again.
  const logged: SentStatement[] = [];
  const record = (text: string, params: readonly unknown[] = []) => void sent.push({ text, params });
  const log = (text: string, params: readonly unknown[]) => void logged.push({ text, params });
  const counted =
    database.kind === 'pglite'
      ? countOnPglite(database, record)
      : countOnPostgres(database, url, record, log);
  return {
    database: counted,
    count: () => sent.length,
    statements: () => sent.map((s) => s.text),
    queries: () => [...(database.kind === 'pglite' ? sent : logged)],
    reset: () => {
      sent.splice(0);
      logged.splice(0);
    },
  };
}

function countOnPglite(
  database: Extract<Database, { kind: 'pglite' }>,
  record: (text: string, params?: readonly unknown[]) => void,
): Database {
  const client: PGlite = database.client;
  // Drizzle's PGlite session calls `client.query` at call time, so wrapping the instance's methods
  // sees every statement it sends (transactions go through `client.transaction`, not counted here;
  // the operations measured are reads).
  const { query, exec } = client;
  client.query = function (this: PGlite, ...args: Parameters<PGlite['query']>) {
    record(args[0], args[1]);
    return query.apply(this, args);
  } as PGlite['query'];
  client.exec = function (this: PGlite, ...args: Parameters<PGlite['exec']>) {
    record(args[0]);
    return exec.apply(this, args);
  };
  return database;
}

function countOnPostgres(
  database: Extract<Database, { kind: 'postgres' }>,
  url: string | null | undefined,
  record: (text: string, params?: readonly unknown[]) => void,
  log: (text: string, params: readonly unknown[]) => void,
): Database {
  if (!url) throw new Error('Counting statements on PostgreSQL needs the database URL.');
  const client = postgres(url, {
    max: 10,
    onnotice: () => {},
    connection: { application_name: 'cadg-counted' },
    debug: (_connection, query, parameters) => record(query, parameters),
  });
  return {
    kind: 'postgres',
    client,
    db: drizzlePostgres(client, { logger: { logQuery: log } }),
    migrate: database.migrate,
    close: () => client.end({ timeout: 5 }),
  };
}
