import { ApolloProvider } from '@apollo/client/react';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useSession } from '../session.tsx';
import { createGraph, type Graph } from './client.ts';

const GraphContext = createContext<Graph | null>(null);

/**
 * One graph client per identity: signing in or out starts afresh with the new identity, while a
 * renewed token for the same identity is used by the next request (and the next websocket
 * connection) without dropping the live feed or the pages' data.
 */
export function GraphProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const token = useRef<string | null>(null);
  token.current = session?.token ?? null;
  const identity = session ? `${session.organizationId ?? ''} ${session.role}` : null;
  // A new client per identity, not per token (the client reads the current token itself).
  const graph = useMemo(() => createGraph(() => token.current), [identity]);
  useEffect(() => () => graph.dispose(), [graph]);
  return (
    <GraphContext.Provider value={graph}>
      <ApolloProvider client={graph.apollo}>{children}</ApolloProvider>
    </GraphContext.Provider>
  );
}

export function useGraph(): Graph {
  const graph = useContext(GraphContext);
  if (!graph) throw new Error('useGraph outside GraphProvider');
  return graph;
}
