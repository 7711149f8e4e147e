import { boolean, doublePrecision, index, jsonb, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { countryCodes, instant, textList, uuidKey, writtenAt } from './columns.ts';
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
    id: uuidKey(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    severity: severity('severity').notNull(),
    tlp: tlp('tlp').notNull(),
    publishedByOrg: text('published_by_org').notNull(),
    sharedWith: textList('shared_with'),
    cveIds: textList('cve_ids'),
    affectedProducts: textList('affected_products'),
    publishedAt: writtenAt('published_at'),
    /** Where an imported advisory came from (STIX, MISP); null when it was published here. */
    provenance: jsonb('provenance').$type<Provenance>(),
  },
  (t) => [
    index('advisories_published_idx').on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('advisories_shared_with_idx').using('gin', t.sharedWith),
  ],
);

/** The incident or the advisory a row is about: `incident_id` and `advisory_id`, either null. */
export const subjectColumns = () => ({
  incidentId: uuid('incident_id').references(() => incidents.id),
  advisoryId: uuid('advisory_id').references(() => advisories.id),
});

/** An indicator belongs to exactly one incident or one advisory and inherits its visibility. */
export const indicators = incidentsSchema.table(
  'indicators',
  {
    id: uuidKey(),
    type: indicatorType('type').notNull(),
    value: text('value').notNull(),
    description: text('description'),
    firstSeen: instant('first_seen'),
    ...subjectColumns(),
    addedAt: writtenAt('added_at'),
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
    id: uuidKey(),
    url: text('url').notNull(),
    /** The URL's host: a domain, or an IPv4/IPv6 address. */
    host: text('host').notNull(),
    targetedCountries: countryCodes('targeted_countries'),
    firstObservedAt: instant('first_observed_at').notNull(),
    lastObservedAt: instant('last_observed_at').notNull(),
    highestScore: doublePrecision('highest_score').notNull(),
    incidentId: uuid('incident_id').references(() => incidents.id),
    firstReportedAt: writtenAt('first_reported_at'),
    lastReportedAt: writtenAt('last_reported_at'),
  },
  (t) => [
    uniqueIndex('phishing_reports_url_idx').on(t.url),
    index('phishing_reports_last_reported_idx').on(t.lastReportedAt.desc(), t.id.desc()),
  ],
);

export const phishingVerdicts = incidentsSchema.table(
  'phishing_verdicts',
  {
    id: uuidKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => phishingReports.id),
    /** The URL exactly as this report gave it, before normalisation. */
    reportedUrl: text('reported_url').notNull(),
    detector: text('detector').notNull(),
    score: doublePrecision('score').notNull(),
    label: text('label').notNull(),
    observedAt: instant('observed_at').notNull(),
    targetedCountries: countryCodes('targeted_countries'),
    reporterOrg: text('reporter_org').notNull(),
    reporterSub: text('reporter_sub').notNull(),
    reportedAt: writtenAt('reported_at'),
  },
  (t) => [index('phishing_verdicts_report_idx').on(t.reportId, t.reportedAt, t.id)],
);
