import { auditLogSource } from '@cadg/db';
import { auditLog } from '@cadg/db/incidents';
import {
  AuditEntryResolvers,
  auditLogResolver,
  countryNodeId,
  DateTimeScalar,
  organizationNodeId,
} from '@cadg/platform';
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
import { ImportProvenance, MispFeed, MispMutation, MispQuery } from '../exchange/misp-resolvers.ts';
import { JSONScalar } from '../json.ts';
import { Mutation } from './Mutation.ts';
import { advisoryNodeId, incidentNodeId, Node, NodeQuery, readableAdvisory } from './Node.ts';
import { PhishingReport } from './PhishingReport.ts';
import { PhishingVerdict } from './PhishingVerdict.ts';
import { Query } from './Query.ts';
import { SharingGroup, SharingGroupMutation, SharingGroupQuery } from './SharingGroup.ts';
import { Subscription } from './Subscription.ts';

/** Typed from the SDL by `npm run codegen`: a resolver that disagrees with schema.graphql does not compile. */
/** The audit root field, named like contactsAuditLog, dataflowsAuditLog and aipolicyAuditLog. */
const incidentsAuditLog = auditLogResolver(auditLogSource(auditLog), auditVisibleTo);

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query: {
    ...Query,
    ...AlertQuery,
    ...AdvisoryQuery,
    ...ExchangeQuery,
    ...NodeQuery,
    ...MispQuery,
    ...SharingGroupQuery,
    incidentsAuditLog,
    // Deprecated in the published schema (integrators rely on it): the same field, its old name.
    auditLog: incidentsAuditLog,
  },
  AuditEntry: AuditEntryResolvers,
  Mutation: { ...Mutation, ...AlertMutation, ...ExchangeMutation, ...MispMutation, ...SharingGroupMutation },
  Subscription,
  Node,
  Country: { ...Country, nodeId: countryNodeId },
  Organization: { ...Organization, nodeId: organizationNodeId },
  Incident: { ...Incident, nodeId: incidentNodeId },
  IncidentUpdate,
  AssistanceRequest,
  Advisory: {
    ...Advisory,
    __resolveReference: (ref, context) => readableAdvisory(ref.id, context),
    nodeId: advisoryNodeId,
  },
  Indicator,
  IncidentEvent,
  PhishingReport,
  PhishingVerdict,
  AlertRule,
  AlertDelivery,
  ExchangeImport,
  MispFeed,
  ImportProvenance,
  SharingGroup,
};
