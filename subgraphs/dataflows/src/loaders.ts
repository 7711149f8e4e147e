import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import { groupBy, manyByColumn, oneByColumn } from '@cadg/platform';
import type { Db } from '@cadg/db';
import * as t from '@cadg/db/dataflows';
import type {
  LawRow,
  MechanismKind,
  MechanismRow,
  MilestoneRow,
  PilotRow,
  PolicyRow,
  RecognitionRow,
  RegimeRow,
  ThresholdRow,
  TransferRuleRow,
} from './rows.ts';

/**
 * One DataLoader per access path, created per request so a cache never outlives the caller it was
 * filled for. Each turns N lookups in one tick into one statement.
 */
export function createLoaders(db: Db) {
  return {
    policyByCountry: new DataLoader<string, PolicyRow | null>(oneByColumn(db, t.policies, 'countryCode')),
    lawsByCountry: new DataLoader<string, LawRow[]>(
      manyByColumn(db, t.laws, 'countryCode', asc(t.laws.year), asc(t.laws.id)),
    ),
    mechanismByKind: new DataLoader<MechanismKind, MechanismRow | null>(
      oneByColumn(db, t.mechanisms, 'kind'),
    ),
    recognitionsByCountry: new DataLoader<string, RecognitionRow[]>(
      manyByColumn(db, t.policyMechanisms, 'countryCode', asc(t.policyMechanisms.mechanismKind)),
    ),
    thresholdsByCountry: new DataLoader<string, ThresholdRow[]>(async (codes) =>
      groupBy(
        codes,
        await db
          .select()
          .from(t.thresholds)
          .where(inArray(t.thresholds.countryCode, [...codes]))
          .orderBy(
            asc(t.thresholds.effectiveFrom),
            asc(t.thresholds.dataCategory),
            asc(t.thresholds.minSubjects),
          ),
        (r) => r.countryCode,
      ),
    ),
    regimesByCountry: new DataLoader<string, RegimeRow[]>(async (codes) =>
      groupBy(
        codes,
        await db
          .select()
          .from(t.transferRegimes)
          .where(inArray(t.transferRegimes.countryCode, [...codes]))
          .orderBy(
            asc(t.transferRegimes.effectiveFrom),
            asc(t.transferRegimes.direction),
            asc(t.transferRegimes.id),
          ),
        (r) => r.countryCode,
      ),
    ),
    rulesByCountry: new DataLoader<string, TransferRuleRow[]>(
      manyByColumn(
        db,
        t.transferRules,
        'countryCode',
        asc(t.transferRules.effectiveFrom),
        asc(t.transferRules.id),
      ),
    ),
    pilotById: new DataLoader<string, PilotRow | null>(oneByColumn(db, t.pilots, 'id')),
    countryCodesByPilot: new DataLoader<string, string[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(t.pilotCountries)
          .where(inArray(t.pilotCountries.pilotId, [...ids]))
          .orderBy(asc(t.pilotCountries.countryCode)),
        (r) => r.pilotId,
      ).map((rows) => rows.map((r) => r.countryCode)),
    ),
    organizationIdsByPilot: new DataLoader<string, string[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(t.pilotOrganizations)
          .where(inArray(t.pilotOrganizations.pilotId, [...ids]))
          .orderBy(asc(t.pilotOrganizations.organizationId)),
        (r) => r.pilotId,
      ).map((rows) => rows.map((r) => r.organizationId)),
    ),
    mechanismKindsByPilot: new DataLoader<string, MechanismKind[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(t.pilotMechanisms)
          .where(inArray(t.pilotMechanisms.pilotId, [...ids]))
          .orderBy(asc(t.pilotMechanisms.mechanismKind)),
        (r) => r.pilotId,
      ).map((rows) => rows.map((r) => r.mechanismKind)),
    ),
    milestonesByPilot: new DataLoader<string, MilestoneRow[]>(
      manyByColumn(db, t.pilotMilestones, 'pilotId', asc(t.pilotMilestones.dueOn), asc(t.pilotMilestones.id)),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
