import { forbidden, hasRole, Role, unauthenticated, type Caller, type Identity } from '@cadg/platform';
import type { IncidentRow } from './rows.ts';

/** An identity acting for an organization. */
export type OrgIdentity = Identity & { readonly org: string };

/** Changes need a token naming the caller's organization. */
export function requireOrgIdentity(caller: Caller): OrgIdentity {
  if (!caller) throw unauthenticated('Changes need a bearer token.');
  if (caller.org === null) throw forbidden('The token names no organization to act for.');
  return caller as OrgIdentity;
}

/** Members of the reporting organization, or the SECRETARIAT (which must be able to read it). */
export function mayChangeIncident(actor: Identity, incident: IncidentRow): boolean {
  return actor.org === incident.reportedByOrg || hasRole(actor, Role.Secretariat);
}

export function requireMayChangeIncident(actor: Identity, incident: IncidentRow): void {
  if (!mayChangeIncident(actor, incident)) {
    throw forbidden(
      'Only members of the reporting organization or the SECRETARIAT may change this incident.',
    );
  }
}
