import { index, integer, jsonb, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, textList, uuidKey, uuidList, writtenAt } from './columns.ts';
import { incidentsSchema, tlp } from './incidents.ts';

/**
 * Imports of threat intelligence from other platforms (STIX 2.1 bundles, TAXII envelopes, MISP
 * events) into the incidents subgraph's advisories and indicators. Owned by the incidents subgraph.
 */

export const exchangeImportState = incidentsSchema.enum('exchange_import_state', [
  /** Objects are being uploaded in parts (TAXII envelopes larger than one GraphQL request). */
  'RECEIVING',
  /** Every part is in; waiting to be processed. */
  'QUEUED',
  'COMPLETE',
]);

/** One status detail of TAXII 2.1 §4.3.1: an object's id and version, and why when it failed. */
export interface ImportObjectStatus {
  id: string;
  version?: string;
  message?: string;
}

/** An object that was kept with the import but not turned into a record of ours. */
export interface NotMappedObject {
  id: string;
  type: string;
  code: string;
  reason: string;
}

/** What an import did, once complete. */
export interface ImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
  advisoryIds: string[];
  successes: ImportObjectStatus[];
  failures: ImportObjectStatus[];
  notMapped: NotMappedObject[];
}

/**
 * One import: who sent it, how, and (once complete) what it did. A TAXII envelope is also the
 * TAXII status resource of its write, so any replica can answer a status request.
 */
export const exchangeImports = incidentsSchema.table(
  'exchange_imports',
  {
    id: uuidKey(),
    ownerOrg: text('owner_org').notNull(),
    submittedBySub: text('submitted_by_sub').notNull(),
    /** The submitter's roles when it submitted, for an import processed later. */
    submittedByRoles: text('submitted_by_roles').array().notNull(),
    channel: text('channel').$type<'GRAPHQL' | 'TAXII' | 'MISP_FEED'>().notNull(),
    format: text('format').$type<'STIX_2_1' | 'MISP'>().notNull(),
    state: exchangeImportState('state').notNull(),
    /** The marking for objects that carry none; null means AMBER. */
    defaultTlp: tlp('default_tlp'),
    sharedWith: textList('shared_with'),
    /** Sharing groups the advisories it creates are shared with (checked when it was submitted). */
    sharedWithGroups: uuidList('shared_with_groups'),
    totalCount: integer('total_count').notNull(),
    outcome: jsonb('outcome').$type<ImportOutcome>(),
    requestedAt: writtenAt('requested_at'),
    completedAt: instant('completed_at'),
  },
  (t) => [index('exchange_imports_owner_idx').on(t.ownerOrg, t.requestedAt)],
);

/** The objects of an import that is not processed yet, in the parts they were uploaded in. */
export const exchangeImportParts = incidentsSchema.table(
  'exchange_import_parts',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => exchangeImports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    objects: jsonb('objects').$type<unknown[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/**
 * Every object an organization has imported, by the source's id: the idempotency key (same id and
 * version → nothing changes; a newer version → update) and what it became. Objects we do not map
 * are kept here whole (`object`), so nothing sent is lost.
 */
export const exchangeObjects = incidentsSchema.table(
  'exchange_objects',
  {
    id: uuidKey(),
    ownerOrg: text('owner_org').notNull(),
    externalId: text('external_id').notNull(),
    externalType: text('external_type').notNull(),
    /** STIX `modified` (or `created`); MISP `timestamp`. Null for objects without a version. */
    version: instant('version'),
    /** ADVISORY, INDICATORS, KEPT (unmapped, stored whole) or REFERENCE (markings, identities, observables). */
    kind: text('kind').$type<'ADVISORY' | 'INDICATORS' | 'KEPT' | 'REFERENCE'>().notNull(),
    /** The advisory or indicator rows it became. */
    recordIds: uuidList('record_ids'),
    tlp: tlp('tlp').notNull(),
    object: jsonb('object').$type<Record<string, unknown>>(),
    importId: uuid('import_id')
      .notNull()
      .references(() => exchangeImports.id),
    updatedAt: writtenAt('updated_at'),
  },
  (t) => [uniqueIndex('exchange_objects_owner_external_idx').on(t.ownerOrg, t.externalId)],
);
