import { and, eq, exists, or, sql } from 'drizzle-orm';
import { badUserInput, conflict, notFound, type Identity } from '@cadg/platform';
import type { Db } from '@cadg/db';
import * as t from '@cadg/db/contacts';
import * as c from '@cadg/db/contacts-capacity';
import { audit } from '../audit.ts';
import * as valid from '../validation.ts';
import { lockOpenActivity } from './activity-changes.ts';
import type { AttendeeRow } from './rows.ts';

export interface RegisterAttendeeInput {
  activityId: string;
  organizationId: string;
  name: string;
  email: string;
}

/**
 * Registers a person for an activity their organization hosts or takes part in. The caller was
 * checked to be an ORG_ADMIN of `organizationId`. The audit entry names the organization, not the
 * person: attendees are personal data.
 */
export async function registerAttendee(
  db: Db,
  actor: Identity,
  input: RegisterAttendeeInput,
): Promise<AttendeeRow> {
  const values = {
    activityId: input.activityId,
    organizationId: input.organizationId,
    name: valid.requiredText('input.name', input.name, 200),
    email: valid.email('input.email', input.email),
    registeredBy: actor.sub,
  };
  return db.transaction(async (tx) => {
    const activity = await lockOpenActivity(tx, input.activityId);
    const takesPart = or(
      eq(t.activities.hostOrganizationId, input.organizationId),
      exists(
        tx
          .select({ one: sql`1` })
          .from(t.activityParticipants)
          .where(
            and(
              eq(t.activityParticipants.activityId, activity.id),
              eq(t.activityParticipants.organizationId, input.organizationId),
            ),
          ),
      ),
    );
    const [involved] = await tx
      .select({ id: t.activities.id })
      .from(t.activities)
      .where(and(eq(t.activities.id, activity.id), takesPart));
    if (!involved) {
      throw badUserInput(
        'input.organizationId',
        `Organization "${input.organizationId}" neither hosts nor takes part in activity "${activity.id}".`,
      );
    }
    const [row] = await tx.insert(c.activityAttendees).values(values).onConflictDoNothing().returning();
    if (!row) throw conflict(`That e-mail address is already registered for activity "${activity.id}".`);
    await audit(tx, actor, {
      operation: 'registerAttendee',
      targetType: 'Activity',
      targetId: activity.id,
      summary: `Registered an attendee for ${input.organizationId}.`,
    });
    return row;
  });
}

export async function findAttendee(db: Db, id: string): Promise<AttendeeRow> {
  // Registration ids are UUIDs; anything else cannot name one.
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  const [row] = uuid ? await db.select().from(c.activityAttendees).where(eq(c.activityAttendees.id, id)) : [];
  if (!row) throw notFound('ActivityAttendee', id);
  return row;
}

/** Withdraws a registration; the caller was checked to be an ORG_ADMIN of the attendee's organization. */
export async function unregisterAttendee(db: Db, actor: Identity, attendee: AttendeeRow): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(c.activityAttendees)
      .where(eq(c.activityAttendees.id, attendee.id))
      .returning({ id: c.activityAttendees.id });
    if (removed.length === 0) throw notFound('ActivityAttendee', attendee.id);
    await audit(tx, actor, {
      operation: 'unregisterAttendee',
      targetType: 'Activity',
      targetId: attendee.activityId,
      summary: `Withdrew an attendee of ${attendee.organizationId}.`,
    });
  });
}
