import type { AssistanceStatus, IncidentStatus } from './rows.ts';

const incidentTransitions: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  REPORTED: ['TRIAGED', 'REJECTED'],
  TRIAGED: ['IN_PROGRESS', 'REJECTED'],
  IN_PROGRESS: ['CONTAINED'],
  CONTAINED: ['RESOLVED'],
  RESOLVED: ['CLOSED'],
  CLOSED: [],
  REJECTED: [],
};

/** REPORTED → TRIAGED → IN_PROGRESS → CONTAINED → RESOLVED → CLOSED; REJECTED from REPORTED or TRIAGED. */
export const canMoveIncident = (from: IncidentStatus, to: IncidentStatus): boolean =>
  incidentTransitions[from].includes(to);

export const nextIncidentStatuses = (from: IncidentStatus): readonly IncidentStatus[] =>
  incidentTransitions[from];

const assistanceTransitions: Readonly<Record<AssistanceStatus, readonly AssistanceStatus[]>> = {
  OPEN: ['ACCEPTED', 'DECLINED'],
  ACCEPTED: ['COMPLETED'],
  DECLINED: [],
  COMPLETED: [],
};

/** OPEN → ACCEPTED or DECLINED; ACCEPTED → COMPLETED. */
export const canMoveAssistance = (from: AssistanceStatus, to: AssistanceStatus): boolean =>
  assistanceTransitions[from].includes(to);
