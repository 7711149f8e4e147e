import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Database, Db } from '@cadg/db';
import { openTestDatabase } from '@cadg/db/testing';
import { inProcessOn } from '@cadg/platform/testing';
import { createContext, schema } from '../src/server.ts';
import { VerificationPinger } from '../src/verification-pings.ts';
import { verificationSettingsFromEnv } from '../src/verification-settings.ts';

export { callerOf as as, errorCodes } from '@cadg/platform/testing';

/**
 * The contacts subgraph in process, on a private copy of the seeded test database. With a `logger`,
 * the subgraph queries through a handle that reports each statement it sends (drizzle's `logQuery`),
 * while the returned `db`, for a test's own setup and checks, stays unlogged.
 */
export async function startContacts(options: { logger?: Logger } = {}) {
  const testDb = await openTestDatabase();
  const db = testDb.database.db;
  const served = options.logger ? loggedHandle(testDb.database, options.logger) : db;
  // No SMTP server here: pings are tested end to end (test/e2e/contact-verification.test.ts).
  const pinger = new VerificationPinger(served, { ...verificationSettingsFromEnv({}), smtpUrl: null });
  return { db, ...(await inProcessOn(testDb, schema, (caller) => createContext(served, caller, pinger))) };
}

/** A second drizzle handle on the same client (so the same data and connections) with `logger`. */
function loggedHandle(database: Database, logger: Logger): Db {
  return database.kind === 'pglite'
    ? drizzlePglite(database.client, { logger })
    : drizzlePostgres(database.client, { logger });
}
