import {
  createSubgraphServer,
  type SubgraphSecurity,
  type SubgraphServer,
  type TokenVerifier,
} from '@cadg/platform';
import type { Db } from '@cadg/db';
import { createContext, type ContactsContext } from './context.ts';
import { schema } from './schema.ts';
import { VerificationJob } from './verification-job.ts';
import { VerificationPinger } from './verification-pings.ts';
import { verificationSettingsFromEnv, type VerificationSettings } from './verification-settings.ts';

export { createContext, type ContactsContext } from './context.ts';
export { schema } from './schema.ts';
export type { VerificationSettings } from './verification-settings.ts';

export const DEFAULT_PORT = 4001;

/**
 * Builds the contacts subgraph server without listening, so tests and the runner use what
 * production runs. `verification` overrides the environment's contact-verification settings.
 */
export async function createContactsServer(
  db: Db,
  verifier: TokenVerifier,
  security?: SubgraphSecurity,
  verification?: Partial<VerificationSettings>,
): Promise<SubgraphServer<ContactsContext>> {
  const pinger = new VerificationPinger(db, { ...verificationSettingsFromEnv(process.env), ...verification });
  const job = new VerificationJob(pinger);
  const server = await createSubgraphServer({
    name: 'contacts',
    schema,
    verifier,
    security,
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
