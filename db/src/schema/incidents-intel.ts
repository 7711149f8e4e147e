import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  doublePrecision,
  index,
  jsonb,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  incidents,
  incidentsSchema,
  indicatorType,
  severity,
  tlp,
  type Provenance,
} from './incidents-core.ts';

/* The incidents subgraph's tables, part 2: advisories, indicators and phishing intake (see incidents-core.ts). */

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
