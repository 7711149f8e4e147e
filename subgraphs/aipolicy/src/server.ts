import { createSubgraphServer, type SubgraphServer, type SubgraphServerBaseOptions } from '@cadg/platform';
import { changeLogOf, type Database } from '@cadg/db';
import { createContext, type AipolicyContext } from './context.ts';
import { schema } from './schema.ts';

export { createContext, type AipolicyContext } from './context.ts';
export { schema } from './schema.ts';

/** What the aipolicy subgraph is built from: the same options as every subgraph's (platform's entry.ts). */
export type AipolicyServerOptions = SubgraphServerBaseOptions<Database>;

/** Builds the aipolicy subgraph server without listening, so tests and the runner use what production runs. */
export function createAipolicyServer({
  database,
  verifier,
  security,
}: AipolicyServerOptions): Promise<SubgraphServer<AipolicyContext>> {
  return createSubgraphServer({
    name: 'aipolicy',
    schema,
    verifier,
    security,
    changes: changeLogOf(database.db, 'aipolicy'),
    createContext: (caller) => createContext(database.db, caller),
  });
}
