import { nodeIdOf, nodeResolvers } from '@cadg/platform';
import type { IncidentsContext } from '../context.ts';
import type { NodeResolvers, ResolversParentTypes } from '../generated/resolvers-types.ts';

/** The names of the types that implement Node, as codegen read them from the SDL. */
type NodeType = NonNullable<Awaited<ReturnType<NodeResolvers['__resolveType']>>>;

// Advisory ids are UUIDs; anything else names no advisory, and PostgreSQL would refuse it as a uuid.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An advisory as the caller may read it (TLP in SQL): null when missing or not readable alike. */
export const readableAdvisory = async (id: string, { loaders }: IncidentsContext) =>
  UUID.test(id) ? loaders.advisoryById.load(id) : null;

/**
 * Relay's `node(id:)` and `nodes(ids:)` (platform/src/node-ids.ts): incidents and advisories
 * through the loaders that apply the caller's TLP visibility in SQL, so a record the caller may not
 * read is null exactly like a missing one; the other subgraphs' types as references the gateway
 * completes in their owners.
 */
const nodes = nodeResolvers<IncidentsContext, ResolversParentTypes['Node'], NodeType>({
  own: {
    Incident: (id, { loaders }) => loaders.incidentById.load(id),
    Advisory: readableAdvisory,
  },
  foreign: {
    Country: (code, nodeId) => ({ __typename: 'Country', code, nodeId }),
    Organization: (id, nodeId) => ({ __typename: 'Organization', id, nodeId }),
    DataFlowPilot: (id, nodeId) => ({ __typename: 'DataFlowPilot', id, nodeId }),
    PolicyPosition: (id, nodeId) => ({ __typename: 'PolicyPosition', id, nodeId }),
    PolicyInstrument: (id, nodeId) => ({ __typename: 'PolicyInstrument', id, nodeId }),
  },
});

export const NodeQuery = { node: nodes.node, nodes: nodes.nodes };
export const Node = { __resolveType: nodes.__resolveType };
export const incidentNodeId = nodeIdOf('Incident');
export const advisoryNodeId = nodeIdOf('Advisory');
