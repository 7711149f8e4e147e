import { ApolloProvider } from '@apollo/client/react';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useSession } from '../session.tsx';
import { createGraph, type Graph } from './client.ts';

const GraphContext = createContext<Graph | null>(null);

/** One graph client per session: signing in or out starts afresh with the new identity. */
export function GraphProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const token = session?.token ?? null;
  const graph = useMemo(() => createGraph(token), [token]);
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
