import { nodeIdOf, nodeResolvers } from '@cadg/platform';
import type { AipolicyContext } from '../context.ts';
import type { NodeResolvers, ResolversParentTypes } from '../generated/resolvers-types.ts';
import { findInstrument } from '../instruments.ts';
import { findPosition } from '../positions.ts';

/** The names of the types that implement Node, as codegen read them from the SDL. */
type NodeType = NonNullable<Awaited<ReturnType<NodeResolvers['__resolveType']>>>;

/**
 * Relay's `node(id:)` and `nodes(ids:)` (platform/src/node-ids.ts): AI-policy positions and
 * instruments from this subgraph's records; the other subgraphs' types as references the gateway
 * completes in their owners.
 */
const nodes = nodeResolvers<AipolicyContext, ResolversParentTypes['Node'], NodeType>({
  own: {
    PolicyPosition: (id, { db }) => findPosition(db, id),
    PolicyInstrument: (id, { db }) => findInstrument(db, id),
  },
  foreign: {
    Country: (code, nodeId) => ({ __typename: 'Country', code, nodeId }),
    Organization: (id, nodeId) => ({ __typename: 'Organization', id, nodeId }),
    Incident: (id, nodeId) => ({ __typename: 'Incident', id, nodeId }),
    Advisory: (id, nodeId) => ({ __typename: 'Advisory', id, nodeId }),
    DataFlowPilot: (id, nodeId) => ({ __typename: 'DataFlowPilot', id, nodeId }),
  },
});

export const NodeQuery = { node: nodes.node, nodes: nodes.nodes };
export const Node = { __resolveType: nodes.__resolveType };
export const positionNodeId = nodeIdOf('PolicyPosition');
export const instrumentNodeId = nodeIdOf('PolicyInstrument');
