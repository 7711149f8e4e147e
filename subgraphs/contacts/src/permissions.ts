import { forbidden, hasRole, Role, unauthenticated, type Caller, type Identity } from '@cadg/platform';

/** Mutations need a token; anonymous callers get UNAUTHENTICATED, not FORBIDDEN. */
export function requireIdentity(caller: Caller): Identity {
  if (!caller) throw unauthenticated('Changes need a bearer token.');
  return caller;
}

/** SECRETARIAT may change anything; an ORG_ADMIN only its own organization's records. */
export function canAdminister(caller: Caller, organizationId: string): boolean {
  if (hasRole(caller, Role.Secretariat)) return true;
  return hasRole(caller, Role.OrgAdmin) && caller?.org === organizationId;
}

export function requireAdminOf(caller: Caller, organizationId: string): Identity {
  const identity = requireIdentity(caller);
  if (!canAdminister(identity, organizationId)) {
    throw forbidden(`Only the SECRETARIAT or an ORG_ADMIN of organization "${organizationId}" may do this.`);
  }
  return identity;
}

export function requireSecretariat(caller: Caller): Identity {
  const identity = requireIdentity(caller);
  if (!hasRole(identity, Role.Secretariat)) throw forbidden('Only the SECRETARIAT may do this.');
  return identity;
}

/** Personal contact details are for authenticated members of the mechanism only. */
export const maySeePersonalDetails = (caller: Caller): boolean => caller !== null;
