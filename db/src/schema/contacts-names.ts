import { sql } from 'drizzle-orm';
import { check, integer, primaryKey, text } from 'drizzle-orm/pg-core';
import { countryCode, day } from './columns.ts';
import { contactsSchema, countries, organizations } from './contacts.ts';

/**
 * Names and relations the contacts subgraph publishes beside its countries and organizations
 * (issue #22): an organization's name in Chinese or in its country's national language, and a
 * country's standing as an ASEAN dialogue partner. Kept apart from `contacts.ts` so that these
 * facts, each with its own source, do not widen the core tables.
 */

/** An organization's name in one language, as a cited page publishes it. One row per language. */
export const organizationNames = contactsSchema.table(
  'organization_names',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** BCP 47 tag: `zh-Hans`, `id`, `ms`, `th`, `vi`, `pt`… */
    language: text('language').notNull(),
    name: text('name').notNull(),
    sourceUrl: text('source_url').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.language] }),
    check('organization_names_language_tag', sql`${t.language} ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'`),
  ],
);

/** A country's dialogue relations with ASEAN (members are not listed; see `countries.asean_member_since`). */
export const aseanDialoguePartners = contactsSchema.table(
  'asean_dialogue_partners',
  {
    countryCode: countryCode('country_code')
      .primaryKey()
      .references(() => countries.code),
    /** Year dialogue relations began (the sources give the year and month, not the day). */
    relationsSince: integer('relations_since').notNull(),
    /** Year full dialogue partner status was accorded; null where not recorded. */
    fullDialoguePartnerSince: integer('full_dialogue_partner_since'),
    sourceUrl: text('source_url').notNull(),
    /** The current level of the partnership, e.g. `Comprehensive Strategic Partnership`. */
    partnershipLevel: text('partnership_level').notNull(),
    partnershipAgreedOn: day('partnership_agreed_on').notNull(),
    partnershipSourceUrl: text('partnership_source_url').notNull(),
  },
  (t) => [
    check('asean_dialogue_partners_years', sql`${t.relationsSince} between 1967 and 2100`),
    check(
      'asean_dialogue_partners_full_after_start',
      sql`${t.fullDialoguePartnerSince} is null or ${t.fullDialoguePartnerSince} >= ${t.relationsSince}`,
    ),
  ],
);
