import {
  addIncidentIndicators,
  changeIncidentStatus,
  postIncidentUpdate,
  reportIncident,
  shareIncident,
  updateIncident,
} from '../incident-changes.ts';
import type {
  ChangeStatusInput,
  PostUpdateInput,
  ReportIncidentInput,
  UpdateIncidentInput,
} from '../incident-changes.ts';
import { publishAdvisory, type PublishAdvisoryInput } from '../advisories.ts';
import {
  requestAssistance,
  respondToAssistanceRequest,
  type RequestAssistanceInput,
  type RespondInput,
} from '../assistance.ts';
import type { IncidentsContext } from '../context.ts';
import { reportPhishing, type ReportPhishingInput } from '../phishing.ts';
import { requireOrgIdentity } from '../permissions.ts';
import type { IndicatorInput } from '../validation.ts';

/** Who may call is checked here; the domain functions validate, change, audit and emit in one transaction. */
export const Mutation = {
  reportIncident: (_: unknown, { input }: { input: ReportIncidentInput }, ctx: IncidentsContext) =>
    reportIncident(ctx.db, ctx.directory, requireOrgIdentity(ctx.caller), input),
  updateIncident: (_: unknown, { input }: { input: UpdateIncidentInput }, ctx: IncidentsContext) =>
    updateIncident(ctx.db, ctx.directory, requireOrgIdentity(ctx.caller), input),
  changeIncidentStatus: (_: unknown, { input }: { input: ChangeStatusInput }, ctx: IncidentsContext) =>
    changeIncidentStatus(ctx.db, requireOrgIdentity(ctx.caller), input),
  postIncidentUpdate: (_: unknown, { input }: { input: PostUpdateInput }, ctx: IncidentsContext) =>
    postIncidentUpdate(ctx.db, requireOrgIdentity(ctx.caller), input),
  shareIncident: (_: unknown, args: { id: string; organizationIds: string[] }, ctx: IncidentsContext) =>
    shareIncident(ctx.db, ctx.directory, requireOrgIdentity(ctx.caller), args.id, args.organizationIds),
  addIncidentIndicators: (
    _: unknown,
    args: { incidentId: string; indicators: IndicatorInput[] },
    ctx: IncidentsContext,
  ) => addIncidentIndicators(ctx.db, requireOrgIdentity(ctx.caller), args.incidentId, args.indicators),
  requestAssistance: (_: unknown, { input }: { input: RequestAssistanceInput }, ctx: IncidentsContext) =>
    requestAssistance(ctx.db, ctx.directory, requireOrgIdentity(ctx.caller), input),
  respondToAssistanceRequest: (_: unknown, { input }: { input: RespondInput }, ctx: IncidentsContext) =>
    respondToAssistanceRequest(ctx.db, requireOrgIdentity(ctx.caller), input),
  publishAdvisory: (_: unknown, { input }: { input: PublishAdvisoryInput }, ctx: IncidentsContext) =>
    publishAdvisory(ctx.db, ctx.directory, requireOrgIdentity(ctx.caller), input),
  reportPhishing: (_: unknown, { input }: { input: ReportPhishingInput }, ctx: IncidentsContext) =>
    reportPhishing(ctx.db, ctx.directory, requireOrgIdentity(ctx.caller), input, ctx.phishingIncidentScore),
};
