import { sql } from 'drizzle-orm';
import { boolean, char, index, pgSchema, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { countryCode, day, instant, timestamps, uuidKey, version, linkKeys, writtenAt } from './columns.ts';
import { auditLogTable } from './audit.ts';

/** Tables owned by the contacts subgraph. No other subgraph may import this module. */
export const contactsSchema = pgSchema('contacts');

export const organizationKind = contactsSchema.enum('organization_kind', [
  'CERT',
  'CYBER_AGENCY',
  'DATA_PROTECTION_AUTHORITY',
  'MINISTRY',
  'REGULATOR',
  'RESEARCH_INSTITUTE',
  'COMPANY',
  'INDUSTRY_ASSOCIATION',
  'UNIVERSITY',
]);
export const contactRole = contactsSchema.enum('contact_role', [
  'INCIDENT_RESPONSE',
  'THREAT_SHARING',
  'DATA_FLOW_POLICY',
  'AI_POLICY',
  'DIPLOMATIC',
  'TECHNICAL',
]);
export const verificationMethod = contactsSchema.enum('verification_method', [
  'EMAIL_PING',
  'PHONE_CALL',
  'PGP_CHALLENGE',
  'IN_PERSON',
]);
export const verificationOutcome = contactsSchema.enum('verification_outcome', [
  'CONFIRMED',
  'NO_RESPONSE',
  'BOUNCED',
  'WRONG_CONTACT',
]);
export const activityKind = contactsSchema.enum('activity_kind', [
  'SEMINAR',
  'TRAINING',
  'JOINT_DRILL',
  'EXCHANGE',
]);

export const countries = contactsSchema.table('countries', {
  code: countryCode('code').primaryKey(),
  alpha3: char('alpha3', { length: 3 }).notNull().unique(),
  name: text('name').notNull(),
  nativeName: text('native_name'),
  aseanMemberSince: day('asean_member_since'),
  sourceUrl: text('source_url').notNull(),
});

export const organizations = contactsSchema.table(
  'organizations',
  {
    id: text('id').primaryKey(),
    countryCode: countryCode('country_code')
      .notNull()
      .references(() => countries.code),
    name: text('name').notNull(),
    acronym: text('acronym'),
    kind: organizationKind('kind').notNull(),
    website: text('website'),
    constituency: text('constituency'),
    sourceUrl: text('source_url'),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index('organizations_country_name_idx').on(t.countryCode, t.name, t.id),
    index('organizations_name_idx').on(t.name, t.id),
  ],
);

/** The `organization_id` of a row that names a registered organization. */
export const organizationColumn = () =>
  text('organization_id')
    .notNull()
    .references(() => organizations.id);

export const contacts = contactsSchema.table(
  'contacts',
  {
    id: uuidKey(),
    organizationId: organizationColumn(),
    name: text('name').notNull(),
    title: text('title'),
    roles: contactRole('roles')
      .array()
      .notNull()
      .default(sql`'{}'`),
    email: text('email').notNull(),
    phone: text('phone'),
    available24x7: boolean('available_24x7').notNull().default(false),
    timezone: text('timezone').notNull(),
    pgpFingerprint: char('pgp_fingerprint', { length: 40 }),
    /** Last CONFIRMED verification, kept in step with contact_verifications in the same transaction. */
    lastVerifiedAt: instant('last_verified_at'),
    ...timestamps(),
  },
  (t) => [
    index('contacts_organization_idx').on(t.organizationId, t.name, t.id),
    index('contacts_name_idx').on(t.name, t.id),
    index('contacts_roles_idx').using('gin', t.roles),
  ],
);

export const contactVerifications = contactsSchema.table(
  'contact_verifications',
  {
    id: uuidKey(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    verifiedAt: instant('verified_at').notNull(),
    method: verificationMethod('method').notNull(),
    outcome: verificationOutcome('outcome').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by'),
  },
  (t) => [index('contact_verifications_contact_idx').on(t.contactId, t.verifiedAt)],
);

/**
 * E-mail pings (issue #17): one row per verification link sent. Only the SHA-256 of the token is
 * kept, so the table cannot be used to confirm anything. A ping is open until it is answered, runs
 * out unanswered (recorded as a NO_RESPONSE verification), is replaced by a newer one, or could not
 * be sent; at most one is open per contact.
 */
export const verificationPings = contactsSchema.table(
  'verification_pings',
  {
    id: uuidKey(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    /** The address the link went to: whoever answers proves they read that mailbox. */
    sentTo: text('sent_to').notNull(),
    /** Who asked for it; null when the scheduled job sent it. */
    requestedBy: text('requested_by'),
    createdAt: writtenAt('created_at'),
    expiresAt: instant('expires_at').notNull(),
    sentAt: instant('sent_at'),
    sendError: text('send_error'),
    answeredAt: instant('answered_at'),
    closedAt: instant('closed_at'),
    /** The verification the ping ended in: CONFIRMED when answered, NO_RESPONSE when it ran out. */
    verificationId: uuid('verification_id').references(() => contactVerifications.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [
    uniqueIndex('verification_pings_open_idx')
      .on(t.contactId)
      .where(sql`closed_at is null`),
    index('verification_pings_contact_idx').on(t.contactId, t.createdAt),
  ],
);

export const activities = contactsSchema.table(
  'activities',
  {
    id: text('id').primaryKey(),
    kind: activityKind('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on'),
    hostOrganizationId: text('host_organization_id').references(() => organizations.id),
    sourceUrl: text('source_url'),
    /** Increases on every change (issue #22: updates by the host); `expectedVersion` guards them. */
    version: version(),
    ...timestamps(),
  },
  (t) => [index('activities_starts_on_idx').on(t.startsOn, t.id)],
);

/** The `activity_id` of a row that belongs to one activity and goes with it. */
export const activityColumn = () =>
  text('activity_id')
    .notNull()
    .references(() => activities.id, { onDelete: 'cascade' });

export const activityParticipants = contactsSchema.table(
  'activity_participants',
  {
    activityId: activityColumn(),
    organizationId: organizationColumn(),
  },
  (t) => linkKeys('activity_participants_org_idx', t.activityId, t.organizationId),
);

export const activityCountries = contactsSchema.table(
  'activity_countries',
  {
    activityId: activityColumn(),
    countryCode: countryCode('country_code')
      .notNull()
      .references(() => countries.code),
  },
  (t) => linkKeys('activity_countries_country_idx', t.activityId, t.countryCode),
);

/** Who changed what in this subgraph (see audit.ts). */
export const auditLog = auditLogTable(contactsSchema);
