import {
  createSubgraphServer,
  type SubgraphSecurity,
  type SubgraphServer,
  type TokenVerifier,
} from '@cadg/platform';
import type { Db } from '@cadg/db';
import { createContext, type AipolicyContext } from './context.ts';
import { schema } from './schema.ts';

export { createContext, type AipolicyContext } from './context.ts';
export { schema } from './schema.ts';

export const DEFAULT_PORT = 4004;

/** Builds the aipolicy subgraph server without listening, so tests and the runner use what production runs. */
export function createAipolicyServer(
  db: Db,
  verifier: TokenVerifier,
  security?: SubgraphSecurity,
): Promise<SubgraphServer<AipolicyContext>> {
  return createSubgraphServer({
    name: 'aipolicy',
    schema,
    verifier,
    security,
    createContext: (caller) => createContext(db, caller),
  });
}
