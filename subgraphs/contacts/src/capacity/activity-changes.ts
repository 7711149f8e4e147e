import { eq } from 'drizzle-orm';
import { badUserInput, conflict, notFound, type Identity } from '@cadg/platform';
import type { Db, Tx } from '@cadg/db';
import * as t from '@cadg/db/contacts';
import * as c from '@cadg/db/contacts-capacity';
import { audit, changedFields } from '../audit.ts';
import type { ActivityKind, ActivityRow } from '../rows.ts';
import * as valid from '../validation.ts';
import type { MaterialRow, Tlp } from './rows.ts';

/**
 * Locks an activity for a change and refuses one that was called off: a cancelled activity is a
 * record of what did not happen, so it takes no more changes.
 */
export async function lockOpenActivity(tx: Tx, id: string): Promise<ActivityRow> {
  const [activity] = await tx.select().from(t.activities).where(eq(t.activities.id, id)).for('update');
  if (!activity) throw notFound('Activity', id);
  const [cancelled] = await tx
    .select({ activityId: c.activityCancellations.activityId })
    .from(c.activityCancellations)
    .where(eq(c.activityCancellations.activityId, id));
  if (cancelled) throw conflict(`Activity "${id}" was cancelled; it cannot be changed.`);
  return activity;
}

/** Marks the activity changed (new version, updatedAt) inside the change's transaction. */
async function touch(tx: Tx, activity: ActivityRow, changes: Partial<typeof t.activities.$inferInsert> = {}) {
  const [row] = await tx
    .update(t.activities)
    .set({ ...changes, version: activity.version + 1, updatedAt: new Date() })
    .where(eq(t.activities.id, activity.id))
    .returning();
  if (!row) throw notFound('Activity', activity.id);
  return row;
}

export interface UpdateActivityInput {
  id: string;
  expectedVersion?: number | null;
  kind?: ActivityKind | null;
  title?: string | null;
  description?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
}

function activityChanges(input: UpdateActivityInput): Partial<typeof t.activities.$inferInsert> {
  const changes: Partial<typeof t.activities.$inferInsert> = {};
  if (input.kind !== undefined) {
    if (input.kind === null) throw badUserInput('input.kind', 'kind cannot be cleared.');
    changes.kind = input.kind;
  }
  if (input.title !== undefined) {
    if (input.title === null) throw badUserInput('input.title', 'title cannot be cleared.');
    changes.title = valid.requiredText('input.title', input.title);
  }
  if (input.description !== undefined)
    changes.description = valid.optionalText('input.description', input.description, 5000);
  if (input.startsOn !== undefined) {
    if (input.startsOn === null) throw badUserInput('input.startsOn', 'startsOn cannot be cleared.');
    changes.startsOn = input.startsOn;
  }
  if (input.endsOn !== undefined) {
    if (input.endsOn === null) throw badUserInput('input.endsOn', 'endsOn cannot be cleared.');
    changes.endsOn = input.endsOn;
  }
  if (Object.keys(changes).length === 0) throw badUserInput('input', 'Name at least one detail to change.');
  return changes;
}

/** Changes an activity's details; the caller's right to was checked by the resolver. */
export async function updateActivity(
  db: Db,
  actor: Identity,
  input: UpdateActivityInput,
): Promise<ActivityRow> {
  const changes = activityChanges(input);
  return db.transaction(async (tx) => {
    const current = await lockOpenActivity(tx, input.id);
    if (input.expectedVersion != null && input.expectedVersion !== current.version) {
      throw conflict(
        `Activity "${input.id}" is at version ${current.version}, not ${input.expectedVersion}.`,
        {
          currentVersion: current.version,
        },
      );
    }
    const startsOn = changes.startsOn ?? current.startsOn;
    const endsOn = changes.endsOn === undefined ? current.endsOn : changes.endsOn;
    if (endsOn && endsOn < startsOn) {
      throw badUserInput('input.endsOn', 'An activity cannot end before it starts.');
    }
    const row = await touch(tx, current, changes);
    await audit(tx, actor, {
      operation: 'updateActivity',
      targetType: 'Activity',
      targetId: current.id,
      summary: `Changed ${changedFields(changes)}.`,
    });
    return row;
  });
}

/** Calls an activity off; CONFLICT when it already was. */
export async function cancelActivity(
  db: Db,
  actor: Identity,
  id: string,
  reason: string,
): Promise<ActivityRow> {
  const why = valid.requiredText('reason', reason);
  return db.transaction(async (tx) => {
    const current = await lockOpenActivity(tx, id);
    await tx.insert(c.activityCancellations).values({ activityId: id, reason: why, cancelledBy: actor.sub });
    const row = await touch(tx, current);
    await audit(tx, actor, {
      operation: 'cancelActivity',
      targetType: 'Activity',
      targetId: id,
      summary: `Cancelled "${current.title}" (was to start on ${current.startsOn}).`,
    });
    return row;
  });
}

/**
 * A BCP 47 language tag in its canonical form, checked by the runtime's own Intl implementation
 * (ICU) rather than a hand-written grammar.
 */
export function languageTag(field: string, value: string): string {
  // RFC 5646 §4.4.1: 35 characters hold any tag of language, extlang, script, region and variant.
  if (value.trim().length > 35) throw badUserInput(field, 'A language tag has at most 35 characters.');
  try {
    const [canonical] = Intl.getCanonicalLocales(value.trim());
    if (canonical) return canonical;
  } catch {
    // not a well-formed tag: refused below
  }
  throw badUserInput(field, `"${value}" is not a BCP 47 language tag such as en, zh-Hans or vi.`);
}

export interface AddMaterialInput {
  activityId: string;
  title: string;
  url: string;
  language: string;
  tlp: Tlp;
}

/**
 * Adds a material. The audit entry names its marking and language but not its title, so the audit
 * log (read by the SECRETARIAT, which is not in every activity's circle) reveals nothing of an
 * AMBER or RED material.
 */
export async function addMaterial(db: Db, actor: Identity, input: AddMaterialInput): Promise<MaterialRow> {
  const values = {
    activityId: input.activityId,
    title: valid.requiredText('input.title', input.title),
    url: valid.httpsUrl('input.url', input.url),
    language: languageTag('input.language', input.language),
    tlp: input.tlp,
    addedBy: actor.sub,
  };
  return db.transaction(async (tx) => {
    const activity = await lockOpenActivity(tx, input.activityId);
    const [row] = await tx.insert(c.activityMaterials).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    await touch(tx, activity);
    await audit(tx, actor, {
      operation: 'addActivityMaterial',
      targetType: 'Activity',
      targetId: activity.id,
      summary: `Added a TLP:${values.tlp} material in ${values.language}.`,
    });
    return row;
  });
}
