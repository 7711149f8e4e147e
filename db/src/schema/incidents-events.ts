import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { countryCodes, instant, uuidKey, writtenAt } from './columns.ts';
import { incidentCategory, incidentEventType, incidentsSchema, severity } from './incidents-core.ts';
import { subjectColumns } from './incidents-intel.ts';

/* The incidents subgraph's tables, part 3: the event outbox and alerts (see incidents-core.ts). */

/**
 * The transactional outbox: one row per change, written in the change's transaction. Ids are
 * handed out under a transaction-scoped advisory lock, so they commit in id order and a
 * subscriber resuming "after id N" can never miss a later-committing smaller id.
 */
export const incidentEvents = incidentsSchema.table(
  'incident_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The incident the event is about; null for an ADVISORY_PUBLISHED event, which names its advisory. */
    ...subjectColumns(),
    type: incidentEventType('type').notNull(),
    occurredAt: writtenAt('occurred_at'),
    /** Severity after the change, and before it, so subscribers can tell when one drops below their threshold. */
    severity: severity('severity').notNull(),
    previousSeverity: severity('previous_severity'),
    affectedCountries: countryCodes('affected_countries'),
    actorOrg: text('actor_org'),
    actorSub: text('actor_sub').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('incident_events_incident_idx').on(t.incidentId, t.id),
    check('incident_events_one_subject', sql`(incident_id is null) <> (advisory_id is null)`),
  ],
);

export const alertChannel = incidentsSchema.enum('alert_channel', ['WEBHOOK', 'EMAIL']);
export const alertKind = incidentsSchema.enum('alert_kind', [
  'INCIDENT_REPORTED',
  'INCIDENT_UPDATED',
  'ADVISORY_PUBLISHED',
  'ASSISTANCE_REQUESTED',
]);
export const alertDeliveryStatus = incidentsSchema.enum('alert_delivery_status', [
  'PENDING',
  'DELIVERED',
  'FAILED',
  'DEAD',
]);

/**
 * An organization's standing order for alerts by webhook or e-mail. Empty `country_codes` and
 * `categories` mean all; `kinds` is always spelled out. The webhook signing secret must be kept
 * readable (it signs every delivery), so it is never returned after creation.
 */
export const alertRules = incidentsSchema.table(
  'alert_rules',
  {
    id: uuidKey(),
    organization: text('organization').notNull(),
    name: text('name').notNull(),
    channel: alertChannel('channel').notNull(),
    target: text('target').notNull(),
    signingSecret: text('signing_secret'),
    minSeverity: severity('min_severity').notNull(),
    countryCodes: countryCodes('country_codes'),
    categories: incidentCategory('categories').array().notNull(),
    kinds: alertKind('kinds').array().notNull(),
    paused: boolean('paused').notNull().default(false),
    /** Why the rule was paused automatically; null when it runs or was paused by hand. */
    pausedReason: text('paused_reason'),
    /** DEAD deliveries since the last success: the rule is paused when it reaches the limit. */
    deadInARow: integer('dead_in_a_row').notNull().default(0),
    /** The newest event when the rule was made: a new rule is sent what happens next, not the past. */
    afterEventId: bigint('after_event_id', { mode: 'number' }).notNull(),
    createdBySub: text('created_by_sub').notNull(),
    createdAt: writtenAt('created_at'),
  },
  (t) => [index('alert_rules_organization_idx').on(t.organization, t.createdAt, t.id)],
);

/**
 * One row per (rule, event), written before anything is sent: the unique key makes matching
 * idempotent across restarts and replicas, and the row id is the `webhook-id` of every attempt.
 */
export const alertDeliveries = incidentsSchema.table(
  'alert_deliveries',
  {
    id: uuidKey(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => alertRules.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => incidentEvents.id),
    ...subjectColumns(),
    kind: alertKind('kind').notNull(),
    status: alertDeliveryStatus('status').notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: writtenAt('created_at'),
    deliveredAt: instant('delivered_at'),
    /** When a PENDING or FAILED delivery is due; while one is being sent, when its lease ends. */
    nextAttemptAt: instant('next_attempt_at'),
  },
  (t) => [
    uniqueIndex('alert_deliveries_rule_event_idx').on(t.ruleId, t.eventId),
    index('alert_deliveries_rule_idx').on(
      t.ruleId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('alert_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status in ('PENDING', 'FAILED')`),
  ],
);

/** The dispatcher's durable position in the outbox: one row, locked by the replica matching. */
export const alertDispatchPosition = incidentsSchema.table('alert_dispatch_position', {
  id: integer('id').primaryKey(),
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull(),
});
