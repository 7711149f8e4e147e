import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { textSearch, cursorShape, CursorParts, keysetList, notFound, type Caller } from '@cadg/platform';
import { tableKeyset, type Db, type Tx } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import type { IncidentCategory, IncidentRow, IncidentStatus, Severity } from './rows.ts';
import * as valid from './validation.ts';
import { INCIDENT_MARKING, readableBy } from './visibility.ts';

export interface IncidentFilter {
  countryCodes?: readonly string[] | null;
  minSeverity?: Severity | null;
  statuses?: readonly IncidentStatus[] | null;
  categories?: readonly IncidentCategory[] | null;
  crossBorder?: boolean | null;
  reportedFrom?: Date | null;
  reportedTo?: Date | null;
  text?: string | null;
}

/** Narrows a list to one country's or one reporter's incidents (the entity fields). */
export interface IncidentScope {
  countryCode?: string;
  reportedByOrg?: string;
}

/** The caller's visibility, the scope and the filter, as SQL. Visibility is never optional. */
export function incidentConditions(
  caller: Caller,
  filter: IncidentFilter | null | undefined,
  scope: IncidentScope = {},
): SQL[] {
  const where: SQL[] = [readableBy(caller, INCIDENT_MARKING)];
  if (scope.countryCode)
    where.push(sql`${t.incidents.affectedCountries} @> array[${scope.countryCode}]::char(2)[]`);
  if (scope.reportedByOrg) where.push(eq(t.incidents.reportedByOrg, scope.reportedByOrg));
  if (!filter) return where;
  if (filter.countryCodes?.length) {
    const codes = valid.countryCodes('filter.countryCodes', filter.countryCodes, { required: false });
    where.push(sql`${t.incidents.affectedCountries} && ${`{${codes.join(',')}}`}::char(2)[]`);
  }
  if (filter.minSeverity) where.push(gte(t.incidents.severity, filter.minSeverity));
  if (filter.statuses?.length) where.push(inArray(t.incidents.status, [...filter.statuses]));
  if (filter.categories?.length) where.push(inArray(t.incidents.category, [...filter.categories]));
  if (filter.crossBorder !== undefined && filter.crossBorder !== null)
    where.push(eq(t.incidents.crossBorder, filter.crossBorder));
  if (filter.reportedFrom) where.push(gte(t.incidents.reportedAt, filter.reportedFrom));
  if (filter.reportedTo) where.push(lt(t.incidents.reportedAt, filter.reportedTo));
  where.push(...textSearch(filter.text, t.incidents.title, t.incidents.summary));
  return where;
}

const INCIDENT_CURSOR = cursorShape('incidents', CursorParts.timestamp, CursorParts.uuid);

/** Whose list of incidents (the caller's visibility always applies) and what narrows it. */
export interface IncidentQuery {
  caller: Caller;
  filter?: IncidentFilter | null | undefined;
  scope?: IncidentScope;
}

/** Incidents the caller may see, newest first, keyset-paginated on (reportedAt, id). */
export const listIncidents = keysetList({
  cursor: INCIDENT_CURSOR,
  where: ({ caller, filter, scope }: IncidentQuery) => incidentConditions(caller, filter, scope),
  queries: (db: Db) =>
    tableKeyset(db, t.incidents, 'desc', [
      [t.incidents.reportedAt, 'timestamptz'],
      [t.incidents.id, 'uuid'],
    ]),
  keyOf: (r) => [r.reportedAt.toISOString(), r.id],
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string): boolean => UUID.test(id);

/**
 * An incident the caller may see, locked for the rest of the transaction when changing it.
 * One the caller may not see is NOT_FOUND, exactly like one that does not exist: the error
 * must not tell who has incidents they cannot read.
 */
export async function findVisibleIncident(
  db: Db | Tx,
  caller: Caller,
  id: string,
  lock = false,
): Promise<IncidentRow> {
  if (!isUuid(id)) throw notFound('Incident', id);
  const query = db
    .select()
    .from(t.incidents)
    .where(and(eq(t.incidents.id, id), readableBy(caller, INCIDENT_MARKING)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Incident', id);
  return row;
}
