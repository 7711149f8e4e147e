import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  conflict,
  forbidden,
  hasRight,
  notFound,
  organizationWith,
  requireIdentity,
  Right,
  type Caller,
  type Identity,
} from '@cadg/platform';
import type { Db, Tx } from '@cadg/db';
import * as s from '@cadg/db/incidents-sharing';
import { audit } from './audit.ts';
import type { Directory } from './directory.ts';
import * as valid from './validation.ts';
import { qualified } from './visibility.ts';

/**
 * Sharing groups (docs/architecture.md, "Sharing groups"): a named set of organizations owned by
 * the organization that created it. Who sees a group and its members: its members, its owner and
 * the SECRETARIAT. Who changes it: the SECRETARIAT or ORG_ADMINs of its owner. Records are shared
 * with a group by their originator only (sharing-links.ts); the group's members now read them.
 */

/** A group with its members' organization ids (sorted), as the GraphQL type is resolved from. */
export type SharingGroupRow = typeof s.sharingGroups.$inferSelect & { memberIds: string[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string): boolean => UUID.test(id);

const groups = s.sharingGroups;
const members = s.sharingGroupMembers;

/** The members of the group in the row being read, sorted, for the select list. */
const memberIdsOf = sql<string[]>`array(
  select member.organization_id from ${members} as member
  where member.group_id = ${qualified(groups.id)} order by member.organization_id)`;

/** Whether `org` is the owner or a member of the group in the row being read. */
export function groupUsableBy(org: string): SQL {
  return sql`(${qualified(groups.ownerOrg)} = ${org} or exists (
    select 1 from ${members} as member
    where member.group_id = ${qualified(groups.id)} and member.organization_id = ${org}))`;
}

/** The groups a caller may see, as SQL over `sharing_groups`: all for the SECRETARIAT. */
export function groupVisibleTo(caller: Caller): SQL {
  if (hasRight(caller, Right.AdministerMechanism)) return sql`true`;
  const org = organizationWith(caller, Right.ReadForOrganization);
  return org === null ? sql`false` : groupUsableBy(org);
}

/** Groups by condition, with their members, sorted by owner then name. */
export function selectGroups(db: Db | Tx, where: SQL | undefined): Promise<SharingGroupRow[]> {
  return db
    .select({
      id: groups.id,
      name: groups.name,
      ownerOrg: groups.ownerOrg,
      createdBySub: groups.createdBySub,
      createdAt: groups.createdAt,
      updatedAt: groups.updatedAt,
      memberIds: memberIdsOf,
    })
    .from(groups)
    .where(where)
    .orderBy(asc(groups.ownerOrg), asc(sql`lower(${groups.name})`), asc(groups.id));
}

/** `sharingGroups`: every group the caller may see (none for anonymous callers). */
export const listSharingGroups = (db: Db, caller: Caller) => selectGroups(db, groupVisibleTo(caller));

/** `sharingGroup(id)`: the group if the caller may see it, else null (as if it did not exist). */
export async function findSharingGroup(
  db: Db | Tx,
  caller: Caller,
  id: string,
): Promise<SharingGroupRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await selectGroups(db, and(eq(groups.id, id), groupVisibleTo(caller)));
  return row ?? null;
}

/** Who may create groups and change one: the SECRETARIAT, or ORG_ADMINs of its owner. */
function requireGroupAdministrator(caller: Caller): Identity & { org: string } {
  const identity = requireIdentity(caller);
  if (!hasRight(identity, Right.ManageOrganization) && !hasRight(identity, Right.AdministerMechanism)) {
    throw forbidden('Only ORG_ADMINs of the owning organization or the SECRETARIAT manage sharing groups.');
  }
  if (identity.org === null) throw forbidden('The token names no organization to own the sharing group.');
  return { ...identity, org: identity.org };
}

const isUniqueViolation = (error: unknown): boolean => {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
};

const duplicateName = (name: string) =>
  conflict(`The organization already has a sharing group named "${name}".`, { field: 'input.name' });

export interface CreateSharingGroupInput {
  name: string;
  organizationIds: readonly string[];
}

