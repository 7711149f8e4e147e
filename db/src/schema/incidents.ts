import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { auditLogTable } from './audit.ts';

/** Where an imported record came from: the format, how it arrived, the source's own id and author. */
export interface Provenance {
  format: 'STIX_2_1' | 'MISP';
  /** How it arrived: the GraphQL mutation, the TAXII inbox or a MISP feed. */
  channel: 'GRAPHQL' | 'TAXII' | 'MISP_FEED';
  /** The source's id of the object (a STIX id, a MISP uuid). */
  externalId: string;
  /** The name of the source's author (STIX `created_by_ref` identity, MISP `Orgc`), when given. */
  createdBy: string | null;
  /** The import (exchange_imports row) that last wrote it. */
  importId: string;
}

/** Tables owned by the incidents subgraph. No other subgraph may import this module. */
export const incidentsSchema = pgSchema('incidents');

// Declaration order matters: PostgreSQL compares enum values by it, so `severity >= 'HIGH'` works.
export const severity = incidentsSchema.enum('severity', [
  'BASELINE',
  'LOW',
  'MEDIUM',
  'HIGH',
  'SEVERE',
  'EMERGENCY',
]);
export const tlp = incidentsSchema.enum('tlp', ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED']);
export const incidentCategory = incidentsSchema.enum('incident_category', [
  'PHISHING',
  'MALWARE',
  'RANSOMWARE',
  'DDOS',
  'INTRUSION',
  'DATA_BREACH',
  'VULNERABILITY_EXPLOITATION',
  'WEB_DEFACEMENT',
  'OTHER',
]);
export const incidentStatus = incidentsSchema.enum('incident_status', [
  'REPORTED',
  'TRIAGED',
  'IN_PROGRESS',
  'CONTAINED',
  'RESOLVED',
  'CLOSED',
  'REJECTED',
]);
export const assistanceKind = incidentsSchema.enum('assistance_kind', [
  'ANALYSIS',
  'TAKEDOWN',
  'LOG_PRESERVATION',
  'MITIGATION',
  'COORDINATION',
]);
export const assistanceStatus = incidentsSchema.enum('assistance_status', [
  'OPEN',
  'ACCEPTED',
  'DECLINED',
  'COMPLETED',
]);
export const indicatorType = incidentsSchema.enum('indicator_type', [
  'URL',
  'DOMAIN',
  'IPV4',
  'IPV6',
  'EMAIL',
  'FILE_SHA256',
  'FILE_MD5',
  'FILE_SHA1',
  'FILE_SHA512',
]);
export const incidentEventType = incidentsSchema.enum('incident_event_type', [
  'REPORTED',
  'UPDATED',
  'STATUS_CHANGED',
  'SEVERITY_CHANGED',
  'UPDATE_POSTED',
  'SHARED',
  'ASSISTANCE_REQUESTED',
  'ASSISTANCE_ANSWERED',
  'ADVISORY_PUBLISHED',
]);

/**
 * Affected countries and recipients are arrays on the row, not join tables: every read checks
 * TLP visibility (`shared_with @> array[org]`) and most filter by country, and both stay one
 * GIN-indexed predicate on one table that way.
 */
export const incidents = incidentsSchema.table(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    category: incidentCategory('category').notNull(),
    severity: severity('severity').notNull(),
    status: incidentStatus('status').notNull().default('REPORTED'),
    tlp: tlp('tlp').notNull(),
    reportedByOrg: text('reported_by_org').notNull(),
    reportedBySub: text('reported_by_sub').notNull(),
    affectedCountries: char('affected_countries', { length: 2 }).array().notNull(),
    crossBorder: boolean('cross_border')
      .notNull()
      .generatedAlwaysAs(sql`cardinality(affected_countries) > 1`),
    sharedWith: text('shared_with')
      .array()
      .notNull()
      .default(sql`'{}'`),
    detectedAt: timestamp('detected_at', { withTimezone: true, mode: 'date' }),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // NULLS FIRST, as `order by … desc` sorts: an index built DESC NULLS LAST (drizzle's default for
    // `.desc()`) cannot hand rows out in that order, and every newest-first page became a full sort.
    index('incidents_reported_idx').on(t.reportedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('incidents_reporter_idx').on(
      t.reportedByOrg,
      t.reportedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('incidents_countries_idx').using('gin', t.affectedCountries),
    index('incidents_shared_with_idx').using('gin', t.sharedWith),
    index('incidents_severity_idx').on(
      t.severity,
      t.reportedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // For clients keeping a copy in sync (`incidentsUpdatedSince`, the TAXII collection).
    index('incidents_updated_idx').on(t.updatedAt, t.id),
  ],
);

export const incidentUpdates = incidentsSchema.table(
  'incident_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    authorOrg: text('author_org').notNull(),
    authorSub: text('author_sub').notNull(),
    body: text('body').notNull(),
    previousSeverity: severity('previous_severity'),
    severity: severity('severity'),
    previousStatus: incidentStatus('previous_status'),
    status: incidentStatus('status'),
    postedAt: timestamp('posted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('incident_updates_incident_idx').on(t.incidentId, t.postedAt.desc(), t.id.desc())],
);

export const assistanceRequests = incidentsSchema.table(
  'assistance_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    requestedByOrg: text('requested_by_org').notNull(),
    requestedOfOrg: text('requested_of_org').notNull(),
    kinds: assistanceKind('kinds').array().notNull(),
    description: text('description').notNull(),
    status: assistanceStatus('status').notNull().default('OPEN'),
    responseNote: text('response_note'),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    respondedAt: timestamp('responded_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('assistance_requests_incident_idx').on(t.incidentId, t.requestedAt),
    index('assistance_requests_of_idx').on(t.requestedOfOrg, t.status),
  ],
);

export const advisories = incidentsSchema.table(
  'advisories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    severity: severity('severity').notNull(),
    tlp: tlp('tlp').notNull(),
    publishedByOrg: text('published_by_org').notNull(),
    sharedWith: text('shared_with')
      .array()
      .notNull()
      .default(sql`'{}'`),
    cveIds: text('cve_ids')
      .array()
      .notNull()
      .default(sql`'{}'`),
    affectedProducts: text('affected_products')
      .array()
      .notNull()
      .default(sql`'{}'`),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Where an imported advisory came from (STIX, MISP); null when it was published here. */
    provenance: jsonb('provenance').$type<Provenance>(),
  },
  (t) => [
    index('advisories_published_idx').on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('advisories_shared_with_idx').using('gin', t.sharedWith),
  ],
);

/** An indicator belongs to exactly one incident or one advisory and inherits its visibility. */
export const indicators = incidentsSchema.table(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: indicatorType('type').notNull(),
    value: text('value').notNull(),
    description: text('description'),
    firstSeen: timestamp('first_seen', { withTimezone: true, mode: 'date' }),
    incidentId: uuid('incident_id').references(() => incidents.id),
    advisoryId: uuid('advisory_id').references(() => advisories.id),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** False when the source says not to alert on it (MISP's `to_ids` false, STIX observed-data). */
    forDetection: boolean('for_detection').notNull().default(true),
    /** Where an imported indicator came from; null when it was entered here. */
    provenance: jsonb('provenance').$type<Provenance>(),
  },
  (t) => [
    index('indicators_value_idx').on(t.value),
    index('indicators_incident_idx').on(t.incidentId),
    index('indicators_advisory_idx').on(t.advisoryId),
  ],
);

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
    incidentId: uuid('incident_id').references(() => incidents.id),
    advisoryId: uuid('advisory_id').references(() => advisories.id),
    type: incidentEventType('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Severity after the change, and before it, so subscribers can tell when one drops below their threshold. */
    severity: severity('severity').notNull(),
    previousSeverity: severity('previous_severity'),
    affectedCountries: char('affected_countries', { length: 2 }).array().notNull(),
    actorOrg: text('actor_org'),
    actorSub: text('actor_sub').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('incident_events_incident_idx').on(t.incidentId, t.id),
    check('incident_events_one_subject', sql`(incident_id is null) <> (advisory_id is null)`),
  ],
);

/**
 * Phishing intake: one row per normalised URL, however many detectors and members report it; each
 * report's verdict is a `phishing_verdicts` row. `incident_id` is the PHISHING incident raised
 * once a verdict reached the threshold; later verdicts update that incident.
 */
export const phishingReports = incidentsSchema.table(
  'phishing_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    url: text('url').notNull(),
    /** The URL's host: a domain, or an IPv4/IPv6 address. */
    host: text('host').notNull(),
    targetedCountries: char('targeted_countries', { length: 2 }).array().notNull(),
    firstObservedAt: timestamp('first_observed_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastObservedAt: timestamp('last_observed_at', { withTimezone: true, mode: 'date' }).notNull(),
    highestScore: doublePrecision('highest_score').notNull(),
    incidentId: uuid('incident_id').references(() => incidents.id),
    firstReportedAt: timestamp('first_reported_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    lastReportedAt: timestamp('last_reported_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    uniqueIndex('phishing_reports_url_idx').on(t.url),
    index('phishing_reports_last_reported_idx').on(t.lastReportedAt.desc(), t.id.desc()),
  ],
);

export const phishingVerdicts = incidentsSchema.table(
  'phishing_verdicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => phishingReports.id),
    /** The URL exactly as this report gave it, before normalisation. */
    reportedUrl: text('reported_url').notNull(),
    detector: text('detector').notNull(),
    score: doublePrecision('score').notNull(),
    label: text('label').notNull(),
    observedAt: timestamp('observed_at', { withTimezone: true, mode: 'date' }).notNull(),
    targetedCountries: char('targeted_countries', { length: 2 }).array().notNull(),
    reporterOrg: text('reporter_org').notNull(),
    reporterSub: text('reporter_sub').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('phishing_verdicts_report_idx').on(t.reportId, t.reportedAt, t.id)],
);

/** Who changed what in this subgraph (see audit.ts). */
export const auditLog = auditLogTable(incidentsSchema);

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
    id: uuid('id').primaryKey().defaultRandom(),
    organization: text('organization').notNull(),
    name: text('name').notNull(),
    channel: alertChannel('channel').notNull(),
    target: text('target').notNull(),
    signingSecret: text('signing_secret'),
    minSeverity: severity('min_severity').notNull(),
    countryCodes: char('country_codes', { length: 2 }).array().notNull(),
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
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
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
    id: uuid('id').primaryKey().defaultRandom(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => alertRules.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => incidentEvents.id),
    incidentId: uuid('incident_id').references(() => incidents.id),
    advisoryId: uuid('advisory_id').references(() => advisories.id),
    kind: alertKind('kind').notNull(),
    status: alertDeliveryStatus('status').notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
    /** When a PENDING or FAILED delivery is due; while one is being sent, when its lease ends. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }),
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
