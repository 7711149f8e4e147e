import { sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type AnyPgColumn, type AnyPgTable } from 'drizzle-orm/pg-core';
import { hasRight, organizationWith, Right, type Caller } from '@cadg/platform';
import * as t from '@cadg/db/incidents';
import * as s from '@cadg/db/incidents-sharing';
import type { Tlp } from './rows.ts';

/** What visibility rules need to know of a shareable record. */
export interface Marked {
  tlp: Tlp;
  /** The originating organization (reporter or publisher). */
  ownerOrg: string;
  sharedWith: readonly string[];
  /**
   * The organizations that read it through the sharing groups it was shared with: those groups'
   * members as they are when the record is read (docs/architecture.md, sharing groups).
   */
  groupReaders: readonly string[];
}

/**
 * TLP 2.0 read as access rules for a registry (docs/architecture.md): CLEAR anyone; GREEN any member of the
 * mechanism (a caller with a known role); AMBER, AMBER_STRICT and RED the originator, the
 * organizations it was shared with and the current members of the sharing groups it was shared
 * with, read for an organization only with a role that grants it (platform's role table), so a
 * token naming an organization but no role reads what an anonymous caller reads. The SECRETARIAT
 * has no extra right to read: it administers the mechanism, it does not read everyone's mail.
 */
export function canRead(caller: Caller, record: Marked): boolean {
  if (record.tlp === 'CLEAR') return true;
  if (!hasRight(caller, Right.ReadCommunity)) return false;
  if (record.tlp === 'GREEN') return true;
  const org = organizationWith(caller, Right.ReadForOrganization);
  return (
    org !== null &&
    (record.ownerOrg === org || record.sharedWith.includes(org) || record.groupReaders.includes(org))
  );
}

/**
 * Who may add recipient organizations, TLP 2.0 exactly: the originator always; for GREEN and CLEAR
 * also anyone acting for an organization (every member reads those). AMBER recipients may pass it
 * on inside their own organization and to its clients, which the registry does not hold, so
 * within the registry AMBER, AMBER_STRICT and RED circles are widened only by the originator.
 * Sharing groups are added by the originator only, whatever the marking (`sharing-links.ts`).
 */
export function canShare(caller: Caller, record: Pick<Marked, 'tlp' | 'ownerOrg'>): boolean {
  const org = organizationWith(caller, Right.ActForOrganization);
  if (org === null) return false;
  if (record.ownerOrg === org) return true;
  return record.tlp === 'CLEAR' || (record.tlp === 'GREEN' && hasRight(caller, Right.ReadCommunity));
}

/** The columns of a shareable table, and the table linking its rows to sharing groups. */
export interface MarkedColumns {
  id: AnyPgColumn;
  tlp: AnyPgColumn;
  ownerOrg: AnyPgColumn;
  sharedWith: AnyPgColumn;
  groupLinks: { table: AnyPgTable; recordId: AnyPgColumn };
}

export const INCIDENT_MARKING: MarkedColumns = {
  id: t.incidents.id,
  tlp: t.incidents.tlp,
  ownerOrg: t.incidents.reportedByOrg,
  sharedWith: t.incidents.sharedWith,
  groupLinks: {
    table: s.incidentSharingGroups,
    recordId: s.incidentSharingGroups.incidentId,
  },
};

export const ADVISORY_MARKING: MarkedColumns = {
  id: t.advisories.id,
  tlp: t.advisories.tlp,
  ownerOrg: t.advisories.publishedByOrg,
  sharedWith: t.advisories.sharedWith,
  groupLinks: {
    table: s.advisorySharingGroups,
    recordId: s.advisorySharingGroups.advisoryId,
  },
};

/**
 * The filters below are built once and shared by every statement that uses them: they depend only
 * on the marking and the caller's scope (anonymous, any member, or the organization read for), and
 * drizzle only reads a fragment when it builds a statement (nothing here calls `inlineParams` or
 * `mapWith` on one, the two methods that change it). Per request they were a measurable share of
 * the incidents list's CPU (getTableConfig walks the whole table's config on every call).
 */
