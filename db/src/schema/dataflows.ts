import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgSchema, primaryKey, text } from 'drizzle-orm/pg-core';
import { countryCode, day, textList, timestamps, uuidKey, linkKeys, version } from './columns.ts';
import { auditLogTable } from './audit.ts';

/**
 * Tables owned by the dataflows subgraph. No other subgraph may import this module, and this
 * module never refers to another subgraph's tables: country codes and organization ids are plain
 * values here, resolved through federation entities.
 */
export const dataflowsSchema = pgSchema('dataflows');

export const mechanismKind = dataflowsSchema.enum('mechanism_kind', [
  'ASEAN_MCC_C2P',
  'ASEAN_MCC_C2C',
  'CN_STANDARD_CONTRACT',
  'CN_CERTIFICATION',
  'CN_SECURITY_ASSESSMENT',
  'CONTRACTUAL_CLAUSES',
  'BINDING_CORPORATE_RULES',
  'APEC_CBPR',
  'APEC_PRP',
  'DATA_SUBJECT_CONSENT',
]);
export const dataCategory = dataflowsSchema.enum('data_category', ['PERSONAL', 'IMPORTANT', 'NON_PERSONAL']);
export const sensitivity = dataflowsSchema.enum('sensitivity', ['ANY', 'SENSITIVE', 'NON_SENSITIVE']);
export const transferDirection = dataflowsSchema.enum('transfer_direction', ['OUTBOUND', 'INBOUND']);
export const exporterProfile = dataflowsSchema.enum('exporter_profile', ['ANY', 'CIIO', 'NON_CIIO']);
export const thresholdOutcome = dataflowsSchema.enum('threshold_outcome', ['EXEMPT', 'ANY_OF_MECHANISMS']);
/**
 * Facts about one transfer that a law's thresholds may turn on besides volume and sensitivity
 * (China's 2024 Provisions Arts. 4–6, its 2022 Security Assessment Measures Art. 4(2)).
 */
export const transferCircumstance = dataflowsSchema.enum('transfer_circumstance', [
  'CONTRACT_WITH_INDIVIDUAL',
  'CROSS_BORDER_HR_MANAGEMENT',
  'EMERGENCY',
  'FREE_TRADE_ZONE_OFF_NEGATIVE_LIST',
  'FOREIGN_DATA_PASSING_THROUGH',
  'PROCESSES_ONE_MILLION_PEOPLE',
]);
export const comparisonSection = dataflowsSchema.enum('comparison_section', [
  'GENERAL',
  'CONTROLLER_TO_CONTROLLER',
  'CONTROLLER_TO_PROCESSOR',
]);
export const comparisonTopic = dataflowsSchema.enum('comparison_topic', [
  'FORM_AND_MODIFICATION',
  'GOVERNING_LAW',
  'DISPUTE_RESOLUTION',
  'FILING_REGISTRATION',
  'SUPERVISORY_AUTHORITY',
  'IMPACT_ASSESSMENT',
  'PURPOSE_LIMITATION',
  'SECURITY',
  'ONWARD_TRANSFER',
  'DATA_SUBJECT_RIGHTS',
  'BREACH_NOTIFICATION',
  'LIABILITY',
  'TERMINATION',
]);
export const clauseAlignment = dataflowsSchema.enum('clause_alignment', [
  'EQUIVALENT',
  'SIMILAR',
  'DIFFERENT',
  'ONLY_IN_A',
  'ONLY_IN_B',
]);
export const pilotStatus = dataflowsSchema.enum('pilot_status', [
  'PROPOSED',
  'APPROVED',
  'ACTIVE',
  'SUSPENDED',
  'CONCLUDED',
]);

/** One row per participating country; fields left null are unknown, not "none". */
export const policies = dataflowsSchema.table('policies', {
  countryCode: countryCode('country_code').primaryKey(),
  summary: text('summary').notNull(),
  /** An organization id owned by the contacts subgraph; null when the regulator is unknown. */
  regulatorOrganizationId: text('regulator_organization_id'),
  regulatorNote: text('regulator_note'),
  localisation: text('localisation'),
  filingObligations: text('filing_obligations'),
  unknowns: textList('unknowns'),
  lastReviewedOn: day('last_reviewed_on').notNull(),
  sourceUrl: text('source_url').notNull(),
  version: version(),
  ...timestamps(),
});

export const laws = dataflowsSchema.table(
  'laws',
  {
    id: text('id').primaryKey(),
    countryCode: countryCode('country_code').notNull(),
    name: text('name').notNull(),
    year: integer('year'),
    inForceOn: day('in_force_on'),
    summary: text('summary').notNull(),
    sourceUrl: text('source_url').notNull(),
  },
  (t) => [index('laws_country_idx').on(t.countryCode, t.year, t.id)],
);

