import type { Alignment, ComparisonModule, ComparisonRowRow, MechanismKind } from './rows.ts';

/** One side of a compared clause: a reference, or the reason there is none. */
export interface ClauseSide {
  mechanism: MechanismKind;
  reference: string | null;
  referenceUnknownReason: string | null;
  summary: string;
  sourceUrl: string;
}

/** One compared clause row, oriented so that `a` is the mechanism the client asked for first. */
export interface OrientedRow {
  id: string;
  module: ComparisonModule;
  topic: ComparisonRowRow['topic'];
  a: ClauseSide;
  b: ClauseSide;
  alignment: Alignment;
  practicalNote: string;
}

const MODULE_ORDER: readonly ComparisonModule[] = [
  'GENERAL',
  'CONTROLLER_TO_CONTROLLER',
  'CONTROLLER_TO_PROCESSOR',
];

const mirrored: Readonly<Record<Alignment, Alignment>> = {
  EQUIVALENT: 'EQUIVALENT',
  SIMILAR: 'SIMILAR',
  DIFFERENT: 'DIFFERENT',
  ONLY_IN_A: 'ONLY_IN_B',
  ONLY_IN_B: 'ONLY_IN_A',
};

/**
 * Rows are stored once per pair; asked the other way round, the sides swap and a one-sided
 * alignment flips with them. Rows come back grouped by module (general first), then in order,
 * keeping only `module` when one is asked for.
 */
export function orientRows(
  rows: readonly ComparisonRowRow[],
  stored: { a: MechanismKind; b: MechanismKind },
  askedA: MechanismKind,
  module: ComparisonModule | null,
): OrientedRow[] {
  const swap = askedA !== stored.a;
  return rows
    .filter((row) => module === null || row.section === module)
    .toSorted(
      (x, y) => MODULE_ORDER.indexOf(x.section) - MODULE_ORDER.indexOf(y.section) || x.position - y.position,
    )
    .map((row) => {
      const sideA = {
        mechanism: stored.a,
        reference: row.aClause,
        referenceUnknownReason: row.aClauseUnknownReason,
        summary: row.aSummary,
        sourceUrl: row.aSourceUrl,
      };
      const sideB = {
        mechanism: stored.b,
        reference: row.bClause,
        referenceUnknownReason: row.bClauseUnknownReason,
        summary: row.bSummary,
        sourceUrl: row.bSourceUrl,
      };
      return {
        id: row.id,
        module: row.section,
        topic: row.topic,
        a: swap ? sideB : sideA,
        b: swap ? sideA : sideB,
        alignment: swap ? mirrored[row.alignment] : row.alignment,
        practicalNote: row.practicalNote,
      };
    });
}

/** Said instead of rows when no comparison of the pair is recorded. */
export const noComparisonDisclaimer = (a: MechanismKind, b: MechanismKind): string =>
  `No working comparison of ${a} and ${b} is recorded in this registry; nothing is implied about how they compare.`;
