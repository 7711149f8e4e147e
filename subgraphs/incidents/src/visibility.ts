import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { hasRight, organizationWith, Right, type Caller } from '@cadg/platform';
import type { Tlp } from './rows.ts';

/** What visibility rules need to know of a shareable record. */
export interface Marked {
  tlp: Tlp;
  /** The originating organization (reporter or publisher). */
  ownerOrg: string;
  sharedWith: readonly string[];
}

/**
 * TLP 2.0 read as access rules for a registry (docs/architecture.md): CLEAR anyone; GREEN any member of the
 * mechanism (a caller with a known role); AMBER, AMBER_STRICT and RED the originator and the
 * organizations it was shared with, read for an organization only with a role that grants it
 * (platform's role table), so a token naming an organization but no role reads what an
 * anonymous caller reads. The SECRETARIAT has no extra right to read: it administers the
 * mechanism, it does not read everyone's mail.
 */
export function canRead(caller: Caller, record: Marked): boolean {
  if (record.tlp === 'CLEAR') return true;
  if (!hasRight(caller, Right.ReadCommunity)) return false;
  if (record.tlp === 'GREEN') return true;
  const org = organizationWith(caller, Right.ReadForOrganization);
  return org !== null && (record.ownerOrg === org || record.sharedWith.includes(org));
}

/**
 * Who may add recipients, TLP 2.0 exactly: the originator always; for GREEN and CLEAR also anyone
 * acting for an organization that may read the record. AMBER recipients may pass it on inside
 * their own organization and to its clients, which the registry does not hold, so within the
 * registry AMBER, AMBER_STRICT and RED circles are widened only by the originator.
 */
export function canShare(caller: Caller, record: Marked): boolean {
  const org = organizationWith(caller, Right.ActForOrganization);
  if (org === null) return false;
  if (record.ownerOrg === org) return true;
  if (record.tlp !== 'CLEAR' && record.tlp !== 'GREEN') return false;
  return canRead(caller, record);
}

export interface MarkedColumns {
  tlp: AnyPgColumn;
  ownerOrg: AnyPgColumn;
  sharedWith: AnyPgColumn;
}

/**
 * `canRead` as a SQL predicate, so counts, pages, searches and stats never include what the caller
 * may not see. Must stay equivalent to `canRead` (a test checks both on every combination).
 */
export function readableBy(caller: Caller, columns: MarkedColumns): SQL {
  if (!hasRight(caller, Right.ReadCommunity)) return sql`${columns.tlp} = 'CLEAR'`;
  const org = organizationWith(caller, Right.ReadForOrganization);
  if (org === null) return sql`${columns.tlp} in ('CLEAR', 'GREEN')`;
  return sql`(${columns.tlp} in ('CLEAR', 'GREEN') or ${columns.ownerOrg} = ${org} or ${columns.sharedWith} @> array[${org}]::text[])`;
}
