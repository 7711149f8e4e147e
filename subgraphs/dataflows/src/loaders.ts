import DataLoader from 'dataloader';
import { asc } from 'drizzle-orm';
import { loadersOnFirstUse, manyByColumn, oneByColumn, valuesByColumn } from '@cadg/platform';
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
 * One DataLoader per access path, created per request (on first use) so a cache never outlives the
 * caller it was filled for. Each turns N lookups in one tick into one statement.
 */
export const createLoaders = loadersOnFirstUse({
  policyByCountry: (db: Db) =>
    new DataLoader<string, PolicyRow | null>(oneByColumn(db, t.policies, 'countryCode')),
  lawsByCountry: (db: Db) =>
    new DataLoader<string, LawRow[]>(
      manyByColumn(db, t.laws, 'countryCode', asc(t.laws.year), asc(t.laws.id)),
    ),
  mechanismByKind: (db: Db) =>
    new DataLoader<MechanismKind, MechanismRow | null>(oneByColumn(db, t.mechanisms, 'kind')),
  recognitionsByCountry: (db: Db) =>
    new DataLoader<string, RecognitionRow[]>(
      manyByColumn(db, t.policyMechanisms, 'countryCode', asc(t.policyMechanisms.mechanismKind)),
    ),
  thresholdsByCountry: (db: Db) =>
    new DataLoader<string, ThresholdRow[]>(
      manyByColumn(
        db,
        t.thresholds,
        'countryCode',
        asc(t.thresholds.effectiveFrom),
        asc(t.thresholds.dataCategory),
        asc(t.thresholds.minSubjects),
      ),
    ),
  regimesByCountry: (db: Db) =>
    new DataLoader<string, RegimeRow[]>(
      manyByColumn(
        db,
        t.transferRegimes,
        'countryCode',
        asc(t.transferRegimes.effectiveFrom),
        asc(t.transferRegimes.direction),
        asc(t.transferRegimes.id),
      ),
    ),
  rulesByCountry: (db: Db) =>
    new DataLoader<string, TransferRuleRow[]>(
      manyByColumn(
        db,
        t.transferRules,
        'countryCode',
        asc(t.transferRules.effectiveFrom),
        asc(t.transferRules.id),
      ),
    ),
  pilotById: (db: Db) => new DataLoader<string, PilotRow | null>(oneByColumn(db, t.pilots, 'id')),
  countryCodesByPilot: (db: Db) =>
    new DataLoader<string, string[]>(valuesByColumn(db, t.pilotCountries, 'pilotId', 'countryCode')),
  organizationIdsByPilot: (db: Db) =>
    new DataLoader<string, string[]>(valuesByColumn(db, t.pilotOrganizations, 'pilotId', 'organizationId')),
  mechanismKindsByPilot: (db: Db) =>
    new DataLoader<string, MechanismKind[]>(
      valuesByColumn(db, t.pilotMechanisms, 'pilotId', 'mechanismKind'),
    ),
  milestonesByPilot: (db: Db) =>
    new DataLoader<string, MilestoneRow[]>(
      manyByColumn(db, t.pilotMilestones, 'pilotId', asc(t.pilotMilestones.dueOn), asc(t.pilotMilestones.id)),
    ),
});

export type Loaders = ReturnType<typeof createLoaders>;
