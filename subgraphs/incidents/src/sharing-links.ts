import DataLoader from 'dataloader';
import { and, eq, inArray } from 'drizzle-orm';
import { badUserInput, groupBy, notFound, type Caller } from '@cadg/platform';
import type { Db, Tx } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import * as s from '@cadg/db/incidents-sharing';
import type { IncidentRow } from './rows.ts';
import {
  groupUsableBy,
  groupVisibleTo,
  isUuid,
  selectGroups,
  type SharingGroupRow,
} from './sharing-groups.ts';
import { groupReadersOf, INCIDENT_MARKING, type Marked } from './visibility.ts';

/**
 * Records shared with sharing groups. Only the originator adds a group to a record, whatever its
 * marking: sharing with a group hands the composition of the circle to the group's owner, a choice
 * TLP 2.0 leaves to the originator alone. The originator may choose a group its organization owns
 * or is a member of; any other id is NOT_FOUND, as a group it may not see would be.
 */

/** At most this many groups per change, as organizations are capped at 200. */
const MAX_GROUPS = 50;

/**
 * The sharing groups named by `field`, de-duplicated, each owned by `org` or having it as a member
 * (read in `tx`, so the check and the link see the same groups).
 */
export async function usableGroupIds(
  tx: Db | Tx,
  org: string,
  field: string,
  ids: readonly string[] | null | undefined,
): Promise<string[]> {
  const unique = [...new Set((ids ?? []).map((id) => id.trim()))];
  if (unique.length === 0) return [];
  if (unique.length > MAX_GROUPS) throw badUserInput(field, `At most ${MAX_GROUPS} sharing groups at once.`);
  const malformed = unique.find((id) => !isUuid(id));
  if (malformed !== undefined) throw notFound('SharingGroup', malformed);
  const found = await tx
    .select({ id: s.sharingGroups.id })
    .from(s.sharingGroups)
    .where(and(inArray(s.sharingGroups.id, unique), groupUsableBy(org)));
  const known = new Set(found.map((row) => row.id));
  const missing = unique.find((id) => !known.has(id));
  if (missing !== undefined) throw notFound('SharingGroup', missing);
  return unique;
}

/** For audit summaries: ", sharing groups a, b" when there are any. */
export const groupsNote = (ids: readonly string[]): string =>
  ids.length === 0 ? '' : `, sharing groups ${ids.join(', ')}`;

/** Links an incident to groups; returns the ones it was not linked to before. */
export async function linkIncidentGroups(tx: Tx, incidentId: string, groupIds: readonly string[]) {
  if (groupIds.length === 0) return [];
  const rows = await tx
    .insert(s.incidentSharingGroups)
    .values(groupIds.map((groupId) => ({ incidentId, groupId })))
    .onConflictDoNothing()
    .returning({ groupId: s.incidentSharingGroups.groupId });
  return rows.map((row) => row.groupId);
}

/** Links advisories (all just created by one originator) to groups. */
export async function linkAdvisoryGroups(
  tx: Tx,
  advisoryIds: readonly string[],
  groupIds: readonly string[],
) {
  const rows = advisoryIds.flatMap((advisoryId) => groupIds.map((groupId) => ({ advisoryId, groupId })));
  // Batches stay far below PostgreSQL's bind-parameter limit.
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insert(s.advisorySharingGroups)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
  }
}

/** An incident's marking for `canRead`, with its group readers as they are now. */
export async function markingOf(db: Db | Tx, incident: IncidentRow): Promise<Marked> {
  const [row] = await db
    .select({ readers: groupReadersOf(INCIDENT_MARKING) })
    .from(t.incidents)
    .where(eq(t.incidents.id, incident.id));
  return {
    tlp: incident.tlp,
    ownerOrg: incident.reportedByOrg,
    sharedWith: incident.sharedWith,
    groupReaders: row?.readers ?? [],
  };
}

type LinkTable = typeof s.incidentSharingGroups | typeof s.advisorySharingGroups;

function groupsByRecord(
  db: Db,
  caller: Caller,
  link: LinkTable,
  recordId: typeof s.incidentSharingGroups.incidentId | typeof s.advisorySharingGroups.advisoryId,
  cache: boolean,
) {
  return new DataLoader<string, SharingGroupRow[]>(
    async (ids) => {
      const linked = await db
        .select({ recordId, groupId: link.groupId })
        .from(link)
        .where(inArray(recordId, [...ids]));
      const groupIds = [...new Set(linked.map((row) => row.groupId))];
      const visible =
        groupIds.length === 0
          ? []
          : await selectGroups(db, and(inArray(s.sharingGroups.id, groupIds), groupVisibleTo(caller)));
      const byId = new Map(visible.map((group) => [group.id, group]));
      const pairs = linked.flatMap((row) => {
        const group = byId.get(row.groupId);
        return group ? [{ recordId: row.recordId, group }] : [];
      });
      return groupBy(ids, pairs, (pair) => pair.recordId).map((list) => list.map((pair) => pair.group));
    },
    { cache },
  );
}

/**
 * Per request (factories for `loadersOnFirstUse`): the sharing groups of incidents and advisories, as far as the caller may see the
 * groups (a recipient named directly sees the record, not necessarily who is in a group it is
 * not part of).
 */
export const sharingLoaders = {
  sharingGroupsByIncident: (db: Db, caller: Caller, { cache }: { cache: boolean }) =>
    groupsByRecord(db, caller, s.incidentSharingGroups, s.incidentSharingGroups.incidentId, cache),
  sharingGroupsByAdvisory: (db: Db, caller: Caller, { cache }: { cache: boolean }) =>
    groupsByRecord(db, caller, s.advisorySharingGroups, s.advisorySharingGroups.advisoryId, cache),
};
