import { auditLogSource } from '@cadg/db';
import { auditLog } from '@cadg/db/incidents';
import { AuditEntryResolvers, auditLogResolver, DateTimeScalar } from '@cadg/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { auditVisibleTo } from '../audit.ts';
import { AdvisoryQuery } from './AdvisoryLookup.ts';
import { AlertDelivery, AlertMutation, AlertQuery, AlertRule } from './Alerts.ts';
import { Advisory } from './Advisory.ts';
import { AssistanceRequest } from './AssistanceRequest.ts';
import { Country } from './Country.ts';
import { Incident } from './Incident.ts';
import { IncidentEvent } from './IncidentEvent.ts';
import { IncidentUpdate } from './IncidentUpdate.ts';
import { Indicator } from './Indicator.ts';
import { Organization } from './Organization.ts';
import { ExchangeImport, ExchangeMutation, ExchangeQuery } from '../exchange/resolvers.ts';
import { JSONScalar } from '../json.ts';
import { Mutation } from './Mutation.ts';
import { PhishingReport } from './PhishingReport.ts';
import { PhishingVerdict } from './PhishingVerdict.ts';
import { Query } from './Query.ts';
import { Subscription } from './Subscription.ts';

/** Typed from the SDL by `npm run codegen`: a resolver that disagrees with schema.graphql does not compile. */
export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query: {
    ...Query,
    ...AlertQuery,
    ...AdvisoryQuery,
    ...ExchangeQuery,
    auditLog: auditLogResolver(auditLogSource(auditLog), auditVisibleTo),
  },
  AuditEntry: AuditEntryResolvers,
  Mutation: { ...Mutation, ...AlertMutation, ...ExchangeMutation },
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
  ExchangeImport,
};
