import type { Severity } from './rows.ts';

/** Lowest first, as PostgreSQL orders the enum. */
export const SEVERITIES: readonly Severity[] = ['BASELINE', 'LOW', 'MEDIUM', 'HIGH', 'SEVERE', 'EMERGENCY'];

export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);

export const atLeast = (severity: Severity, threshold: Severity): boolean =>
  severityRank(severity) >= severityRank(threshold);

/** HIGH and above, after CISA's NCISS: what the major-incident subscription is about by default. */
export const MAJOR: Severity = 'HIGH';
