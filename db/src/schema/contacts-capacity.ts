import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { day, textList, uuidKey, version, writtenAt } from './columns.ts';
import { activities, activityColumn, contactsSchema, organizationColumn, organizations } from './contacts.ts';

/**
 * Capacity building as it happened (issue #22): materials, individual attendees and the
 * after-action record of a drill. Owned by the contacts subgraph, next to `activities`.
 */

/** TLP 2.0 marking of materials and after-action records (the same five labels as incidents'). */
export const capacityTlp = contactsSchema.enum('tlp', ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED']);

/** Why an activity was called off and when; null columns while it stands. Kept apart from `activities`. */
export const activityCancellations = contactsSchema.table('activity_cancellations', {
  activityId: text('activity_id')
    .primaryKey()
    .references(() => activities.id, { onDelete: 'cascade' }),
  reason: text('reason').notNull(),
  cancelledAt: writtenAt('cancelled_at'),
  cancelledBy: text('cancelled_by').notNull(),
});

export const activityMaterials = contactsSchema.table(
  'activity_materials',
  {
    id: uuidKey(),
    activityId: activityColumn(),
    title: text('title').notNull(),
    url: text('url').notNull(),
    /** BCP 47 language tag, e.g. `en`, `zh-Hans`, `vi`. */
    language: text('language').notNull(),
    tlp: capacityTlp('tlp').notNull(),
    addedBy: text('added_by').notNull(),
    createdAt: writtenAt('created_at'),
  },
  (t) => [index('activity_materials_activity_idx').on(t.activityId, t.createdAt)],
);

/**
 * Individual attendees: personal data (name, e-mail), read by members of the mechanism only.
 * Registered by an ORG_ADMIN of the attendee's own organization; one registration per address.
 */
export const activityAttendees = contactsSchema.table(
  'activity_attendees',
  {
    id: uuidKey(),
    activityId: activityColumn(),
    organizationId: organizationColumn(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    registeredBy: text('registered_by').notNull(),
    registeredAt: writtenAt('registered_at'),
  },
  (t) => [
    uniqueIndex('activity_attendees_email_idx').on(t.activityId, sql`lower(${t.email})`),
    index('activity_attendees_org_idx').on(t.organizationId),
  ],
);

/** What a drill or exercise found: one record per activity, replaced as a whole when corrected. */
export const afterActionReports = contactsSchema.table('after_action_reports', {
  activityId: text('activity_id')
    .primaryKey()
    .references(() => activities.id, { onDelete: 'cascade' }),
  scenarioSummary: text('scenario_summary').notNull(),
  findings: textList('findings'),
  tlp: capacityTlp('tlp').notNull(),
  version: version(),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: writtenAt('recorded_at'),
});

export const afterActionTeams = contactsSchema.table(
  'after_action_teams',
  {
    activityId: text('activity_id')
      .notNull()
      .references(() => afterActionReports.activityId, { onDelete: 'cascade' }),
    organizationId: organizationColumn(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.organizationId] })],
);

export const afterActionFollowUps = contactsSchema.table(
  'after_action_follow_ups',
  {
    id: uuidKey(),
    activityId: text('activity_id')
      .notNull()
      .references(() => afterActionReports.activityId, { onDelete: 'cascade' }),
    /** Order in the report, from 0. */
    position: integer('position').notNull(),
    action: text('action').notNull(),
    ownerOrganizationId: text('owner_organization_id')
      .notNull()
      .references(() => organizations.id),
    dueOn: day('due_on').notNull(),
  },
  (t) => [uniqueIndex('after_action_follow_ups_position_idx').on(t.activityId, t.position)],
);
