import { sql } from 'drizzle-orm';
import { boolean, index, pgSchema, text, uuid } from 'drizzle-orm/pg-core';
import { countryCodes, instant, textList, uuidKey, version, writtenAt } from './columns.ts';
import { auditLogTable } from './audit.ts';

/*
 * The incidents subgraph's tables, part 1: the schema, its enums, incidents with their updates and
 * assistance requests, and the audit log. Advisories, indicators and phishing intake are in
 * incidents-intel.ts; the event outbox and alerts in incidents-events.ts; `incidents.ts` re-exports
 * all three (import from there: `@cadg/db/incidents`).
 */

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
  /** The source's tags and galaxy clusters that are not a TLP marking (MISP), when it has any. */
  labels?: string[];
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
    id: uuidKey(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    category: incidentCategory('category').notNull(),
    severity: severity('severity').notNull(),
    status: incidentStatus('status').notNull().default('REPORTED'),
    tlp: tlp('tlp').notNull(),
    reportedByOrg: text('reported_by_org').notNull(),
    reportedBySub: text('reported_by_sub').notNull(),
    affectedCountries: countryCodes('affected_countries'),
    crossBorder: boolean('cross_border')
      .notNull()
      .generatedAlwaysAs(sql`cardinality(affected_countries) > 1`),
    sharedWith: textList('shared_with'),
    detectedAt: instant('detected_at'),
    reportedAt: writtenAt('reported_at'),
    updatedAt: writtenAt('updated_at'),
    version: version(),
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

/** The `incident_id` of a row that belongs to one incident. */
export const incidentColumn = () =>
  uuid('incident_id')
    .notNull()
    .references(() => incidents.id);

export const incidentUpdates = incidentsSchema.table(
  'incident_updates',
  {
    id: uuidKey(),
    incidentId: incidentColumn(),
    authorOrg: text('author_org').notNull(),
    authorSub: text('author_sub').notNull(),
    body: text('body').notNull(),
    previousSeverity: severity('previous_severity'),
    severity: severity('severity'),
    previousStatus: incidentStatus('previous_status'),
    status: incidentStatus('status'),
    postedAt: writtenAt('posted_at'),
  },
  (t) => [index('incident_updates_incident_idx').on(t.incidentId, t.postedAt.desc(), t.id.desc())],
);

export const assistanceRequests = incidentsSchema.table(
  'assistance_requests',
  {
    id: uuidKey(),
    incidentId: incidentColumn(),
    requestedByOrg: text('requested_by_org').notNull(),
    requestedOfOrg: text('requested_of_org').notNull(),
    kinds: assistanceKind('kinds').array().notNull(),
    description: text('description').notNull(),
    status: assistanceStatus('status').notNull().default('OPEN'),
    responseNote: text('response_note'),
    requestedAt: writtenAt('requested_at'),
    respondedAt: instant('responded_at'),
  },
  (t) => [
    index('assistance_requests_incident_idx').on(t.incidentId, t.requestedAt),
    index('assistance_requests_of_idx').on(t.requestedOfOrg, t.status),
  ],
);

/** Who changed what in this subgraph (see audit.ts). */
export const auditLog = auditLogTable(incidentsSchema);
