import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import * as t from '../schema/aipolicy.ts';
import * as data from './aipolicy-data.ts';

/**
 * The seeded statements as rows: for each country, topic and forum the newest statement is current
 * and every older one is superseded by the next, so the index of one current position holds.
 */
export function withHistory(positions: readonly data.SeedPosition[], recordedAt: Date) {
  const rows = positions.map((p) => ({ ...p, id: randomUUID(), recordedBy: 'seed', recordedAt }));
  const byKey = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.countryCode}|${row.topicSlug}|${row.forumSlug ?? ''}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return [...byKey.values()].flatMap((history) => {
    const ordered = history.toSorted((a, b) => a.statedOn.localeCompare(b.statedOn));
    return ordered.map((row, index) => {
      const successor = ordered[index + 1];
      return successor ? { ...row, supersededAt: recordedAt, supersededById: successor.id } : row;
    });
  });
}

/** Seeds the aipolicy schema when it holds no countries yet; a no-op otherwise. */
export async function seedAipolicy(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two processes starting on an empty database must not both seed it.
    await tx.execute(sql`lock table ${t.countries} in exclusive mode`);
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(t.countries);
    if ((existing?.n ?? 0) > 0) return false;

    await tx.insert(t.countries).values(data.countryCodes.map((code) => ({ code })));
    await tx.insert(t.countryDelegates).values([...data.countryDelegates]);
    await tx.insert(t.topics).values([...data.topics]);
    await tx.insert(t.forums).values([...data.forums]);
    await tx.insert(t.policyPositions).values(withHistory(data.positions, new Date()));
    for (const { topicSlugs, ...instrument } of data.instruments) {
      await tx.insert(t.policyInstruments).values(instrument);
      if (topicSlugs.length > 0) {
        await tx
          .insert(t.instrumentTopics)
          .values(topicSlugs.map((topicSlug) => ({ instrumentId: instrument.id, topicSlug })));
      }
    }
    for (const { principles, ...framework } of data.frameworks) {
      await tx.insert(t.frameworks).values(framework);
      await tx.insert(t.principles).values(
        principles.map((principle, index) => ({
          id: data.principleId(framework.slug, index + 1),
          frameworkSlug: framework.slug,
          ordinal: index + 1,
          ...principle,
          statedOn: framework.adoptedOn,
          sourceTitle: framework.sourceTitle,
          sourceUrl: framework.sourceUrl,
        })),
      );
    }
    await tx.insert(t.principleMappings).values(
      data.mappings.map((m) => ({
        fromPrincipleId: data.principleId(...m.from),
        toPrincipleId: data.principleId(...m.to),
        relation: m.relation,
        note: m.note,
        createdBy: 'seed',
      })),
    );
    return true;
  });
}
