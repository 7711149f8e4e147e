import {
  requireIdentity,
  forbidden,
  hasRight,
  organizationWith,
  Right,
  type Caller,
  type Identity,
} from '@cadg/platform';

/**
 * The SECRETARIAT may manage any organization's records; an ORG_ADMIN only its own organization's
 * (platform's role table).
 */
export function canAdminister(caller: Caller, organizationId: string): boolean {
  if (hasRight(caller, Right.AdministerMechanism)) return true;
  return organizationWith(caller, Right.ManageOrganization) === organizationId;
}

export function requireAdminOf(caller: Caller, organizationId: string): Identity {
  const identity = requireIdentity(caller);
  if (!canAdminister(identity, organizationId)) {
    throw forbidden(`Only the SECRETARIAT or an ORG_ADMIN of organization "${organizationId}" may do this.`);
  }
  return identity;
}

/** Whether the caller administers the mechanism (e.g. may change what kind of body an organization is). */
export const administersMechanism = (caller: Caller): boolean => hasRight(caller, Right.AdministerMechanism);

/** Personal contact details are for members of the mechanism only (a caller with a known role). */
export const maySeePersonalDetails = (caller: Caller): boolean => hasRight(caller, Right.ReadCommunity);
