import { sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import * as t from '../schema/aipolicy.ts';
import * as data from './aipolicy-data.ts';

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
    await tx.insert(t.policyPositions).values(data.positions.map((p) => ({ ...p, recordedBy: 'seed' })));
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
