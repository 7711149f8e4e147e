// buildSubgraphSchema types resolvers with an unknown context; each resolver file is typed with DataflowsContext.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { auditLogResolver } from '@cadg/db';
import { auditLog } from '@cadg/db/dataflows';
import { AuditEntryResolvers, DateScalar, DateTimeScalar } from '@cadg/platform';
import { Country } from './Country.ts';
import { DataFlowPilot } from './DataFlowPilot.ts';
import { DataFlowPolicy } from './DataFlowPolicy.ts';
import { ComparedClause } from './ComparedClause.ts';
import { DataProtectionLaw } from './DataProtectionLaw.ts';
import { MechanismComparison } from './MechanismComparison.ts';
import { MechanismRecognition } from './MechanismRecognition.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { TransferMechanism } from './TransferMechanism.ts';
import { TransferObligation } from './TransferObligation.ts';
import { TransferRegime } from './TransferRegime.ts';
import { TransferRequirements } from './TransferRequirements.ts';
import { TransferThreshold } from './TransferThreshold.ts';

export const resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: { ...Query, dataflowsAuditLog: auditLogResolver(auditLog) },
  AuditEntry: AuditEntryResolvers,
  Mutation,
  Country,
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
  DataFlowPilot,
} as unknown as GraphQLResolverMap<unknown>;
