import { and, eq, or } from 'drizzle-orm';
import { badUserInput } from '@cadg/platform';
import type { Db } from '@cadg/db';
import * as t from '@cadg/db/dataflows';
import { noComparisonDisclaimer, orientRows, type OrientedRow } from './comparison.ts';
import type { Loaders } from './loaders.ts';
import {
  deriveRequirements,
  type CountryData,
  type Requirements,
  type TransferQuestion,
} from './requirements.ts';
import type { Circumstance, ComparisonModule, DataCategory, MechanismKind } from './rows.ts';
import * as valid from './validation.ts';

export interface TransferRequirementsArgs {
  from: string;
  to: string;
  dataCategory?: DataCategory | null;
  subjects?: number | null;
  sensitive?: boolean | null;
  criticalInfrastructureOperator?: boolean | null;
  circumstances?: Circumstance[] | null;
  asOf?: string | null;
}

async function countryData(loaders: Loaders, code: string): Promise<CountryData> {
  const [policy, regimes, thresholds, rules] = await Promise.all([
    loaders.policyByCountry.load(code),
    loaders.regimesByCountry.load(code),
    loaders.thresholdsByCountry.load(code),
    loaders.rulesByCountry.load(code),
  ]);
  return { policyRecorded: policy !== null, regimes, thresholds, rules };
}

/** Validates the question, loads both countries' recorded data and derives the answer from it. */
export async function transferRequirements(
  loaders: Loaders,
  args: TransferRequirementsArgs,
): Promise<TransferQuestion & Requirements> {
  const from = valid.countryCode('from', args.from);
  const to = valid.countryCode('to', args.to);
  if (from === to) throw badUserInput('to', 'A cross-border transfer needs two different countries.');
  if (args.subjects !== undefined && args.subjects !== null && args.subjects < 0) {
    throw badUserInput('subjects', 'subjects cannot be negative.');
  }
  const question: TransferQuestion = {
    from,
    to,
    dataCategory: args.dataCategory ?? 'PERSONAL',
    subjects: args.subjects ?? null,
    // Sensitivity only means something for personal information.
    sensitive: args.sensitive ?? null,
    criticalInfrastructureOperator: args.criticalInfrastructureOperator ?? null,
    circumstances: args.circumstances ? [...new Set(args.circumstances)] : null,
    asOf: args.asOf ?? valid.today(),
  };
  const [origin, destination] = await Promise.all([countryData(loaders, from), countryData(loaders, to)]);
  return { ...question, ...deriveRequirements(question, origin, destination) };
}

export interface MechanismComparisonResult {
  a: MechanismKind;
  b: MechanismKind;
  module: ComparisonModule | null;
  available: boolean;
  title: string | null;
  disclaimer: string;
  preparedOn: string | null;
  rows: OrientedRow[];
}

/** The recorded working comparison of a pair, in either order; says so when there is none. */
export async function mechanismComparison(
  db: Db,
  a: MechanismKind,
  b: MechanismKind,
  module: ComparisonModule | null,
): Promise<MechanismComparisonResult> {
  if (a === b) throw badUserInput('b', 'Compare two different mechanisms.');
  const [comparison] = await db
    .select()
    .from(t.comparisons)
    .where(
      or(
        and(eq(t.comparisons.mechanismA, a), eq(t.comparisons.mechanismB, b)),
        and(eq(t.comparisons.mechanismA, b), eq(t.comparisons.mechanismB, a)),
      ),
    )
    .limit(1);
  if (!comparison) {
    return {
      a,
      b,
      module,
      available: false,
      title: null,
      disclaimer: noComparisonDisclaimer(a, b),
      preparedOn: null,
      rows: [],
    };
  }
  const rows = await db
    .select()
    .from(t.comparisonRows)
    .where(eq(t.comparisonRows.comparisonId, comparison.id));
  return {
    a,
    b,
    module,
    available: true,
    title: comparison.title,
    disclaimer: comparison.disclaimer,
    preparedOn: comparison.preparedOn,
    rows: orientRows(rows, { a: comparison.mechanismA, b: comparison.mechanismB }, a, module),
  };
}
