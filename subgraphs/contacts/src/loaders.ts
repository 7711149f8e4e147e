import DataLoader from 'dataloader';
import { asc, desc, eq, inArray, or } from 'drizzle-orm';
import { manyByColumn, oneByColumn, valuesByColumn } from '@cadg/platform';
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

/**
 * One DataLoader per access path, created per request so a cache never outlives the caller whose
 * permissions it was filled under. Each turns N lookups in one tick into one statement.
 */
export function createLoaders(db: Db) {
  return {
    countryByCode: new DataLoader<string, CountryRow | null>(oneByColumn(db, t.countries, 'code')),
    organizationById: new DataLoader<string, OrganizationRow | null>(oneByColumn(db, t.organizations, 'id')),
    organizationsByCountry: new DataLoader<string, OrganizationRow[]>(
      manyByColumn(db, t.organizations, 'countryCode', asc(t.organizations.name), asc(t.organizations.id)),
    ),
    contactsByOrganization: new DataLoader<string, ContactRow[]>(
      manyByColumn(db, t.contacts, 'organizationId', asc(t.contacts.name), asc(t.contacts.id)),
    ),
    verificationsByContact: new DataLoader<string, VerificationRow[]>(
      manyByColumn(
        db,
        t.contactVerifications,
        'contactId',
        desc(t.contactVerifications.verifiedAt),
        desc(t.contactVerifications.id),
      ),
    ),
    activitiesByOrganization: new DataLoader<string, ActivityRow[]>(async (ids) => {
      const list = [...ids];
      const rows = await db
        .select({ activity: t.activities, participantId: t.activityParticipants.organizationId })
        .from(t.activities)
        .leftJoin(t.activityParticipants, eq(t.activityParticipants.activityId, t.activities.id))
        .where(
          or(
            inArray(t.activities.hostOrganizationId, list),
            inArray(t.activityParticipants.organizationId, list),
          ),
        )
        .orderBy(desc(t.activities.startsOn), desc(t.activities.id));
      // Keyed by activity id, because a host that also participates appears on two rows.
      const grouped = new Map<string, Map<string, ActivityRow>>(list.map((id) => [id, new Map()]));
      for (const { activity, participantId } of rows) {
        for (const organizationId of [activity.hostOrganizationId, participantId]) {
          if (organizationId) grouped.get(organizationId)?.set(activity.id, activity);
        }
      }
      return list.map((id) => [...(grouped.get(id)?.values() ?? [])]);
    }),
    participantIdsByActivity: new DataLoader<string, string[]>(
      valuesByColumn(db, t.activityParticipants, 'activityId', 'organizationId'),
    ),
    countryCodesByActivity: new DataLoader<string, string[]>(
      valuesByColumn(db, t.activityCountries, 'activityId', 'countryCode'),
    ),
    namesByOrganization: new DataLoader<string, OrganizationNameRow[]>(
      manyByColumn(db, n.organizationNames, 'organizationId', asc(n.organizationNames.language)),
    ),
    dialoguePartnerByCountry: new DataLoader<string, DialoguePartnerRow | null>(
      oneByColumn(db, n.aseanDialoguePartners, 'countryCode'),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
