// buildSubgraphSchema types resolvers with an unknown context; each resolver file is typed with ContactsContext.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { auditLogResolver } from '@cadg/db';
import { auditLog } from '@cadg/db/contacts';
import { AuditEntryResolvers, DateScalar, DateTimeScalar } from '@cadg/platform';
import { Activity } from './Activity.ts';
import { Contact } from './Contact.ts';
import { Country } from './Country.ts';
import { Mutation } from './Mutation.ts';
import { Organization } from './Organization.ts';
import { Query } from './Query.ts';

export const resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: { ...Query, contactsAuditLog: auditLogResolver(auditLog) },
  AuditEntry: AuditEntryResolvers,
  Mutation,
  Country,
  Organization,
  Contact,
  Activity,
} as unknown as GraphQLResolverMap<unknown>;