export const mechanisms = dataflowsSchema.table('mechanisms', {
  kind: mechanismKind('kind').primaryKey(),
  title: text('title').notNull(),
  issuer: text('issuer').notNull(),
  adoptedOn: day('adopted_on'),
  inForceOn: day('in_force_on'),
  version: text('version'),
  summary: text('summary').notNull(),
  sourceUrl: text('source_url').notNull(),
});

/** The `country_code` of a row about one country's policy. */
const policyCountry = () =>
  countryCode('country_code')
    .notNull()
    .references(() => policies.countryCode);

/** When a threshold, rule or regime is in force, and where it is published. */
const inForce = () => ({
  effectiveFrom: day('effective_from').notNull(),
  /** Exclusive; null while still in force. */
  effectiveTo: day('effective_to'),
  sourceUrl: text('source_url').notNull(),
});

/** Which mechanisms a country's law recognises for sending data out, and on what basis. */
export const policyMechanisms = dataflowsSchema.table(
  'policy_mechanisms',
  {
    countryCode: policyCountry(),
    mechanismKind: mechanismKind('mechanism_kind')
      .notNull()
      .references(() => mechanisms.kind),
    basis: text('basis').notNull(),
    sourceUrl: text('source_url').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countryCode, t.mechanismKind] })],
);

/**
 * Dated volume thresholds for sending data out of a country: what a transfer of so many people's
 * data requires, from when until when. `transferRequirements` derives its answer from these rows;
 * there are no threshold constants in code.
 */
export const thresholds = dataflowsSchema.table(
  'thresholds',
  {
    id: text('id').primaryKey(),
    countryCode: policyCountry(),
    dataCategory: dataCategory('data_category').notNull(),
    /** Whether the row counts sensitive personal information, the rest, or both. */
    sensitivity: sensitivity('sensitivity').notNull().default('ANY'),
    exporterProfile: exporterProfile('exporter_profile').notNull().default('ANY'),
    /** Inclusive lower bound of the number of people; null = no lower bound. */
    minSubjects: integer('min_subjects'),
    /** Exclusive upper bound; null = no upper bound. */
    maxSubjects: integer('max_subjects'),
    countingPeriod: text('counting_period'),
    /** A circumstance the row depends on; null when it applies whatever the circumstances. */
    circumstance: transferCircumstance('circumstance'),
    /** With `circumstance`: true = applies when it holds, false = applies when it does not. */
    circumstanceHolds: boolean('circumstance_holds').notNull().default(true),
    outcome: thresholdOutcome('outcome').notNull(),
    mechanismKinds: mechanismKind('mechanism_kinds')
      .array()
      .notNull()
      .default(sql`'{}'`),
    summary: text('summary').notNull(),
    legalBasis: text('legal_basis').notNull(),
    ...inForce(),
  },
  (t) => [index('thresholds_country_idx').on(t.countryCode, t.dataCategory, t.effectiveFrom)],
);

/**
 * Transfer duties that apply whatever the volume (consent, notice, assessments, filings): OUTBOUND
 * rules bind data leaving the country, INBOUND rules data arriving. `whenMechanism` limits a rule to
 * transfers relying on that mechanism (e.g. filing a standard contract).
 */
export const transferRules = dataflowsSchema.table(
  'transfer_rules',
  {
    id: text('id').primaryKey(),
    countryCode: policyCountry(),
    direction: transferDirection('direction').notNull().default('OUTBOUND'),
    dataCategories: dataCategory('data_categories').array().notNull(),
    whenMechanism: mechanismKind('when_mechanism'),
    summary: text('summary').notNull(),
    legalBasis: text('legal_basis').notNull(),
    ...inForce(),
  },
  (t) => [index('transfer_rules_country_idx').on(t.countryCode, t.effectiveFrom)],
);

/**
 * What the registry holds: from `effectiveFrom` to `effectiveTo`, the recorded thresholds and rules
 * of this country for this direction and these kinds of data are its whole regime, except the
 * listed `gaps`. `transferRequirements` calls a side COMPLETE only on a day a regime covers and
 * says UNKNOWN on any other day, whatever rows exist; each gap becomes an unknown of the answer.
 */
export const transferRegimes = dataflowsSchema.table(
  'transfer_regimes',
  {
    id: text('id').primaryKey(),
    countryCode: policyCountry(),
    direction: transferDirection('direction').notNull(),
    dataCategories: dataCategory('data_categories').array().notNull(),
    name: text('name').notNull(),
    summary: text('summary').notNull(),
    legalBasis: text('legal_basis').notNull(),
    /** What the registry knows it does not hold for the period, in sentences. */
    gaps: textList('gaps'),
    ...inForce(),
  },
  (t) => [index('transfer_regimes_country_idx').on(t.countryCode, t.effectiveFrom)],
);

