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
import { phishingReportAs, reportPhishing, type ReportPhishingInput } from '../phishing.ts';
import { requireActingForOrganization, requireIncidentResponder } from '../permissions.ts';
import type { IndicatorInput } from '../validation.ts';

/** Who may call is checked here; the domain functions validate, change, audit and emit in one transaction. */
export const Mutation = {
  reportIncident: (_: unknown, { input }: { input: ReportIncidentInput }, ctx: IncidentsContext) =>
    reportIncident(ctx.db, ctx.directory, requireActingForOrganization(ctx.caller), input),
  updateIncident: (_: unknown, { input }: { input: UpdateIncidentInput }, ctx: IncidentsContext) =>
    updateIncident(ctx.db, ctx.directory, requireIncidentResponder(ctx.caller), input),
  changeIncidentStatus: (_: unknown, { input }: { input: ChangeStatusInput }, ctx: IncidentsContext) =>
    changeIncidentStatus(ctx.db, requireIncidentResponder(ctx.caller), input),
  postIncidentUpdate: (_: unknown, { input }: { input: PostUpdateInput }, ctx: IncidentsContext) =>
    postIncidentUpdate(ctx.db, requireIncidentResponder(ctx.caller), input),
  shareIncident: (_: unknown, args: { id: string; organizationIds: string[] }, ctx: IncidentsContext) =>
    shareIncident(
      ctx.db,
      ctx.directory,
      requireActingForOrganization(ctx.caller),
      args.id,
      args.organizationIds,
    ),
  addIncidentIndicators: (
    _: unknown,
    args: { incidentId: string; indicators: IndicatorInput[] },
    ctx: IncidentsContext,
  ) => addIncidentIndicators(ctx.db, requireIncidentResponder(ctx.caller), args.incidentId, args.indicators),
  requestAssistance: (_: unknown, { input }: { input: RequestAssistanceInput }, ctx: IncidentsContext) =>
    requestAssistance(ctx.db, ctx.directory, requireIncidentResponder(ctx.caller), input),
  respondToAssistanceRequest: (_: unknown, { input }: { input: RespondInput }, ctx: IncidentsContext) =>
    respondToAssistanceRequest(ctx.db, requireActingForOrganization(ctx.caller), input),
  publishAdvisory: (_: unknown, { input }: { input: PublishAdvisoryInput }, ctx: IncidentsContext) =>
    publishAdvisory(ctx.db, ctx.directory, requireActingForOrganization(ctx.caller), input),
  reportPhishing: async (_: unknown, { input }: { input: ReportPhishingInput }, ctx: IncidentsContext) => {
    const actor = requireActingForOrganization(ctx.caller);
    const report = await reportPhishing(ctx.db, ctx.directory, actor, input, ctx.phishingIncidentScore);
    // Shown as the reporter may see it: its own verdict at least, so never null here.
    const shown = await phishingReportAs(ctx.db, actor, report);
    if (!shown) throw new Error('a reporter was not shown the report it just made');
    return shown;
  },
};
