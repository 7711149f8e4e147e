import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { hasRight, organizationWith, Right, type Caller } from '@cadg/platform';
import * as t from '@cadg/db/contacts';
import * as c from '@cadg/db/contacts-capacity';

/** Whose organizations, besides the host, form a record's circle under AMBER, AMBER_STRICT and RED. */
export type Circle = 'participants' | 'namedTeams';

/**
 * TLP 2.0 for capacity-building records, read as access rules for a registry
 * (docs/architecture.md): CLEAR anyone; GREEN any member of the mechanism (a caller with a known
 * role); AMBER, AMBER_STRICT and RED the host and the record's circle: for a material the
 * activity's participating organizations, for an after-action record the teams it names (named by
 * the host when recording it, as TLP:RED wants named recipients). The SECRETARIAT reads restricted
 * records only when its organization is in the circle. Returned as a SQL predicate on the record's
 * `tlp` and `activity_id` columns, so lists never load what the caller may not see.
 */
export function readableRecord(
  caller: Caller,
  columns: { tlp: AnyPgColumn; activityId: AnyPgColumn },
  circle: Circle,
): SQL {
  if (!hasRight(caller, Right.ReadCommunity)) return sql`${columns.tlp} = 'CLEAR'`;
  const org = organizationWith(caller, Right.ReadForOrganization);
  if (org === null) return sql`${columns.tlp} in ('CLEAR', 'GREEN')`;
  const inCircle =
    circle === 'participants'
      ? sql`exists (select 1 from ${t.activityParticipants} where ${t.activityParticipants.activityId} = ${columns.activityId} and ${t.activityParticipants.organizationId} = ${org})`
      : sql`exists (select 1 from ${c.afterActionTeams} where ${c.afterActionTeams.activityId} = ${columns.activityId} and ${c.afterActionTeams.organizationId} = ${org})`;
  return sql`(${columns.tlp} in ('CLEAR', 'GREEN')
    or exists (select 1 from ${t.activities} where ${t.activities.id} = ${columns.activityId} and ${t.activities.hostOrganizationId} = ${org})
    or ${inCircle})`;
}
