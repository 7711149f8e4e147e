import DataLoader from 'dataloader';
import { asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { byKey, manyByColumn, oneByColumn, preparedPerDb, valuesByColumn } from '@cadg/platform';
import type { Db } from '@cadg/db';
import * as t from '@cadg/db/contacts';
import * as n from '@cadg/db/contacts-names';
import type {
  ActivityRow,
  ContactRow,
  CountryRow,
  DialoguePartnerRow,
  OrganizationNameRow,
  OrganizationRow,
  VerificationRow,
} from './rows.ts';

// The orders and selections below do not depend on the request, and `createLoaders` runs for every
// request: built once here, they are not rebuilt each time.
const ORGANIZATIONS_BY_NAME = [asc(t.organizations.name), asc(t.organizations.id)];
const CONTACTS_BY_NAME = [asc(t.contacts.name), asc(t.contacts.id)];
const VERIFICATIONS_NEWEST_FIRST = [desc(t.contactVerifications.verifiedAt), desc(t.contactVerifications.id)];
const ACTIVITIES_NEWEST_FIRST = [desc(t.activities.startsOn), desc(t.activities.id)];
const NAMES_BY_LANGUAGE = asc(n.organizationNames.language);
const ACTIVITY_WITH_PARTICIPANT = {
  activity: t.activities,
  participantId: t.activityParticipants.organizationId,
};
const PARTICIPANT_OF_ACTIVITY = eq(t.activityParticipants.activityId, t.activities.id);

/**
 * `select organization, country … where organization.id = any($ids)`: an organization is nearly
 * always asked for with its country (the dashboard's reporters), so both come in one statement.
 * Inner join: `organizations.country_code` is non-null and references `countries`. Built once per
 * database handle, so a batch skips drizzle's query building.
 */
const organizationsWithCountry = preparedPerDb((db: Db) =>
  db
    .select({ organization: t.organizations, country: t.countries })
    .from(t.organizations)
    .innerJoin(t.countries, eq(t.countries.code, t.organizations.countryCode))
    .where(sql`${t.organizations.id} = any(${sql.placeholder('ids')})`)
    .prepare('organizations_with_country_by_id'),
);

/**
 * `organizationsWithCountry` with each organization's contacts, in `contactsByOrganization`'s order
 * (one row per contact, or one with no contact): for a `_entities` call that asks for the
 * organizations' contacts, so they come in the same statement.
 */
const organizationsWithCountryAndContacts = preparedPerDb((db: Db) =>
  db
    .select({ organization: t.organizations, country: t.countries, contact: t.contacts })
    .from(t.organizations)
    .innerJoin(t.countries, eq(t.countries.code, t.organizations.countryCode))
    .leftJoin(t.contacts, eq(t.contacts.organizationId, t.organizations.id))
    .where(sql`${t.organizations.id} = any(${sql.placeholder('ids')})`)
    .orderBy(...CONTACTS_BY_NAME)
    .prepare('organizations_with_country_and_contacts_by_id'),
);

/**
 * The batch function of `organizationWithContacts`: `organizationById`'s, whose statement also
 * reads the organizations' contacts, primed into `contactsByOrganization` (an empty list for an
 * organization with none), so `Organization.contacts` runs no statement of its own. The
 * organizations are primed into `organizationById` too.
 */
function organizationsWithContacts(
  db: Db,
  organizationById: DataLoader<string, OrganizationRow | null>,
  countryByCode: DataLoader<string, CountryRow | null>,
  contactsByOrganization: DataLoader<string, ContactRow[]>,
) {
  return async (ids: readonly string[]): Promise<(OrganizationRow | null)[]> => {
    const rows = await organizationsWithCountryAndContacts(db).execute({ ids: [...ids] });
    const organizations = new Map<string, OrganizationRow>();
    const contacts = new Map<string, ContactRow[]>();
    for (const { organization, country, contact } of rows) {
      if (!organizations.has(organization.id)) {
        organizations.set(organization.id, organization);
        contacts.set(organization.id, []);
        organizationById.prime(organization.id, organization);
        countryByCode.prime(country.code, country);
      }
      if (contact) contacts.get(organization.id)!.push(contact);
    }
    for (const [id, list] of contacts) contactsByOrganization.prime(id, list);
    return ids.map((id) => organizations.get(id) ?? null);
  };
}

/**
 * The batch function of `organizationById`: one organization (or `null`) per id, in id order. The
 * countries read with them are primed into this request's `countryByCode`, so `Organization.country`
 * runs no statement of its own.
 */
function organizationsById(db: Db, countryByCode: DataLoader<string, CountryRow | null>) {
  return async (ids: readonly string[]): Promise<(OrganizationRow | null)[]> => {
    const rows = await organizationsWithCountry(db).execute({ ids: [...ids] });
    for (const { country } of rows) countryByCode.prime(country.code, country);
    return byKey(
      ids,
      rows.map((row) => row.organization),
      (organization) => organization.id,
    );
  };
}

/** The activities each organization hosts or takes part in, newest first. */
function activitiesByOrganization(db: Db) {
  return async (ids: readonly string[]): Promise<ActivityRow[][]> => {
    const list = [...ids];
    const rows = await db
      .select(ACTIVITY_WITH_PARTICIPANT)
      .from(t.activities)
      .leftJoin(t.activityParticipants, PARTICIPANT_OF_ACTIVITY)
      .where(
        or(
          inArray(t.activities.hostOrganizationId, list),
          inArray(t.activityParticipants.organizationId, list),
        ),
      )
      .orderBy(...ACTIVITIES_NEWEST_FIRST);
    // Keyed by activity id, because a host that also participates appears on two rows.
    const grouped = new Map<string, Map<string, ActivityRow>>(list.map((id) => [id, new Map()]));
    for (const { activity, participantId } of rows) {
      for (const organizationId of [activity.hostOrganizationId, participantId]) {
        if (organizationId) grouped.get(organizationId)?.set(activity.id, activity);
      }
    }
    return list.map((id) => [...(grouped.get(id)?.values() ?? [])]);
  };
}

/**
 * One DataLoader per access path, created per request so a cache never outlives the caller whose
 * permissions it was filled under. Each turns N lookups in one tick into one statement.
 */
export function createLoaders(db: Db) {
  const countryByCode = new DataLoader<string, CountryRow | null>(oneByColumn(db, t.countries, 'code'));
  const contactsByOrganization = new DataLoader<string, ContactRow[]>(
    manyByColumn(db, t.contacts, 'organizationId', ...CONTACTS_BY_NAME),
  );
  const organizationById = new DataLoader<string, OrganizationRow | null>(
    organizationsById(db, countryByCode),
  );
  return {
    countryByCode,
    organizationById,
    /** `organizationById` for a caller that will ask for the organizations' contacts next. */
    organizationWithContacts: new DataLoader<string, OrganizationRow | null>(
      organizationsWithContacts(db, organizationById, countryByCode, contactsByOrganization),
    ),
    organizationsByCountry: new DataLoader<string, OrganizationRow[]>(
      manyByColumn(db, t.organizations, 'countryCode', ...ORGANIZATIONS_BY_NAME),
    ),
    contactsByOrganization,
    verificationsByContact: new DataLoader<string, VerificationRow[]>(
      manyByColumn(db, t.contactVerifications, 'contactId', ...VERIFICATIONS_NEWEST_FIRST),
    ),
    activitiesByOrganization: new DataLoader<string, ActivityRow[]>(activitiesByOrganization(db)),
    participantIdsByActivity: new DataLoader<string, string[]>(
      valuesByColumn(db, t.activityParticipants, 'activityId', 'organizationId'),
    ),
    countryCodesByActivity: new DataLoader<string, string[]>(
      valuesByColumn(db, t.activityCountries, 'activityId', 'countryCode'),
    ),
    namesByOrganization: new DataLoader<string, OrganizationNameRow[]>(
      manyByColumn(db, n.organizationNames, 'organizationId', NAMES_BY_LANGUAGE),
    ),
    dialoguePartnerByCountry: new DataLoader<string, DialoguePartnerRow | null>(
      oneByColumn(db, n.aseanDialoguePartners, 'countryCode'),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
