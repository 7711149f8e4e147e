import { sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import * as t from '../schema/contacts.ts';
import * as n from '../schema/contacts-names.ts';
import * as data from './contacts-data.ts';
import * as names from './contacts-names-data.ts';

const DAY_MS = 86_400_000;

/** Seeds the contacts schema when it holds no countries yet; a no-op otherwise. */
export async function seedContacts(db: Db, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two processes starting on an empty database must not both seed it.
    await tx.execute(sql`lock table ${t.countries} in exclusive mode`);
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(t.countries);
    if ((existing?.n ?? 0) > 0) return false;

    await tx.insert(t.countries).values([...data.countries]);
    await tx.insert(t.organizations).values(
      data.organizations.map((org) => ({
        id: org.id,
        countryCode: org.countryCode,
        name: org.name,
        acronym: org.acronym,
        kind: org.kind,
        website: org.website,
        constituency: org.constituency,
        sourceUrl: org.sourceUrl,
      })),
    );
    await tx.insert(n.organizationNames).values([...names.organizationNames]);
    await tx.insert(n.aseanDialoguePartners).values([...names.aseanDialoguePartners]);
    for (const contact of data.contacts) {
      const checks = contact.verifications.map((v) => ({
        ...v,
        at: new Date(now.getTime() - v.daysAgo * DAY_MS),
      }));
      const confirmed = checks.filter((v) => v.outcome === 'CONFIRMED').map((v) => v.at.getTime());
      const [row] = await tx
        .insert(t.contacts)
        .values({
          organizationId: contact.organizationId,
          name: contact.name,
          title: contact.title,
          roles: contact.roles,
          email: contact.email,
          phone: contact.phone,
          available24x7: contact.available24x7,
          timezone: contact.timezone,
          pgpFingerprint: contact.pgpFingerprint,
          lastVerifiedAt: confirmed.length > 0 ? new Date(Math.max(...confirmed)) : null,
        })
        .returning({ id: t.contacts.id });
      if (!row || checks.length === 0) continue;
      await tx.insert(t.contactVerifications).values(
        checks.map((v) => ({
          contactId: row.id,
          verifiedAt: v.at,
          method: v.method,
          outcome: v.outcome,
          note: v.note,
          recordedBy: 'seed',
        })),
      );
    }
    for (const activity of data.activities) {
      await tx.insert(t.activities).values({
        id: activity.id,
        kind: activity.kind,
        title: activity.title,
        description: activity.description,
        startsOn: activity.startsOn,
        endsOn: activity.endsOn,
        hostOrganizationId: activity.hostOrganizationId,
        sourceUrl: activity.sourceUrl,
      });
      if (activity.participantOrganizationIds.length > 0) {
        await tx.insert(t.activityParticipants).values(
          activity.participantOrganizationIds.map((organizationId) => ({
            activityId: activity.id,
            organizationId,
          })),
        );
      }
      if (activity.countryCodes.length > 0) {
        await tx
          .insert(t.activityCountries)
          .values(activity.countryCodes.map((countryCode) => ({ activityId: activity.id, countryCode })));
      }
    }
    return true;
  });
}
