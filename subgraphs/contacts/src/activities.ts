import { randomUUID } from 'node:crypto';
import { and, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import {
  textSearch,
  badUserInput,
  cursorShape,
  forbidden,
  CursorParts,
  keysetList,
  linked,
  notFound,
  type Identity,
} from '@cadg/platform';
import { tableKeyset, type Db, type Tx } from '@cadg/db';
import * as t from '@cadg/db/contacts';
import * as c from '@cadg/db/contacts-capacity';
import { audit } from './audit.ts';
import type { ActivityKind, ActivityRow } from './rows.ts';
import * as valid from './validation.ts';

export interface ActivityFilter {
  kinds?: readonly ActivityKind[] | null;
  countryCode?: string | null;
  organizationId?: string | null;
  startsFrom?: string | null;
  startsTo?: string | null;
  text?: string | null;
}

function conditions(filter: ActivityFilter | null | undefined): SQL[] {
  const where: SQL[] = [];
  if (!filter) return where;
  if (filter.kinds) where.push(inArray(t.activities.kind, [...filter.kinds]));
  if (filter.countryCode) {
    const code = valid.countryCode('filter.countryCode', filter.countryCode);
    where.push(
      linked(t.activityCountries.activityId, t.activities.id, t.activityCountries.countryCode, code),
    );
  }
  if (filter.organizationId) {
    const id = filter.organizationId;
    const involved = or(
      eq(t.activities.hostOrganizationId, id),
      linked(t.activityParticipants.activityId, t.activities.id, t.activityParticipants.organizationId, id),
    );
    if (involved) where.push(involved);
  }
  if (filter.startsFrom) where.push(gte(t.activities.startsOn, filter.startsFrom));
  if (filter.startsTo) where.push(lte(t.activities.startsOn, filter.startsTo));
  where.push(...textSearch(filter.text, t.activities.title, t.activities.description));
  return where;
}

const ACTIVITY_CURSOR = cursorShape('activities', CursorParts.date, CursorParts.text);

/** Activities newest first, keyset-paginated on (startsOn, id) descending. */
export const listActivities = keysetList({
  cursor: ACTIVITY_CURSOR,
  where: conditions,
  queries: (db: Db) =>
    tableKeyset(db, t.activities, 'desc', [[t.activities.startsOn, 'date'], t.activities.id]),
  keyOf: (r) => [r.startsOn, r.id],
});

/** Throws NOT_FOUND naming the first organization id that does not exist. */
export async function requireOrganizations(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: t.organizations.id })
    .from(t.organizations)
    .where(inArray(t.organizations.id, [...ids]));
  const known = new Set(found.map((r) => r.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined) throw notFound('Organization', missing);
}

export interface ScheduleActivityInput {
  kind: ActivityKind;
  title: string;
  description?: string | null;
  startsOn: string;
  endsOn?: string | null;
  hostOrganizationId: string;
  countryCodes?: readonly string[] | null;
  participantOrganizationIds?: readonly string[] | null;
}

export async function scheduleActivity(
  db: Db,
  actor: Identity,
  input: ScheduleActivityInput,
): Promise<ActivityRow> {
  if (input.endsOn && input.endsOn < input.startsOn) {
    throw badUserInput('input.endsOn', 'An activity cannot end before it starts.');
  }
  const countryCodes = [
    ...new Set((input.countryCodes ?? []).map((c) => valid.countryCode('input.countryCodes', c))),
  ];
  const participants = [...new Set(input.participantOrganizationIds ?? [])];
  const values = {
    id: randomUUID(),
    kind: input.kind,
    title: valid.requiredText('input.title', input.title),
    description: valid.optionalText('input.description', input.description, 5000),
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    hostOrganizationId: input.hostOrganizationId,
  };
  return db.transaction(async (tx) => {
    await requireOrganizations(tx, [input.hostOrganizationId]);
    await requireOrganizations(tx, participants);
    if (countryCodes.length > 0) {
      const found = await tx
        .select({ code: t.countries.code })
        .from(t.countries)
        .where(inArray(t.countries.code, countryCodes));
      const known = new Set(found.map((r) => r.code));
      const missing = countryCodes.find((c) => !known.has(c));
      if (missing) throw notFound('Country', missing);
    }
    const [row] = await tx.insert(t.activities).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    if (participants.length > 0) {
      await tx
        .insert(t.activityParticipants)
        .values(participants.map((organizationId) => ({ activityId: row.id, organizationId })));
    }
    if (countryCodes.length > 0) {
      await tx
        .insert(t.activityCountries)
        .values(countryCodes.map((countryCode) => ({ activityId: row.id, countryCode })));
    }
    await audit(tx, actor, {
      operation: 'scheduleActivity',
      targetType: 'Activity',
      targetId: row.id,
      summary: `Scheduled ${values.kind} "${values.title}" on ${values.startsOn}, hosted by ${values.hostOrganizationId}.`,
    });
    return row;
  });
}

export async function findActivity(db: Db, id: string): Promise<ActivityRow> {
  const [row] = await db.select().from(t.activities).where(eq(t.activities.id, id));
  if (!row) throw notFound('Activity', id);
  return row;
}

/**
 * The participants are the circle of an activity's AMBER, AMBER_STRICT and RED materials, and TLP 2.0
 * lets only the originator widen such a circle: once the host has shared any, only the host's own
 * ORG_ADMINs add participants (the SECRETARIAT still can while there are none).
 */
async function requireOriginatorToWiden(tx: Tx, actor: Identity, activity: ActivityRow): Promise<void> {
  if (activity.hostOrganizationId === null || actor.org === activity.hostOrganizationId) return;
  const [restricted] = await tx
    .select({ id: c.activityMaterials.id })
    .from(c.activityMaterials)
    .where(
      and(
        eq(c.activityMaterials.activityId, activity.id),
        inArray(c.activityMaterials.tlp, ['AMBER', 'AMBER_STRICT', 'RED']),
      ),
    )
    .limit(1);
  if (restricted) {
    throw forbidden(
      'This activity has AMBER or RED materials: only its host may add participants (TLP 2.0: only the originator widens the circle).',
    );
  }
}

export async function addParticipants(
  db: Db,
  actor: Identity,
  activity: ActivityRow,
  organizationIds: readonly string[],
): Promise<ActivityRow> {
  const ids = [...new Set(organizationIds)];
  if (ids.length === 0) throw badUserInput('organizationIds', 'Name at least one organization.');
  return db.transaction(async (tx) => {
    await requireOrganizations(tx, ids);
    await requireOriginatorToWiden(tx, actor, activity);
    const added = await tx
      .insert(t.activityParticipants)
      .values(ids.map((organizationId) => ({ activityId: activity.id, organizationId })))
      .onConflictDoNothing()
      .returning({ organizationId: t.activityParticipants.organizationId });
    // A new participant is a change of the activity (and widens the circle of its TLP records).
    const [changed] =
      added.length > 0
        ? await tx
            .update(t.activities)
            .set({ version: sql`${t.activities.version} + 1`, updatedAt: new Date() })
            .where(eq(t.activities.id, activity.id))
            .returning()
        : [activity];
    await audit(tx, actor, {
      operation: 'addActivityParticipants',
      targetType: 'Activity',
      targetId: activity.id,
      summary:
        added.length > 0
          ? `Added participants ${added.map((r) => r.organizationId).join(', ')}.`
          : 'No new participants (all were already taking part).',
    });
    return changed ?? activity;
  });
}
