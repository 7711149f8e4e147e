import postgres from 'postgres';
import { createScratchDatabase, dropDatabase, withDatabase } from '@cadg/db';
import { prepareDatabase } from '../seed-large.ts';
import { cleanups } from './state.ts';

/**
 * Creates (if missing) and prepares the bench database on the server; returns its URL. With `fresh`
 * (the smoke) the database must not exist yet, and is dropped when the run ends.
 */
export async function benchDatabase(serverUrl: string, name: string, fresh: boolean): Promise<string> {
  const exists = await withSql(serverUrl, async (sql) => {
    const [row] = await sql`select 1 from pg_database where datname = ${name}`;
    if (row && fresh) throw new Error(`Database ${name} exists; the smoke only uses a database of its own.`);
    return row !== undefined;
  });
  const url = exists ? withDatabase(serverUrl, name) : (await createScratchDatabase(serverUrl, { name })).url;
  // Registered first, so it runs after every process using the database has stopped.
  if (fresh) cleanups.push(() => dropDatabase(serverUrl, name));
  await prepareDatabase(url);
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
