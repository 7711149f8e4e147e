import { auditLogSource } from '@cadg/db';
import { auditLog } from '@cadg/db/aipolicy';
import { AuditEntryResolvers, auditLogResolver, DateScalar, DateTimeScalar } from '@cadg/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { AlignmentEntry, PositionAlignment } from './PositionAlignment.ts';
import { Country } from './Country.ts';
import { GovernanceFramework } from './GovernanceFramework.ts';
import { Mutation } from './Mutation.ts';
import { PolicyInstrument } from './PolicyInstrument.ts';
import { PolicyPosition } from './PolicyPosition.ts';
import { Principle } from './Principle.ts';
import { Query } from './Query.ts';

/** Typed from the SDL by `npm run codegen`: a resolver that disagrees with schema.graphql does not compile. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: { ...Query, aipolicyAuditLog: auditLogResolver(auditLogSource(auditLog)) },
  AuditEntry: AuditEntryResolvers,
  Mutation,
  Country,
  PolicyPosition,
  PolicyInstrument,
  GovernanceFramework,
  Principle,
  PositionAlignment,
  AlignmentEntry,
};
