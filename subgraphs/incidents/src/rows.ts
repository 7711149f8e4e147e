import type * as t from '@cadg/db/incidents';

export type IncidentRow = typeof t.incidents.$inferSelect;
export type IncidentUpdateRow = typeof t.incidentUpdates.$inferSelect;
export type AssistanceRequestRow = typeof t.assistanceRequests.$inferSelect;
export type AdvisoryRow = typeof t.advisories.$inferSelect;
export type IndicatorRow = typeof t.indicators.$inferSelect;
export type IncidentEventRow = typeof t.incidentEvents.$inferSelect;

export type Severity = IncidentRow['severity'];
export type Tlp = IncidentRow['tlp'];
export type IncidentStatus = IncidentRow['status'];
export type IncidentCategory = IncidentRow['category'];
export type AssistanceStatus = AssistanceRequestRow['status'];
export type AssistanceKind = AssistanceRequestRow['kinds'][number];
export type IndicatorType = IndicatorRow['type'];
export type IncidentEventType = IncidentEventRow['type'];

/** A Country entity as this subgraph knows it: its key only (contacts owns the rest). */
export interface CountryRef {
  code: string;
}

/** An Organization entity as this subgraph knows it: its key only (contacts owns the rest). */
export interface OrganizationRef {
  id: string;
}
