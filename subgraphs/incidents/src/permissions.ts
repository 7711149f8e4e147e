import {
  forbidden,
  hasRight,
  organizationWith,
  requireIdentity,
  requireRight,
  Right,
  type Caller,
  type Identity,
} from '@cadg/platform';
import type { IncidentRow } from './rows.ts';

/** An identity acting for an organization. */
export type OrgIdentity = Identity & { readonly org: string };

function withOrganization(identity: Identity): OrgIdentity {
  if (identity.org === null) throw forbidden('The token names no organization to act for.');
  return identity as OrgIdentity;
}

/**
 * Reporting, publishing, sharing and answering assistance requests are done for the caller's
 * organization: a token naming it, with a role that acts for it (MEMBER or ORG_ADMIN).
 */
export function requireActingForOrganization(caller: Caller): OrgIdentity {
  const identity = requireRight(
    caller,
    Right.ActForOrganization,
    'Only a MEMBER or ORG_ADMIN of an organization may act for it.',
  );
  return withOrganization(identity);
}

/**
 * Changes to existing incidents (details, status, timeline, indicators, assistance) come from
 * their reporting organization's members or from the SECRETARIAT coordinating the response; which
 * incident each may change is decided once the incident is read (`requireMayChangeIncident`).
 * Both record the caller's organization, so the token must name one.
 */
export function requireIncidentResponder(caller: Caller): OrgIdentity {
  const identity = requireIdentity(caller);
  if (!hasRight(identity, Right.ActForOrganization) && !hasRight(identity, Right.CoordinateIncidents)) {
    throw forbidden(
      'Only a MEMBER or ORG_ADMIN of an organization, or the SECRETARIAT, may change incidents.',
    );
  }
  return withOrganization(identity);
}

/** Members of the reporting organization, or the SECRETARIAT (which must be able to read it). */
export function mayChangeIncident(actor: Identity, incident: IncidentRow): boolean {
  return (
    organizationWith(actor, Right.ActForOrganization) === incident.reportedByOrg ||
    hasRight(actor, Right.CoordinateIncidents)
  );
}

export function requireMayChangeIncident(actor: Identity, incident: IncidentRow): void {
  if (!mayChangeIncident(actor, incident)) {
    throw forbidden(
      'Only members of the reporting organization or the SECRETARIAT may change this incident.',
    );
  }
}

/** Phishing reports name the members and detectors that sent them: for members of the mechanism. */
export function requireMember(caller: Caller): Identity {
  return requireRight(caller, Right.ReadCommunity, 'Only members of the mechanism may read this.');
}
