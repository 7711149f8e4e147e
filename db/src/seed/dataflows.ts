import { sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import * as t from '../schema/dataflows.ts';
import * as data from './dataflows-data.ts';

/** Seeds the dataflows schema when it holds no policies yet; a no-op otherwise. */
export async function seedDataflows(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two processes starting on an empty database must not both seed it.
    await tx.execute(sql`lock table ${t.policies} in exclusive mode`);
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(t.policies);
    if ((existing?.n ?? 0) > 0) return false;

    await tx.insert(t.mechanisms).values([...data.mechanisms]);
    await tx.insert(t.policies).values(data.policies.map((policy) => ({ ...policy })));
    await tx.insert(t.laws).values([...data.laws]);
    await tx.insert(t.policyMechanisms).values([...data.policyMechanisms]);
    await tx.insert(t.thresholds).values(data.thresholds.map((threshold) => ({ ...threshold })));
    await tx.insert(t.transferRules).values(data.transferRules.map((rule) => ({ ...rule })));
    await tx.insert(t.transferRegimes).values(data.regimes.map((regime) => ({ ...regime })));
    for (const { rows, ...comparison } of data.comparisons) {
      await tx.insert(t.comparisons).values(comparison);
      await tx.insert(t.comparisonRows).values(
        rows.map((row, index) => ({
          ...row,
          id: `${comparison.id}-${String(index + 1).padStart(2, '0')}`,
          comparisonId: comparison.id,
          position: index + 1,
        })),
      );
    }
    for (const { countryCodes, organizationIds, mechanismKinds, milestones, ...pilot } of data.pilots) {
      await tx.insert(t.pilots).values({ ...pilot, proposedBy: 'seed' });
      await tx
        .insert(t.pilotCountries)
        .values(countryCodes.map((countryCode) => ({ pilotId: pilot.id, countryCode })));
      await tx
        .insert(t.pilotOrganizations)
        .values(organizationIds.map((organizationId) => ({ pilotId: pilot.id, organizationId })));
      await tx
        .insert(t.pilotMechanisms)
        .values(mechanismKinds.map((mechanismKind) => ({ pilotId: pilot.id, mechanismKind })));
      await tx.insert(t.pilotMilestones).values(milestones.map((m) => ({ ...m, pilotId: pilot.id })));
    }
    return true;
  });
}
