import { forbidden, unauthenticated } from './errors.ts';
import { Role, type Caller, type Identity } from './identity.ts';

/**
 * What a caller may do. Every subgraph's `permissions.ts` asks this module, so the role table
 * below is the one place that says what MEMBER, ORG_ADMIN and SECRETARIAT may read and change.
 */
export const Right = {
  /**
   * Read what the mechanism's members share among themselves: TLP:GREEN records, contacts'
   * personal details and verification history, phishing reports.
   */
  ReadCommunity: 'READ_COMMUNITY',
  /**
   * Read TLP:AMBER, AMBER_STRICT and RED records its organization originated or was named a
   * recipient of, and the assistance requests its organization made or was asked.
   */
  ReadForOrganization: 'READ_FOR_ORGANIZATION',
  /**
   * Act for its organization in incident response: report incidents, publish advisories and
   * report phishing verdicts for it; change its organization's incidents; post timeline entries
   * on incidents it may read; share under TLP 2.0; ask for assistance with its organization's
   * incidents and answer requests made of it.
   */
  ActForOrganization: 'ACT_FOR_ORGANIZATION',
  /**
   * Manage its own organization's records: its profile, its contacts and their verifications,
   * the activities it hosts, the data-flow pilots it takes part in, and the AI-policy records of
   * the countries whose delegate it is.
   */
  ManageOrganization: 'MANAGE_ORGANIZATION',
  /**
   * Coordinate incident response across the mechanism: change, post timeline entries on, add
   * indicators to and ask for assistance with any incident it may read (never one it may not).
   */
  CoordinateIncidents: 'COORDINATE_INCIDENTS',
  /**
   * Administer the mechanism: create organizations and change their kind, manage any
   * organization's records, approve pilots, record any country's AI-policy positions and
   * instruments, regional instruments and the principle crosswalk.
   */
  AdministerMechanism: 'ADMINISTER_MECHANISM',
  /** Read every subgraph's audit trail (entries about records it may read; see db/src/audit.ts). */
  ReadAuditLog: 'READ_AUDIT_LOG',
} as const;
export type Right = (typeof Right)[keyof typeof Right];

/**
 * The role table. A caller's rights are the union of its roles' rows; a token with no known
 * role has none, so it reads what an anonymous caller reads and changes nothing. The SECRETARIAT
 * administers the mechanism; it does not act for an organization (a secretariat officer who also
 * reports for the secretariat's own organization carries MEMBER as well), and it reads AMBER and
 * RED records only where its organization is a recipient.
 */
export const ROLE_RIGHTS: Readonly<Record<Role, readonly Right[]>> = Object.freeze({
  [Role.Member]: Object.freeze([Right.ReadCommunity, Right.ReadForOrganization, Right.ActForOrganization]),
  [Role.OrgAdmin]: Object.freeze([
    Right.ReadCommunity,
    Right.ReadForOrganization,
    Right.ActForOrganization,
    Right.ManageOrganization,
  ]),
  [Role.Secretariat]: Object.freeze([
    Right.ReadCommunity,
    Right.ReadForOrganization,
    Right.CoordinateIncidents,
    Right.AdministerMechanism,
    Right.ReadAuditLog,
  ]),
});

/** Whether any of the caller's roles grants the right; anonymous callers hold none. */
export function hasRight(caller: Caller, right: Right): boolean {
  return caller?.roles.some((role) => ROLE_RIGHTS[role].includes(right)) ?? false;
}

/**
 * The organization the caller exercises a right for: its `org` claim when one of its roles
 * grants the right, else null. A token naming an organization gives that organization's rights
 * only together with a role.
 */
export function organizationWith(caller: Caller, right: Right): string | null {
  if (!caller || caller.org === null) return null;
  return hasRight(caller, right) ? caller.org : null;
}

/**
 * Guard for changes and member-only reads: anonymous callers get UNAUTHENTICATED, callers whose
 * roles lack the right FORBIDDEN with `refusal` as the message.
 */
export function requireRight(caller: Caller, right: Right, refusal: string): Identity {
  if (!caller) throw unauthenticated('This needs a bearer token.');
  if (!hasRight(caller, right)) throw forbidden(refusal);
  return caller;
}

/**
 * Changes need a token: anonymous callers get UNAUTHENTICATED, not FORBIDDEN. The one guard every
 * subgraph uses before deciding what an identified caller may change.
 */
export function requireIdentity(caller: Caller): Identity {
  if (!caller) throw unauthenticated('Changes need a bearer token.');
  return caller;
}

/**
 * The SECRETARIAT only (the right to administer the mechanism): anonymous callers get
 * UNAUTHENTICATED, others FORBIDDEN with "Only the SECRETARIAT may <what>."
 */
export function requireSecretariat(caller: Caller, what = 'do this'): Identity {
  return requireRight(caller, Right.AdministerMechanism, `Only the SECRETARIAT may ${what}.`);
}
