import { openTestDatabase } from '@cadg/db/testing';
import { inProcessOn } from '@cadg/platform/testing';
import { createContext, schema } from '../src/server.ts';
import { VerificationPinger } from '../src/verification-pings.ts';
import { verificationSettingsFromEnv } from '../src/verification-settings.ts';

export { callerOf as as, errorCodes } from '@cadg/platform/testing';

/** The contacts subgraph in process, on a private copy of the seeded test database. */
export async function startContacts() {
  const testDb = await openTestDatabase();
  const db = testDb.database.db;
  // No SMTP server here: pings are tested end to end (test/e2e/contact-verification.test.ts).
  const pinger = new VerificationPinger(db, { ...verificationSettingsFromEnv({}), smtpUrl: null });
  return { db, ...(await inProcessOn(testDb, schema, (caller) => createContext(db, caller, pinger))) };
}
