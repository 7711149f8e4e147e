import { auditLogSource } from '@cadg/db';
import { auditLog } from '@cadg/db/dataflows';
import { auditLogResolver, sharedResolvers } from '@cadg/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Country } from './Country.ts';
import { DataFlowPilot } from './DataFlowPilot.ts';
import { DataFlowPolicy } from './DataFlowPolicy.ts';
import { ComparedClause } from './ComparedClause.ts';
import { DataProtectionLaw } from './DataProtectionLaw.ts';
import { MechanismComparison } from './MechanismComparison.ts';
import { MechanismRecognition } from './MechanismRecognition.ts';
import { Mutation } from './Mutation.ts';
import { Node, NodeQuery, pilotNodeId } from './Node.ts';
import { Query } from './Query.ts';
import { TransferMechanism } from './TransferMechanism.ts';
import { TransferObligation } from './TransferObligation.ts';
import { TransferRegime } from './TransferRegime.ts';
import { TransferRequirements } from './TransferRequirements.ts';
import { TransferThreshold } from './TransferThreshold.ts';

/** Typed from the SDL by `npm run codegen`: a resolver that disagrees with schema.graphql does not compile. */
export const resolvers: Resolvers = {
  ...sharedResolvers(Country, {}),
  Query: { ...Query, ...NodeQuery, dataflowsAuditLog: auditLogResolver(auditLogSource(auditLog)) },
  Mutation,
  Node,
  DataFlowPolicy,
  DataProtectionLaw,
  TransferMechanism,
  MechanismRecognition,
  TransferThreshold,
  TransferRequirements,
  TransferObligation,
  TransferRegime,
  MechanismComparison,
  ComparedClause,
  DataFlowPilot: {
    ...DataFlowPilot,
    __resolveReference: (ref, { loaders }) => loaders.pilotById.load(ref.id),
    nodeId: pilotNodeId,
  },
};
