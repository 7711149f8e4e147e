import { sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import * as t from '../schema/incidents.ts';
import * as data from './incidents-data.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const SEED_ACTOR = 'seed';

/**
 * Seeds the exercise incidents and advisories when the incidents schema is empty. Every change
 * gets its event, as if it had gone through the API, so subscribers and timelines see a
 * consistent history; events are written in time order, so their ids follow time.
 */
export async function seedIncidents(db: Db, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${t.incidents} in exclusive mode`);
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(t.incidents);
    if ((existing?.n ?? 0) > 0) return false;

    const ordered = [...data.incidents].sort((a, b) => b.daysAgo - a.daysAgo);
    for (const seed of ordered) {
      const reportedAt = new Date(now.getTime() - seed.daysAgo * DAY_MS);
      const [incident] = await tx
        .insert(t.incidents)
        .values({
          title: seed.title,
          summary: seed.summary,
          category: seed.category,
          severity: seed.severity,
          status: seed.status,
          tlp: seed.tlp,
          reportedByOrg: seed.reportedByOrg,
          reportedBySub: SEED_ACTOR,
          affectedCountries: seed.affectedCountries,
          sharedWith: seed.sharedWith,
          detectedAt: new Date(reportedAt.getTime() - 6 * HOUR_MS),
          reportedAt,
          updatedAt: new Date(reportedAt.getTime() + seed.path.length * HOUR_MS),
          version: 1 + seed.path.length,
        })
        .returning();
      if (!incident) throw new Error('insert returned no row');
      const event = (
        type: typeof t.incidentEvents.$inferInsert.type,
        at: Date,
        details: Record<string, unknown>,
      ) => ({
        incidentId: incident.id,
        type,
        occurredAt: at,
        severity: seed.severity,
        previousSeverity: null,
        affectedCountries: seed.affectedCountries,
        actorOrg: seed.reportedByOrg,
        actorSub: SEED_ACTOR,
        details,
      });
      await tx.insert(t.incidentEvents).values(event('REPORTED', reportedAt, {}));
      let previous: (typeof seed.path)[number] = 'REPORTED';
      for (const [index, status] of seed.path.entries()) {
        const at = new Date(reportedAt.getTime() + (index + 1) * HOUR_MS);
        await tx.insert(t.incidentUpdates).values({
          incidentId: incident.id,
          authorOrg: seed.reportedByOrg,
          authorSub: SEED_ACTOR,
          body: `Exercise: status changed from ${previous} to ${status}.`,
          previousStatus: previous,
          status,
          postedAt: at,
        });
        await tx.insert(t.incidentEvents).values(event('STATUS_CHANGED', at, { from: previous, to: status }));
        previous = status;
      }
      if (seed.indicators.length > 0) {
        await tx.insert(t.indicators).values(
          seed.indicators.map((indicator) => ({
            ...indicator,
            incidentId: incident.id,
            firstSeen: new Date(reportedAt.getTime() - DAY_MS),
          })),
        );
      }
      for (const request of seed.assistance ?? []) {
        await tx.insert(t.assistanceRequests).values({
          incidentId: incident.id,
          requestedByOrg: seed.reportedByOrg,
          requestedOfOrg: request.of,
          kinds: request.kinds,
          description: request.description,
          status: request.status,
          requestedAt: new Date(reportedAt.getTime() + 2 * HOUR_MS),
          respondedAt: request.status === 'OPEN' ? null : new Date(reportedAt.getTime() + 5 * HOUR_MS),
        });
      }
    }
    for (const seed of data.advisories) {
      const [advisory] = await tx
        .insert(t.advisories)
        .values({
          title: seed.title,
          body: `${seed.body}\n\nSource: ${seed.sourceUrl}`,
          severity: seed.severity,
          tlp: seed.tlp,
          publishedByOrg: seed.publishedByOrg,
          sharedWith: seed.sharedWith,
          cveIds: seed.cveIds,
          affectedProducts: seed.affectedProducts,
          publishedAt: new Date(now.getTime() - seed.daysAgo * DAY_MS),
        })
        .returning();
      if (!advisory) throw new Error('insert returned no row');
      if (seed.indicators.length > 0) {
        await tx
          .insert(t.indicators)
          .values(seed.indicators.map((indicator) => ({ ...indicator, advisoryId: advisory.id })));
      }
    }
    return true;
  });
}
