import {
  createSubgraphServer,
  type SubgraphSecurity,
  type SubgraphServer,
  type TokenVerifier,
} from '@cadg/platform';
import type { Db } from '@cadg/db';
import { createContext, type ContactsContext } from './context.ts';
import { schema } from './schema.ts';

export { createContext, type ContactsContext } from './context.ts';
export { schema } from './schema.ts';

export const DEFAULT_PORT = 4001;

/** Builds the contacts subgraph server without listening, so tests and the runner use what production runs. */
export function createContactsServer(
  db: Db,
  verifier: TokenVerifier,
  security?: SubgraphSecurity,
): Promise<SubgraphServer<ContactsContext>> {
  return createSubgraphServer({
    name: 'contacts',
    schema,
    verifier,
    security,
    createContext: (caller) => createContext(db, caller),
  });
}
