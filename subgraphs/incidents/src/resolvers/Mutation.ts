import {
  addIncidentIndicators,
  changeIncidentStatus,
  postIncidentUpdate,
  reportIncident,
  shareIncident,
  updateIncident,
} from '../incident-changes.ts';
import { publishAdvisory } from '../advisories.ts';
import { requestAssistance, respondToAssistanceRequest } from '../assistance.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { phishingReportAs, reportPhishing } from '../phishing.ts';
import { requireActingForOrganization, requireIncidentResponder } from '../permissions.ts';

/** Who may call is checked here; the domain functions validate, change, audit and emit in one transaction. */
export const Mutation: MutationResolvers = {
  reportIncident: (_, { input }, ctx) =>
    reportIncident(ctx.db, ctx.directory, requireActingForOrganization(ctx.caller), input),
  updateIncident: (_, { input }, ctx) =>
    updateIncident(ctx.db, ctx.directory, requireIncidentResponder(ctx.caller), input),
  changeIncidentStatus: (_, { input }, ctx) =>
    changeIncidentStatus(ctx.db, requireIncidentResponder(ctx.caller), input),
  postIncidentUpdate: (_, { input }, ctx) =>
    postIncidentUpdate(ctx.db, requireIncidentResponder(ctx.caller), input),
  shareIncident: (_, args, ctx) =>
    shareIncident(
      ctx.db,
      ctx.directory,
      requireActingForOrganization(ctx.caller),
      args.id,
      args.organizationIds,
      args.sharedWithSharingGroupIds,
    ),
  addIncidentIndicators: (_, args, ctx) =>
    addIncidentIndicators(ctx.db, requireIncidentResponder(ctx.caller), args.incidentId, args.indicators),
  requestAssistance: (_, { input }, ctx) =>
    requestAssistance(ctx.db, ctx.directory, requireIncidentResponder(ctx.caller), input),
  respondToAssistanceRequest: (_, { input }, ctx) =>
    respondToAssistanceRequest(ctx.db, requireActingForOrganization(ctx.caller), input),
  publishAdvisory: (_, { input }, ctx) =>
    publishAdvisory(ctx.db, ctx.directory, requireActingForOrganization(ctx.caller), input),
  reportPhishing: async (_, { input }, ctx) => {
    const actor = requireActingForOrganization(ctx.caller);
    const report = await reportPhishing(ctx.db, ctx.directory, actor, input, ctx.phishingIncidentScore);
    // Shown as the reporter may see it: its own verdict at least, so never null here.
    const shown = await phishingReportAs(ctx.db, actor, report);
    if (!shown) throw new Error('a reporter was not shown the report it just made');
    return shown;
  },
};
