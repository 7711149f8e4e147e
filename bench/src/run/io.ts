import postgres from 'postgres';
import { createDatabase, seedDatabase } from '@cadg/db';
import { cleanups } from './state.ts';

/**
 * Creates (if missing) and prepares the bench database on the server; returns its URL. With `fresh`
 * (the smoke) the database must not exist yet, and is dropped when the run ends.
 */
export async function benchDatabase(serverUrl: string, name: string, fresh: boolean): Promise<string> {
  await withSql(serverUrl, async (sql) => {
    const [exists] = await sql`select 1 from pg_database where datname = ${name}`;
    if (exists && fresh)
      throw new Error(`Database ${name} exists; the smoke only uses a database of its own.`);
    if (!exists) await sql.unsafe(`create database "${name}"`);
  });
  // Registered first, so it runs after every process using the database has stopped.
  if (fresh)
    cleanups.push(() =>
      withSql(serverUrl, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`)),
    );
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  const database = await createDatabase({ url, maxConnections: 2 });
  try {
    await database.migrate();
    await seedDatabase(database.db);
  } finally {
    await database.close();
  }
  return url;
}

export async function withSql<T>(url: string, use: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await use(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function post<T>(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ data?: T; errors?: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body,
  });
  return (await response.json()) as { data?: T; errors?: unknown };
}
