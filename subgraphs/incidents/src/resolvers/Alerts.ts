import { pageSize } from '@cadg/platform';
import type { IncidentsContext } from '../context.ts';
import {
  createAlertRule,
  deleteAlertRule,
  listAlertRules,
  pauseAlertRule,
  redeliverAlert,
  ruleDeliveries,
  type AlertDeliveryRow,
  type AlertRuleRow,
  type CreateAlertRuleInput,
} from '../alerts/rules.ts';

export const AlertQuery = {
  alertRules: (_: unknown, _args: unknown, { db, caller }: IncidentsContext) => listAlertRules(db, caller),
};

export const AlertMutation = {
  createAlertRule: (_: unknown, { input }: { input: CreateAlertRuleInput }, ctx: IncidentsContext) =>
    createAlertRule(ctx.db, ctx.directory, ctx.alerts.settings, ctx.caller, input),
  pauseAlertRule: (_: unknown, args: { id: string; paused: boolean }, ctx: IncidentsContext) =>
    pauseAlertRule(ctx.db, ctx.alerts, ctx.caller, args.id, args.paused),
  deleteAlertRule: (_: unknown, args: { id: string }, ctx: IncidentsContext) =>
    deleteAlertRule(ctx.db, ctx.caller, args.id),
  redeliverAlert: (_: unknown, args: { deliveryId: string }, ctx: IncidentsContext) =>
    redeliverAlert(ctx.db, ctx.alerts, ctx.caller, args.deliveryId),
};

export const AlertRule = {
  organization: (rule: AlertRuleRow) => ({ __typename: 'Organization', id: rule.organization }),
  deliveries: (
    rule: AlertRuleRow,
    args: { first?: number | null; after?: string | null },
    { db, caller }: IncidentsContext,
  ) => ruleDeliveries(db, caller, rule.id, pageSize(args.first), args.after),
};

export const AlertDelivery = {
  // Through the loader, so the caller's own visibility decides, as on every read.
  incident: (delivery: AlertDeliveryRow, _: unknown, { loaders }: IncidentsContext) =>
    delivery.incidentId ? loaders.incidentById.load(delivery.incidentId) : null,
  // Advisories do not reach the outbox yet, so no delivery is about one.
  advisory: () => null,
};
