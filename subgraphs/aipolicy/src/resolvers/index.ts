// buildSubgraphSchema types resolvers with an unknown context; each resolver file is typed with AipolicyContext.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { auditLogResolver } from '@cadg/db';
import { auditLog } from '@cadg/db/aipolicy';
import { AuditEntryResolvers, DateScalar, DateTimeScalar } from '@cadg/platform';
import { AlignmentEntry, PositionAlignment } from './PositionAlignment.ts';
import { Country } from './Country.ts';
import { GovernanceFramework } from './GovernanceFramework.ts';
import { Mutation } from './Mutation.ts';
import { PolicyInstrument } from './PolicyInstrument.ts';
import { PolicyPosition } from './PolicyPosition.ts';
import { Principle } from './Principle.ts';
import { Query } from './Query.ts';

export const resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: { ...Query, aipolicyAuditLog: auditLogResolver(auditLog) },
  AuditEntry: AuditEntryResolvers,
  Mutation,
  Country,
  PolicyPosition,
  PolicyInstrument,
  GovernanceFramework,
  Principle,
  PositionAlignment,
  AlignmentEntry,
} as unknown as GraphQLResolverMap<unknown>;
