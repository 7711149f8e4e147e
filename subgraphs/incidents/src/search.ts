import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { badUserInput, type Caller } from '@cadg/platform';
import type { Db } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import { advisoryReadableBy } from './advisories.ts';
import { incidentConditions, type IncidentFilter } from './incidents.ts';
import { searchForms } from './indicators.ts';
import type { IndicatorRow } from './rows.ts';
import { INCIDENT_MARKING, readableBy } from './visibility.ts';

/**
 * "Has anyone seen this?": indicators with the value in any of its valid normalised forms, only in
 * incidents and advisories the caller may see.
 */
export async function findIndicators(db: Db, caller: Caller, value: string): Promise<IndicatorRow[]> {
  const forms = searchForms(value);
  if (forms.length === 0)
    throw badUserInput('value', 'The value is not a URL, domain, IP address, e-mail or file hash.');
  const visible = or(readableBy(caller, INCIDENT_MARKING), advisoryReadableBy(caller)) as SQL;
  const rows = await db
    .select({ indicator: t.indicators })
    .from(t.indicators)
    .leftJoin(t.incidents, eq(t.incidents.id, t.indicators.incidentId))
    .leftJoin(t.advisories, eq(t.advisories.id, t.indicators.advisoryId))
    .where(and(inArray(t.indicators.value, forms), visible))
    .orderBy(asc(t.indicators.addedAt), asc(t.indicators.id))
    .limit(500);
  return rows.map((row) => row.indicator);
}

export type StatsGroupBy = 'COUNTRY' | 'SEVERITY' | 'CATEGORY' | 'STATUS' | 'MONTH';

const groupKeys: Record<StatsGroupBy, SQL> = {
  COUNTRY: sql`unnest(${t.incidents.affectedCountries})::text`,
  SEVERITY: sql`${t.incidents.severity}::text`,
  CATEGORY: sql`${t.incidents.category}::text`,
  STATUS: sql`${t.incidents.status}::text`,
  MONTH: sql`to_char(${t.incidents.reportedAt} at time zone 'UTC', 'YYYY-MM')`,
};

/** Counts of the incidents the caller may see, in one grouped statement. */
export async function incidentStats(
  db: Db,
  caller: Caller,
  groupBy: StatsGroupBy,
  filter: IncidentFilter | null | undefined,
): Promise<{ key: string; count: number }[]> {
  const key = groupKeys[groupBy];
  return db
    .select({ key: sql<string>`${key}`.as('key'), count: sql<number>`count(*)::int`.as('count') })
    .from(t.incidents)
    .where(and(...incidentConditions(caller, filter)))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
}
