import { sql } from 'drizzle-orm';
import { index, primaryKey, text, uniqueIndex, uuid, type PgColumn } from 'drizzle-orm/pg-core';
import { uuidKey, writtenAt } from './columns.ts';
import { advisories, incidentColumn, incidentsSchema } from './incidents.ts';

/*
 * Sharing groups, as MISP has them: a named set of organizations ("CLMV CERTs", "ASEAN + CN") that
 * an originator can share an AMBER, AMBER_STRICT or RED record with instead of naming each
 * organization. Owned by the incidents subgraph, which enforces TLP: membership is read when a
 * record is read, inside the same SQL (subgraphs/incidents/src/visibility.ts), so an organization
 * removed from a group stops seeing what was shared with the group. Organization ids are
 * references to contacts' `Organization` entity, never joined to its tables.
 *
 * Join tables rather than an array column on incidents and advisories: a group is added to a
 * record by id, and the foreign keys keep a record from naming a group that does not exist.
 */

export const sharingGroups = incidentsSchema.table(
  'sharing_groups',
  {
    id: uuidKey(),
    name: text('name').notNull(),
    /** The organization that created it; its ORG_ADMINs (and the SECRETARIAT) change its members. */
    ownerOrg: text('owner_org').notNull(),
    createdBySub: text('created_by_sub').notNull(),
    createdAt: writtenAt('created_at'),
    updatedAt: writtenAt('updated_at'),
  },
  // One name per owner, compared case-insensitively ("CLMV CERTs" and "clmv certs" are one group).
  (t) => [uniqueIndex('sharing_groups_owner_name_idx').on(t.ownerOrg, sql`lower(${t.name})`)],
);

/** The organizations in a group now; records shared with the group are read by these. */
export const sharingGroupMembers = incidentsSchema.table(
  'sharing_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => sharingGroups.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id').notNull(),
    addedAt: writtenAt('added_at'),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.organizationId] }),
    // Visibility asks "which groups is this organization in" on every read.
    index('sharing_group_members_org_idx').on(t.organizationId, t.groupId),
  ],
);

/** The group a record was shared with, and when. */
const groupShare = () => ({
  groupId: uuid('group_id')
    .notNull()
    .references(() => sharingGroups.id),
  sharedAt: writtenAt('shared_at'),
});

/** A record is shared with a group once; `indexName` finds a group's records. */
const groupShareKeys = (indexName: string, record: PgColumn, group: PgColumn) => [
  primaryKey({ columns: [record, group] }),
  index(indexName).on(group, record),
];

/** Sharing groups an incident was shared with (by its reporting organization only). */
export const incidentSharingGroups = incidentsSchema.table(
  'incident_sharing_groups',
  {
    incidentId: incidentColumn(),
    ...groupShare(),
  },
  (t) => groupShareKeys('incident_sharing_groups_group_idx', t.incidentId, t.groupId),
);

/** Sharing groups an advisory was shared with (by its publishing organization only). */
export const advisorySharingGroups = incidentsSchema.table(
  'advisory_sharing_groups',
  {
    advisoryId: uuid('advisory_id')
      .notNull()
      .references(() => advisories.id),
    ...groupShare(),
  },
  (t) => groupShareKeys('advisory_sharing_groups_group_idx', t.advisoryId, t.groupId),
);
