import { forbidden, hasRight, organizationWith, Right, type Caller, type Identity } from '@cadg/platform';

/**
 * SECRETARIAT may run any pilot; an ORG_ADMIN only a pilot its organization takes part in
 * (platform's role table). The participants come from this subgraph's own pilot records and the
 * token's `org` claim, never from another subgraph's tables.
 */
export function mayRunPilot(caller: Caller, participantIds: readonly string[]): boolean {
  if (hasRight(caller, Right.AdministerMechanism)) return true;
  const org = organizationWith(caller, Right.ManageOrganization);
  return org !== null && participantIds.includes(org);
}

export function requirePilotParticipant(identity: Identity, participantIds: readonly string[]): Identity {
  if (!mayRunPilot(identity, participantIds)) {
    throw forbidden('Only the SECRETARIAT or an ORG_ADMIN of a participating organization may do this.');
  }
  return identity;
}
