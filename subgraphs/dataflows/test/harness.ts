import { openTestDatabase } from '@cadg/db/testing';
import { inProcessSubgraph } from '@cadg/platform/testing';
import { createContext, schema } from '../src/server.ts';

export { callerOf as as, errorCodes } from '@cadg/platform/testing';

/** The dataflows subgraph in process, on a private copy of the seeded test database. */
export async function startDataflows() {
  const testDb = await openTestDatabase();
  const db = testDb.database.db;
  const subgraph = await inProcessSubgraph(schema, (caller) => createContext(db, caller));
  return {
    db,
    exec: subgraph.exec,
    async close() {
      await subgraph.stop();
      await testDb.dispose();
    },
  };
}
