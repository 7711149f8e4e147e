import { sql } from 'drizzle-orm';
import { index, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { advisories, incidents, incidentsSchema } from './incidents.ts';

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
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The organization that created it; its ORG_ADMINs (and the SECRETARIAT) change its members. */
    ownerOrg: text('owner_org').notNull(),
    createdBySub: text('created_by_sub').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
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
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.organizationId] }),
    // Visibility asks "which groups is this organization in" on every read.
    index('sharing_group_members_org_idx').on(t.organizationId, t.groupId),
  ],
);

/** Sharing groups an incident was shared with (by its reporting organization only). */
export const incidentSharingGroups = incidentsSchema.table(
  'incident_sharing_groups',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => sharingGroups.id),
    sharedAt: timestamp('shared_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.groupId] }),
    index('incident_sharing_groups_group_idx').on(t.groupId, t.incidentId),
  ],
);

/** Sharing groups an advisory was shared with (by its publishing organization only). */
export const advisorySharingGroups = incidentsSchema.table(
  'advisory_sharing_groups',
  {
    advisoryId: uuid('advisory_id')
      .notNull()
      .references(() => advisories.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => sharingGroups.id),
    sharedAt: timestamp('shared_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.advisoryId, t.groupId] }),
    index('advisory_sharing_groups_group_idx').on(t.groupId, t.advisoryId),
  ],
);
