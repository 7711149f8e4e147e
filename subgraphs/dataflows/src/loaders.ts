import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import { byKey, groupBy } from '@cadg/platform';
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
    policyByCountry: new DataLoader<string, PolicyRow | null>(async (codes) =>
      byKey(
        codes,
        await db
          .select()
          .from(t.policies)
          .where(inArray(t.policies.countryCode, [...codes])),
        (r) => r.countryCode,
      ),
    ),
    lawsByCountry: new DataLoader<string, LawRow[]>(async (codes) =>
      groupBy(
        codes,
        await db
          .select()
          .from(t.laws)
          .where(inArray(t.laws.countryCode, [...codes]))
          .orderBy(asc(t.laws.year), asc(t.laws.id)),
        (r) => r.countryCode,
      ),
    ),
    mechanismByKind: new DataLoader<MechanismKind, MechanismRow | null>(async (kinds) =>
      byKey(
        kinds,
        await db
          .select()
          .from(t.mechanisms)
          .where(inArray(t.mechanisms.kind, [...kinds])),
        (r) => r.kind,
      ),
    ),
    recognitionsByCountry: new DataLoader<string, RecognitionRow[]>(async (codes) =>
      groupBy(
        codes,
        await db
          .select()
          .from(t.policyMechanisms)
          .where(inArray(t.policyMechanisms.countryCode, [...codes]))
          .orderBy(asc(t.policyMechanisms.mechanismKind)),
        (r) => r.countryCode,
      ),
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
    rulesByCountry: new DataLoader<string, TransferRuleRow[]>(async (codes) =>
      groupBy(
        codes,
        await db
          .select()
          .from(t.transferRules)
          .where(inArray(t.transferRules.countryCode, [...codes]))
          .orderBy(asc(t.transferRules.effectiveFrom), asc(t.transferRules.id)),
        (r) => r.countryCode,
      ),
    ),
    pilotById: new DataLoader<string, PilotRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(t.pilots)
          .where(inArray(t.pilots.id, [...ids])),
        (r) => r.id,
      ),
    ),
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
    milestonesByPilot: new DataLoader<string, MilestoneRow[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(t.pilotMilestones)
          .where(inArray(t.pilotMilestones.pilotId, [...ids]))
          .orderBy(asc(t.pilotMilestones.dueOn), asc(t.pilotMilestones.id)),
        (r) => r.pilotId,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
