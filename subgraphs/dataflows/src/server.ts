import {
  createSubgraphServer,
  type SubgraphSecurity,
  type SubgraphServer,
  type TokenVerifier,
} from '@cadg/platform';
import type { Db } from '@cadg/db';
import { createContext, type DataflowsContext } from './context.ts';
import { schema } from './schema.ts';

export { createContext, type DataflowsContext } from './context.ts';
export { schema } from './schema.ts';

export const DEFAULT_PORT = 4003;

/** Builds the dataflows subgraph server without listening, so tests and the runner use what production runs. */
export function createDataflowsServer(
  db: Db,
  verifier: TokenVerifier,
  security?: SubgraphSecurity,
): Promise<SubgraphServer<DataflowsContext>> {
  return createSubgraphServer({
    name: 'dataflows',
    schema,
    verifier,
    security,
    createContext: (caller) => createContext(db, caller),
  });
}
