import { sql } from 'drizzle-orm';
import { index, integer, pgSchema, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { countryCode, day, instant, uuidKey, linkKeys, writtenAt } from './columns.ts';
import { auditLogTable } from './audit.ts';

/**
 * Tables owned by the aipolicy subgraph. No other subgraph may import this module, and it never
 * references another schema: countries and organizations are federation entities owned by
 * contacts, so only their keys are stored here.
 */
export const aipolicySchema = pgSchema('aipolicy');

export const forumKind = aipolicySchema.enum('forum_kind', ['UN', 'REGIONAL', 'PLURILATERAL', 'OTHER']);
export const stance = aipolicySchema.enum('stance', [
  'SUPPORTS',
  'SUPPORTS_WITH_RESERVATIONS',
  'NEUTRAL',
  'OPPOSES',
  'NO_STATED_POSITION',
]);
export const instrumentKind = aipolicySchema.enum('instrument_kind', [
  'LAW',
  'REGULATION',
  'STRATEGY',
  'GUIDELINE',
  'STANDARD',
  'INITIATIVE',
]);
export const instrumentStatus = aipolicySchema.enum('instrument_status', [
  'DRAFT',
  'ANNOUNCED',
  'PUBLISHED',
  'ADOPTED',
  'IN_FORCE',
  'SUPERSEDED',
  'REPEALED',
]);
export const mappingRelation = aipolicySchema.enum('mapping_relation', ['EQUIVALENT', 'OVERLAPS', 'RELATED']);

/** The countries taking part in the mechanism, as aipolicy's own list (alignment covers exactly these). */
export const countries = aipolicySchema.table('countries', {
  code: countryCode('code').primaryKey(),
});

/**
 * Which registered organizations speak for a country on AI policy here: their ORG_ADMINs may record
 * that country's positions and instruments. A designation inside the mechanism, kept by aipolicy
 * because it may not read the contacts tables.
 */
export const countryDelegates = aipolicySchema.table(
  'country_delegates',
  {
    countryCode: countryCode('country_code')
      .notNull()
      .references(() => countries.code),
    organizationId: text('organization_id').notNull(),
  },
  (t) => linkKeys('country_delegates_organization_idx', t.countryCode, t.organizationId),
);

export const topics = aipolicySchema.table('topics', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
});

export const forums = aipolicySchema.table('forums', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  kind: forumKind('kind').notNull(),
  description: text('description').notNull(),
  website: text('website'),
});

export const policyPositions = aipolicySchema.table(
  'policy_positions',
  {
    id: uuidKey(),
    countryCode: countryCode('country_code')
      .notNull()
      .references(() => countries.code),
    topicSlug: text('topic_slug')
      .notNull()
      .references(() => topics.slug),
    /** Null: a statement not tied to one forum (a national document, a leader's speech). */
    forumSlug: text('forum_slug').references(() => forums.slug),
    stance: stance('stance').notNull(),
    summary: text('summary').notNull(),
    statedOn: day('stated_on').notNull(),
    sourceTitle: text('source_title').notNull(),
    sourceUrl: text('source_url').notNull(),
    recordedAt: writtenAt('recorded_at'),
    recordedBy: text('recorded_by').notNull(),
    /** Null while the position is current; set, with `supersededById`, in the transaction that records its successor. */
    supersededAt: instant('superseded_at'),
    supersededById: uuid('superseded_by_id'),
  },
  (t) => [
    // At most one current position per country, topic and forum ("no forum" counts as one forum).
    uniqueIndex('policy_positions_current_key')
      .on(t.countryCode, t.topicSlug, sql`coalesce(${t.forumSlug}, '')`)
      .where(sql`${t.supersededAt} is null`),
    // Alignment reads the current positions of one topic (and forum) for every country.
    index('policy_positions_current_topic_idx')
      .on(t.topicSlug, t.forumSlug, t.countryCode)
      .where(sql`${t.supersededAt} is null`),
    index('policy_positions_history_idx').on(t.countryCode, t.topicSlug, t.forumSlug, t.statedOn),
    index('policy_positions_stated_on_idx').on(t.statedOn, t.id),
  ],
);

export const policyInstruments = aipolicySchema.table(
  'policy_instruments',
  {
    id: text('id').primaryKey(),
    /** Null for regional or international instruments (an ASEAN guide, an ISO standard). */
    countryCode: countryCode('country_code').references(() => countries.code),
    title: text('title').notNull(),
    kind: instrumentKind('kind').notNull(),
    status: instrumentStatus('status').notNull(),
    /** Null where the exact day has not been confirmed. */
    adoptedOn: day('adopted_on'),
    /** An Organization entity owned by contacts; its existence is checked there, not here. */
    issuingOrganizationId: text('issuing_organization_id'),
    issuingBody: text('issuing_body'),
    summary: text('summary').notNull(),
    sourceTitle: text('source_title').notNull(),
    sourceUrl: text('source_url').notNull(),
    createdAt: writtenAt('created_at'),
  },
  (t) => [
    index('policy_instruments_adopted_idx').on(sql`coalesce(${t.adoptedOn}, '0001-01-01'::date)`, t.id),
    index('policy_instruments_country_idx').on(t.countryCode),
  ],
);

export const instrumentTopics = aipolicySchema.table(
  'instrument_topics',
  {
    instrumentId: text('instrument_id')
      .notNull()
      .references(() => policyInstruments.id, { onDelete: 'cascade' }),
    topicSlug: text('topic_slug')
      .notNull()
      .references(() => topics.slug),
  },
  (t) => linkKeys('instrument_topics_topic_idx', t.instrumentId, t.topicSlug),
);

export const frameworks = aipolicySchema.table('frameworks', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  publisher: text('publisher').notNull(),
  adoptedOn: day('adopted_on'),
  sourceTitle: text('source_title').notNull(),
  sourceUrl: text('source_url').notNull(),
});

export const principles = aipolicySchema.table(
  'principles',
  {
    id: text('id').primaryKey(),
    frameworkSlug: text('framework_slug')
      .notNull()
      .references(() => frameworks.slug),
    /** Order within the framework, as the framework lists them. */
    ordinal: integer('ordinal').notNull(),
    /** The framework's own reference, e.g. `A.7` or `1.4`, where it numbers them. */
    reference: text('reference'),
    name: text('name').notNull(),
    description: text('description').notNull(),
    statedOn: day('stated_on'),
    sourceTitle: text('source_title').notNull(),
    sourceUrl: text('source_url').notNull(),
  },
  (t) => [uniqueIndex('principles_framework_ordinal_key').on(t.frameworkSlug, t.ordinal)],
);

export const principleMappings = aipolicySchema.table(
  'principle_mappings',
  {
    id: uuidKey(),
    fromPrincipleId: text('from_principle_id')
      .notNull()
      .references(() => principles.id),
    toPrincipleId: text('to_principle_id')
      .notNull()
      .references(() => principles.id),
    relation: mappingRelation('relation').notNull(),
    note: text('note').notNull(),
    createdAt: writtenAt('created_at'),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    // A pair is mapped once, whichever way round it was entered.
    uniqueIndex('principle_mappings_pair_key').on(
      sql`least(${t.fromPrincipleId}, ${t.toPrincipleId})`,
      sql`greatest(${t.fromPrincipleId}, ${t.toPrincipleId})`,
    ),
    index('principle_mappings_to_idx').on(t.toPrincipleId),
  ],
);

/** Who changed what in this subgraph (see audit.ts). */
export const auditLog = auditLogTable(aipolicySchema);
