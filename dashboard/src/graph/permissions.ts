import type { Session } from '../session.tsx';

/**
 * What the signed-in caller may do, as the API decides it (subgraphs/incidents/src/permissions.ts
 * and visibility.ts), so the dashboard offers only actions that can succeed. The API still checks
 * every one; these only decide which forms to show.
 */
const ACTS_FOR_ORGANIZATION = new Set(['MEMBER', 'ORG_ADMIN']);

export const actsForOrganization = (
  session: Session | null,
): session is Session & { organizationId: string } =>
  session !== null && session.organizationId !== null && ACTS_FOR_ORGANIZATION.has(session.role);

/** Members of the reporting organization, or the secretariat acting from its own organization. */
export function mayChangeIncident(session: Session | null, reportedBy: string): boolean {
  if (!session || session.organizationId === null) return false;
  return (
    session.role === 'SECRETARIAT' || (actsForOrganization(session) && session.organizationId === reportedBy)
  );
}

/** TLP 2.0: the originator always; for CLEAR and GREEN, anyone acting for an organization. */
export function mayShareIncident(session: Session | null, reportedBy: string, tlp: string): boolean {
  if (!actsForOrganization(session)) return false;
  return session.organizationId === reportedBy || tlp === 'CLEAR' || tlp === 'GREEN';
}

/** Only the organization asked answers an assistance request. */
export const mayAnswer = (session: Session | null, requestedOf: string): boolean =>
  actsForOrganization(session) && session.organizationId === requestedOf;

/** REPORTED → TRIAGED → IN_PROGRESS → CONTAINED → RESOLVED → CLOSED; REJECTED from REPORTED or TRIAGED. */
export const NEXT_STATUSES: Record<string, readonly string[]> = {
  REPORTED: ['TRIAGED', 'REJECTED'],
  TRIAGED: ['IN_PROGRESS', 'REJECTED'],
  IN_PROGRESS: ['CONTAINED'],
  CONTAINED: ['RESOLVED'],
  RESOLVED: ['CLOSED'],
  CLOSED: [],
  REJECTED: [],
};

/** OPEN → ACCEPTED or DECLINED; ACCEPTED → COMPLETED. */
export const NEXT_ASSISTANCE: Record<string, readonly string[]> = {
  OPEN: ['ACCEPTED', 'DECLINED'],
  ACCEPTED: ['COMPLETED'],
  DECLINED: [],
  COMPLETED: [],
};
