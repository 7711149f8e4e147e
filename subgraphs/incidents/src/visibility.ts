import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Caller } from '@cadg/platform';
import type { Tlp } from './rows.ts';

/** What visibility rules need to know of a shareable record. */
export interface Marked {
  tlp: Tlp;
  /** The originating organization (reporter or publisher). */
  ownerOrg: string;
  sharedWith: readonly string[];
}

/**
 * TLP 2.0 read as access rules for a registry (DESIGN.md): CLEAR anyone; GREEN any authenticated
 * member; AMBER, AMBER_STRICT and RED the originator and the organizations it was shared with.
 * The SECRETARIAT has no extra right to read: it administers the mechanism, it does not read
 * everyone's mail.
 */
export function canRead(caller: Caller, record: Marked): boolean {
  if (record.tlp === 'CLEAR') return true;
  if (!caller) return false;
  if (record.tlp === 'GREEN') return true;
  const org = caller.org;
  return org !== null && (record.ownerOrg === org || record.sharedWith.includes(org));
}

/**
 * Who may add recipients: always the originator; for AMBER (and GREEN/CLEAR, where it changes
 * little) also any current reader's organization; for AMBER_STRICT and RED only the originator.
 */
export function canShare(caller: Caller, record: Marked): boolean {
  const org = caller?.org ?? null;
  if (org === null) return false;
  if (record.ownerOrg === org) return true;
  if (record.tlp === 'AMBER_STRICT' || record.tlp === 'RED') return false;
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
  if (!caller) return sql`${columns.tlp} = 'CLEAR'`;
  if (caller.org === null) return sql`${columns.tlp} in ('CLEAR', 'GREEN')`;
  return sql`(${columns.tlp} in ('CLEAR', 'GREEN') or ${columns.ownerOrg} = ${caller.org} or ${columns.sharedWith} @> array[${caller.org}]::text[])`;
}
