import { openTestDatabase } from '@cadg/db/testing';
import { inProcessOn } from '@cadg/platform/testing';
import { createContext, schema } from '../src/server.ts';

export { callerOf as as, errorCodes } from '@cadg/platform/testing';

/** The aipolicy subgraph in process, on a private copy of the seeded test database. */
export async function startAipolicy() {
  const testDb = await openTestDatabase();
  const db = testDb.database.db;
  return { db, ...(await inProcessOn(testDb, schema, (caller) => createContext(db, caller))) };
}
