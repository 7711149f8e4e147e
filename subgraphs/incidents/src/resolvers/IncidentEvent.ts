import { eventCursor } from '../events/subscription.ts';
import type { IncidentEventResolvers } from '../generated/resolvers-types.ts';

/** Event parents carry the incident they were read with (subscriptions, `Incident.events`). */
export const IncidentEvent: IncidentEventResolvers = {
  cursor: ({ event }) => eventCursor(event.id),
  type: ({ event }) => event.type,
  occurredAt: ({ event }) => event.occurredAt,
  severity: ({ event }) => event.severity,
  previousSeverity: ({ event }) => event.previousSeverity,
  incident: ({ incident }) => incident,
};