/** A clause-by-clause working comparison of two mechanisms (never an official joint guide). */
export const comparisons = dataflowsSchema.table(
  'comparisons',
  {
    id: text('id').primaryKey(),
    mechanismA: mechanismKind('mechanism_a')
      .notNull()
      .references(() => mechanisms.kind),
    mechanismB: mechanismKind('mechanism_b')
      .notNull()
      .references(() => mechanisms.kind),
    title: text('title').notNull(),
    disclaimer: text('disclaimer').notNull(),
    preparedOn: day('prepared_on').notNull(),
  },
  (t) => [index('comparisons_pair_idx').on(t.mechanismA, t.mechanismB)],
);

export const comparisonRows = dataflowsSchema.table(
  'comparison_rows',
  {
    id: text('id').primaryKey(),
    comparisonId: text('comparison_id')
      .notNull()
      .references(() => comparisons.id, { onDelete: 'cascade' }),
    section: comparisonSection('section').notNull(),
    position: integer('position').notNull(),
    topic: comparisonTopic('topic').notNull(),
    aClause: text('a_clause'),
    aSummary: text('a_summary').notNull(),
    aSourceUrl: text('a_source_url').notNull(),
    bClause: text('b_clause'),
    bSummary: text('b_summary').notNull(),
    bSourceUrl: text('b_source_url').notNull(),
    /** Why `a_clause` is null (the number was not verified in a text read); null when it is given. */
    aClauseUnknownReason: text('a_clause_unknown_reason'),
    /** Why `b_clause` is null; null when it is given. */
    bClauseUnknownReason: text('b_clause_unknown_reason'),
    alignment: clauseAlignment('alignment').notNull(),
    practicalNote: text('practical_note').notNull(),
  },
  (t) => [
    index('comparison_rows_order_idx').on(t.comparisonId, t.section, t.position),
    // Each side gives its clause reference or says why it is unknown, never both, never neither.
    check('comparison_rows_a_reference', sql`(${t.aClause} is null) <> (${t.aClauseUnknownReason} is null)`),
    check('comparison_rows_b_reference', sql`(${t.bClause} is null) <> (${t.bClauseUnknownReason} is null)`),
  ],
);

export const pilots = dataflowsSchema.table(
  'pilots',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    status: pilotStatus('status').notNull().default('PROPOSED'),
    sectors: textList('sectors'),
    dataCategories: dataCategory('data_categories')
      .array()
      .notNull()
      .default(sql`'{}'`),
    startsOn: day('starts_on'),
    endsOn: day('ends_on'),
    outcomes: text('outcomes'),
    sourceUrl: text('source_url'),
    proposedBy: text('proposed_by'),
    version: version(),
    ...timestamps(),
  },
  (t) => [index('pilots_name_idx').on(t.name, t.id), index('pilots_status_idx').on(t.status)],
);

/** The `pilot_id` of a row that belongs to one pilot and goes with it. */
const pilotColumn = () =>
  text('pilot_id')
    .notNull()
    .references(() => pilots.id, { onDelete: 'cascade' });

export const pilotCountries = dataflowsSchema.table(
  'pilot_countries',
  {
    pilotId: pilotColumn(),
    countryCode: policyCountry(),
  },
  (t) => linkKeys('pilot_countries_country_idx', t.pilotId, t.countryCode),
);

/** Participating organizations (ids owned by contacts); the source of pilot permissions. */
export const pilotOrganizations = dataflowsSchema.table(
  'pilot_organizations',
  {
    pilotId: pilotColumn(),
    organizationId: text('organization_id').notNull(),
  },
  (t) => linkKeys('pilot_organizations_org_idx', t.pilotId, t.organizationId),
);

export const pilotMechanisms = dataflowsSchema.table(
  'pilot_mechanisms',
  {
    pilotId: pilotColumn(),
    mechanismKind: mechanismKind('mechanism_kind')
      .notNull()
      .references(() => mechanisms.kind),
  },
  (t) => [primaryKey({ columns: [t.pilotId, t.mechanismKind] })],
);

export const pilotMilestones = dataflowsSchema.table(
  'pilot_milestones',
  {
    id: uuidKey(),
    pilotId: pilotColumn(),
    title: text('title').notNull(),
    dueOn: day('due_on').notNull(),
    doneOn: day('done_on'),
    note: text('note'),
    ...timestamps(),
  },
  (t) => [index('pilot_milestones_pilot_idx').on(t.pilotId, t.dueOn)],
);

/** Who changed what in this subgraph (see audit.ts). */
export const auditLog = auditLogTable(dataflowsSchema);
