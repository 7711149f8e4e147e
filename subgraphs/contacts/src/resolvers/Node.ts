import { nodeResolvers } from '@cadg/platform';
import type { ContactsContext } from '../context.ts';
import type { NodeResolvers, ResolversParentTypes } from '../generated/resolvers-types.ts';

/**
 * Relay's `node(id:)` and `nodes(ids:)` (platform/src/node-ids.ts): countries and organizations
 * from this subgraph's records; the other subgraphs' types as references the gateway completes in
 * their owners.
 */
/** The names of the types that implement Node, as codegen read them from the SDL. */
type NodeType = NonNullable<Awaited<ReturnType<NodeResolvers['__resolveType']>>>;

const nodes = nodeResolvers<ContactsContext, ResolversParentTypes['Node'], NodeType>({
  own: {
    Country: (code, { loaders }) => loaders.countryByCode.load(code),
    Organization: (id, { loaders }) => loaders.organizationById.load(id),
  },
  foreign: {
    Incident: (id, nodeId) => ({ __typename: 'Incident', id, nodeId }),
    Advisory: (id, nodeId) => ({ __typename: 'Advisory', id, nodeId }),
    DataFlowPilot: (id, nodeId) => ({ __typename: 'DataFlowPilot', id, nodeId }),
    PolicyPosition: (id, nodeId) => ({ __typename: 'PolicyPosition', id, nodeId }),
    PolicyInstrument: (id, nodeId) => ({ __typename: 'PolicyInstrument', id, nodeId }),
  },
});

export const NodeQuery = { node: nodes.node, nodes: nodes.nodes };
export const Node = { __resolveType: nodes.__resolveType };
