import DataLoader from 'dataloader';
import { asc } from 'drizzle-orm';
import { manyByColumn, oneByColumn, valuesByColumn } from '@cadg/platform';
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
    thresholdsByCountry: new DataLoader<string, ThresholdRow[]>(
      manyByColumn(
        db,
        t.thresholds,
        'countryCode',
        asc(t.thresholds.effectiveFrom),
        asc(t.thresholds.dataCategory),
        asc(t.thresholds.minSubjects),
      ),
    ),
    regimesByCountry: new DataLoader<string, RegimeRow[]>(
      manyByColumn(
        db,
        t.transferRegimes,
        'countryCode',
        asc(t.transferRegimes.effectiveFrom),
        asc(t.transferRegimes.direction),
        asc(t.transferRegimes.id),
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
    countryCodesByPilot: new DataLoader<string, string[]>(
      valuesByColumn(db, t.pilotCountries, 'pilotId', 'countryCode'),
    ),
    organizationIdsByPilot: new DataLoader<string, string[]>(
      valuesByColumn(db, t.pilotOrganizations, 'pilotId', 'organizationId'),
    ),
    mechanismKindsByPilot: new DataLoader<string, MechanismKind[]>(
      valuesByColumn(db, t.pilotMechanisms, 'pilotId', 'mechanismKind'),
    ),
    milestonesByPilot: new DataLoader<string, MilestoneRow[]>(
      manyByColumn(db, t.pilotMilestones, 'pilotId', asc(t.pilotMilestones.dueOn), asc(t.pilotMilestones.id)),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
