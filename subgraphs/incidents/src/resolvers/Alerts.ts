import { pageSize } from '@cadg/platform';
import {
  createAlertRule,
  deleteAlertRule,
  listAlertRules,
  pauseAlertRule,
  redeliverAlert,
  ruleDeliveries,
} from '../alerts/rules.ts';
import type {
  AlertDeliveryResolvers,
  AlertRuleResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../generated/resolvers-types.ts';

export const AlertQuery: QueryResolvers = {
  alertRules: (_, _args, { db, caller }) => listAlertRules(db, caller),
};

export const AlertMutation: MutationResolvers = {
  createAlertRule: (_, { input }, ctx) =>
    createAlertRule(ctx.db, ctx.directory, ctx.alerts.settings, ctx.caller, input),
  pauseAlertRule: (_, args, ctx) => pauseAlertRule(ctx.db, ctx.alerts, ctx.caller, args.id, args.paused),
  deleteAlertRule: (_, args, ctx) => deleteAlertRule(ctx.db, ctx.caller, args.id),
  redeliverAlert: (_, args, ctx) => redeliverAlert(ctx.db, ctx.alerts, ctx.caller, args.deliveryId),
};

export const AlertRule: AlertRuleResolvers = {
  organization: (rule) => ({ __typename: 'Organization', id: rule.organization }),
  deliveries: (rule, args, { db, caller }) =>
    ruleDeliveries(db, { viewer: caller, ruleId: rule.id }, pageSize(args.first), args.after),
};

export const AlertDelivery: AlertDeliveryResolvers = {
  // Through the loader, so the caller's own visibility decides, as on every read.
  incident: (delivery, _, { loaders }) =>
    delivery.incidentId ? loaders.incidentById.load(delivery.incidentId) : null,
  advisory: (delivery, _, { loaders }) =>
    delivery.advisoryId ? loaders.advisoryById.load(delivery.advisoryId) : null,
};
