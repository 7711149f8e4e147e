import { createSubgraphServer, type SubgraphServer, type SubgraphServerBaseOptions } from '@cadg/platform';
import { changeLogOf, type Database } from '@cadg/db';
import { createContext, type ContactsContext } from './context.ts';
import { schema } from './schema.ts';
import { VerificationJob } from './verification-job.ts';
import { VerificationPinger } from './verification-pings.ts';
import { verificationSettingsFromEnv, type VerificationSettings } from './verification-settings.ts';

export { createContext, type ContactsContext } from './context.ts';
export { schema } from './schema.ts';
export type { VerificationSettings } from './verification-settings.ts';

/** What the contacts subgraph is built from: every subgraph's options (platform's entry.ts), and its own. */
export interface ContactsServerOptions extends SubgraphServerBaseOptions<Database> {
  /**
   * Contact-verification settings, each overriding the environment's (see verification-settings.ts).
   * @default verificationSettingsFromEnv(process.env)
   */
  verification?: Partial<VerificationSettings> | undefined;
}

/** Builds the contacts subgraph server without listening, so tests and the runner use what production runs. */
export async function createContactsServer({
  database,
  verifier,
  security,
  verification,
}: ContactsServerOptions): Promise<SubgraphServer<ContactsContext>> {
  const db = database.db;
  const pinger = new VerificationPinger(db, { ...verificationSettingsFromEnv(process.env), ...verification });
  const job = new VerificationJob(pinger);
  const server = await createSubgraphServer({
    name: 'contacts',
    schema,
    verifier,
    security,
    changes: changeLogOf(db, 'contacts'),
    createContext: (caller) => createContext(db, caller, pinger),
  });
  job.start();
  return {
    ...server,
    async close() {
      await server.close();
      await job.stop();
      pinger.close();
    },
  };
}
