import { auditLogSource } from '@cadg/db';
import { auditLog } from '@cadg/db/aipolicy';
import { auditLogResolver, sharedResolvers } from '@cadg/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { AlignmentEntry, PositionAlignment } from './PositionAlignment.ts';
import { Country } from './Country.ts';
import { GovernanceFramework } from './GovernanceFramework.ts';
import { findInstrument } from '../instruments.ts';
import { findPosition } from '../positions.ts';
import { Mutation } from './Mutation.ts';
import { PolicyInstrument } from './PolicyInstrument.ts';
import { PolicyPosition } from './PolicyPosition.ts';
import { Principle } from './Principle.ts';
import { instrumentNodeId, Node, NodeQuery, positionNodeId } from './Node.ts';
import { Query } from './Query.ts';

/** Typed from the SDL by `npm run codegen`: a resolver that disagrees with schema.graphql does not compile. */
export const resolvers: Resolvers = {
  ...sharedResolvers(Country, {}),
  Query: { ...Query, ...NodeQuery, aipolicyAuditLog: auditLogResolver(auditLogSource(auditLog)) },
  Mutation,
  Node,
  PolicyPosition: {
    ...PolicyPosition,
    __resolveReference: (ref, { db }) => findPosition(db, ref.id),
    nodeId: positionNodeId,
  },
  PolicyInstrument: {
    ...PolicyInstrument,
    __resolveReference: (ref, { db }) => findInstrument(db, ref.id),
    nodeId: instrumentNodeId,
  },
  GovernanceFramework,
  Principle,
  PositionAlignment,
  AlignmentEntry,
};
