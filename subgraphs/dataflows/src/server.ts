import { createSubgraphServer, type SubgraphServer, type SubgraphServerBaseOptions } from '@cadg/platform';
import { changeLogOf, type Database } from '@cadg/db';
import { createContext, type DataflowsContext } from './context.ts';
import { schema } from './schema.ts';

export { createContext, type DataflowsContext } from './context.ts';
export { schema } from './schema.ts';

/** What the dataflows subgraph is built from: the same options as every subgraph's (platform's entry.ts). */
export type DataflowsServerOptions = SubgraphServerBaseOptions<Database>;

/** Builds the dataflows subgraph server without listening, so tests and the runner use what production runs. */
export function createDataflowsServer({
  database,
  verifier,
  security,
}: DataflowsServerOptions): Promise<SubgraphServer<DataflowsContext>> {
  return createSubgraphServer({
    name: 'dataflows',
    schema,
    verifier,
    security,
    changes: changeLogOf(database.db, 'dataflows'),
    createContext: (caller) => createContext(database.db, caller),
  });
}
