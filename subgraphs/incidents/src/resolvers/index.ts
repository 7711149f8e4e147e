// buildSubgraphSchema types resolvers with an unknown context; each resolver file is typed with IncidentsContext.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { auditLogResolver } from '@cadg/db';
import { auditLog } from '@cadg/db/incidents';
import { AuditEntryResolvers, DateTimeScalar } from '@cadg/platform';
import { auditVisibleTo } from '../audit.ts';
import { AlertDelivery, AlertMutation, AlertQuery, AlertRule } from './Alerts.ts';
import {
  Advisory,
  AssistanceRequest,
  Country,
  Incident,
  IncidentEvent,
  IncidentUpdate,
  Indicator,
  Organization,
} from './entities.ts';
import { JSONScalar } from '../json.ts';
import { Mutation } from './Mutation.ts';
import { PhishingReport, PhishingVerdict } from './Phishing.ts';
import { Query } from './Query.ts';
import { Subscription } from './Subscription.ts';

export const resolvers = {
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query: { ...Query, ...AlertQuery, auditLog: auditLogResolver(auditLog, auditVisibleTo) },
  AuditEntry: AuditEntryResolvers,
  Mutation: { ...Mutation, ...AlertMutation },
  Subscription,
  Country,
  Organization,
  Incident,
  IncidentUpdate,
  AssistanceRequest,
  Advisory,
  Indicator,
  IncidentEvent,
  PhishingReport,
  PhishingVerdict,
  AlertRule,
  AlertDelivery,
} as unknown as GraphQLResolverMap<unknown>;