/** `createSharingGroup`: owned by the caller's organization; members must be known to contacts. */
export async function createSharingGroup(
  db: Db,
  directory: Directory,
  caller: Caller,
  input: CreateSharingGroupInput,
): Promise<SharingGroupRow> {
  const actor = requireGroupAdministrator(caller);
  const name = valid.text('input.name', input.name, 200);
  const ids = valid.organizationIds('input.organizationIds', input.organizationIds);
  await directory.requireOrganizations([actor.org, ...ids]);
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: groups.id })
        .from(groups)
        .where(and(eq(groups.ownerOrg, actor.org), sql`lower(${groups.name}) = lower(${name})`));
      if (taken) throw duplicateName(name);
      const [group] = await tx
        .insert(groups)
        .values({ name, ownerOrg: actor.org, createdBySub: actor.sub })
        .returning();
      if (!group) throw new Error('insert returned no row');
      if (ids.length > 0) {
        await tx.insert(members).values(ids.map((organizationId) => ({ groupId: group.id, organizationId })));
      }
      await auditGroup(
        tx,
        actor,
        'createSharingGroup',
        group.id,
        `Created sharing group "${name}" ${membersNote(ids)}.`,
      );
      return { ...group, memberIds: [...ids].sort() };
    });
  } catch (error) {
    // Two creations racing past the check above meet the unique index instead.
    if (isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  }
}

/**
 * `setSharingGroupMembers`: replaces the members. Records shared with the group are read by the
 * new members from the next read on, and no longer by removed ones. The SECRETARIAT may change any
 * group, but may not put its own organization into a group it does not own: it administers the
 * mechanism and reads AMBER and RED records only where an originator made it a recipient.
 */
export async function setSharingGroupMembers(
  db: Db,
  directory: Directory,
  caller: Caller,
  id: string,
  organizationIds: readonly string[],
): Promise<SharingGroupRow> {
  const actor = requireGroupAdministrator(caller);
  const ids = valid.organizationIds('organizationIds', organizationIds);
  const found = await findSharingGroup(db, actor, id);
  if (!found) throw notFound('SharingGroup', id);
  const asOwner = organizationWith(actor, Right.ManageOrganization) === found.ownerOrg;
  if (!asOwner && !hasRight(actor, Right.AdministerMechanism)) {
    throw forbidden('Only ORG_ADMINs of the owning organization or the SECRETARIAT change its members.');
  }
  if (!asOwner && ids.includes(actor.org) && !found.memberIds.includes(actor.org)) {
    throw forbidden('The SECRETARIAT may not add its own organization to a group it does not own.');
  }
  await directory.requireOrganizations(ids);
  return db.transaction(async (tx) => {
    // Locks the group so concurrent changes apply one after the other.
    await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, found.id)).for('update');
    const current = await tx
      .select({ organizationId: members.organizationId })
      .from(members)
      .where(eq(members.groupId, found.id));
    const before = current.map((m) => m.organizationId);
    const removed = before.filter((org) => !ids.includes(org));
    const added = ids.filter((org) => !before.includes(org));
    if (removed.length > 0) {
      await tx
        .delete(members)
        .where(and(eq(members.groupId, found.id), inArray(members.organizationId, removed)));
    }
    if (added.length > 0) {
      await tx.insert(members).values(added.map((organizationId) => ({ groupId: found.id, organizationId })));
    }
    if (added.length > 0 || removed.length > 0) {
      await tx.update(groups).set({ updatedAt: new Date() }).where(eq(groups.id, found.id));
      const changes = [
        added.length > 0 && `added ${added.join(', ')}`,
        removed.length > 0 && `removed ${removed.join(', ')}`,
      ].filter(Boolean);
      await auditGroup(
        tx,
        actor,
        'setSharingGroupMembers',
        found.id,
        `Members of "${found.name}": ${changes.join('; ')}.`,
      );
    }
    const [group] = await selectGroups(tx, eq(groups.id, found.id));
    if (!group) throw new Error('group vanished inside its transaction');
    return group;
  });
}

const membersNote = (ids: readonly string[]) =>
  ids.length === 0 ? 'without members' : `with members ${ids.join(', ')}`;

const auditGroup = (tx: Tx, actor: Identity, operation: string, id: string, summary: string) =>
  audit(tx, actor, { operation, targetType: 'SharingGroup', targetId: id, summary: summary.slice(0, 1000) });
