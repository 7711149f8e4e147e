import { nodeIdOf, nodeResolvers } from '@cadg/platform';
import type { DataflowsContext } from '../context.ts';
import type { NodeResolvers, ResolversParentTypes } from '../generated/resolvers-types.ts';

/** The names of the types that implement Node, as codegen read them from the SDL. */
type NodeType = NonNullable<Awaited<ReturnType<NodeResolvers['__resolveType']>>>;

/**
 * Relay's `node(id:)` and `nodes(ids:)` (platform/src/node-ids.ts): data-flow pilots from this
 * subgraph's records; the other subgraphs' types as references the gateway completes in their
 * owners.
 */
const nodes = nodeResolvers<DataflowsContext, ResolversParentTypes['Node'], NodeType>({
  own: {
    DataFlowPilot: (id, { loaders }) => loaders.pilotById.load(id),
  },
  foreign: {
    Country: (code, nodeId) => ({ __typename: 'Country', code, nodeId }),
    Organization: (id, nodeId) => ({ __typename: 'Organization', id, nodeId }),
    Incident: (id, nodeId) => ({ __typename: 'Incident', id, nodeId }),
    Advisory: (id, nodeId) => ({ __typename: 'Advisory', id, nodeId }),
    PolicyPosition: (id, nodeId) => ({ __typename: 'PolicyPosition', id, nodeId }),
    PolicyInstrument: (id, nodeId) => ({ __typename: 'PolicyInstrument', id, nodeId }),
  },
});

export const NodeQuery = { node: nodes.node, nodes: nodes.nodes };
export const Node = { __resolveType: nodes.__resolveType };
export const pilotNodeId = nodeIdOf('DataFlowPilot');