const qualifiedColumns = new WeakMap<AnyPgColumn, SQL>();

/**
 * A column named with its schema and table. Drizzle leaves names unqualified in some places (the
 * select list of a one-table query); inside the sub-selects below that would be ambiguous.
 */
export function qualified(column: AnyPgColumn): SQL {
  let known = qualifiedColumns.get(column);
  if (!known) {
    const { name, schema } = getTableConfig(column.table);
    known = sql`${sql.identifier(schema ?? 'public')}.${sql.identifier(name)}.${sql.identifier(column.name)}`;
    qualifiedColumns.set(column, known);
  }
  return known;
}

/** The ids of the records linked to a group `org` is a member of now. */
function linkedForMember(columns: MarkedColumns, org: string): SQL {
  const { table, recordId } = columns.groupLinks;
  return sql`select link.${sql.identifier(recordId.name)} from ${table} as link
    join ${s.sharingGroupMembers} as member on member.group_id = link.group_id
    where member.organization_id = ${org}`;
}

/**
 * `canRead` as a SQL predicate, so counts, pages, searches and stats never include what the caller
 * may not see. Must stay equivalent to `canRead` (a test checks both on every combination).
 * Group membership is read here, in the statement that reads the records: the sub-select does
 * not depend on the outer row, so PostgreSQL runs it once per statement (a hashed sub-plan).
 */
export function readableBy(caller: Caller, columns: MarkedColumns): SQL {
  let scopes = readableScopes.get(columns);
  if (!scopes) {
    scopes = {
      anonymous: sql`${columns.tlp} = 'CLEAR'`,
      member: sql`${columns.tlp} in ('CLEAR', 'GREEN')`,
      organizations: new Map(),
    };
    readableScopes.set(columns, scopes);
  }
  if (!hasRight(caller, Right.ReadCommunity)) return scopes.anonymous;
  const org = organizationWith(caller, Right.ReadForOrganization);
  if (org === null) return scopes.member;
  let filter = scopes.organizations.get(org);
  if (!filter) {
    filter = sql`(${columns.tlp} in ('CLEAR', 'GREEN') or ${columns.ownerOrg} = ${org} or ${columns.sharedWith} @> array[${org}]::text[] or ${qualified(columns.id)} in (${linkedForMember(columns, org)}))`;
    // Organizations come from verified tokens, so they are few; the bound is for a misbehaving issuer.
    if (scopes.organizations.size >= MAX_ORGANIZATION_FILTERS) scopes.organizations.clear();
    scopes.organizations.set(org, filter);
  }
  return filter;
}

/** `readableBy`'s filters per marking: the two fixed scopes, and one per organization read for. */
const readableScopes = new WeakMap<
  MarkedColumns,
  { anonymous: SQL; member: SQL; organizations: Map<string, SQL> }
>();
const MAX_ORGANIZATION_FILTERS = 10_000;

/**
 * The organizations reading a record through its sharing groups now (`Marked.groupReaders`), as a
 * SQL expression for the select list of a statement reading the record.
 */
export function groupReadersOf(columns: MarkedColumns): SQL<string[]> {
  const { table, recordId } = columns.groupLinks;
  return sql<string[]>`array(
    select distinct member.organization_id from ${table} as link
    join ${s.sharingGroupMembers} as member on member.group_id = link.group_id
    where link.${sql.identifier(recordId.name)} = ${qualified(columns.id)})`;
}

/**
 * `canSeeRequest` (assistance.ts) as SQL over `incidents.assistance_requests` joined to its incident (the
 * incident's readability is checked separately): the coordinator and the reporting organization
 * see every request of an incident they read; others only requests made by or of their organization. Used by the audit trail and the request list.
 */
export function requestVisibleSql(caller: Caller): SQL {
  if (hasRight(caller, Right.CoordinateIncidents)) return sql`true`;
  const org = organizationWith(caller, Right.ReadForOrganization);
  if (org === null) return sql`false`;
  const requests = t.assistanceRequests;
  return sql`(${t.incidents.reportedByOrg} = ${org} or ${requests.requestedByOrg} = ${org} or ${requests.requestedOfOrg} = ${org})`;
}
