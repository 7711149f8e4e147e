import type * as t from '@cadg/db/dataflows';
import type { OrientedRow } from './comparison.ts';
import type { Requirements, TransferQuestion } from './requirements.ts';

export type PolicyRow = typeof t.policies.$inferSelect;
export type LawRow = typeof t.laws.$inferSelect;
export type MechanismRow = typeof t.mechanisms.$inferSelect;
export type RecognitionRow = typeof t.policyMechanisms.$inferSelect;
export type ThresholdRow = typeof t.thresholds.$inferSelect;
export type TransferRuleRow = typeof t.transferRules.$inferSelect;
export type RegimeRow = typeof t.transferRegimes.$inferSelect;
export type ComparisonRow = typeof t.comparisons.$inferSelect;
export type ComparisonRowRow = typeof t.comparisonRows.$inferSelect;
export type PilotRow = typeof t.pilots.$inferSelect;
export type MilestoneRow = typeof t.pilotMilestones.$inferSelect;
export type MechanismKind = MechanismRow['kind'];
export type DataCategory = ThresholdRow['dataCategory'];
export type Circumstance = NonNullable<ThresholdRow['circumstance']>;
export type PilotStatus = PilotRow['status'];
export type ComparisonModule = ComparisonRowRow['section'];
export type Alignment = ComparisonRowRow['alignment'];

/** A Country entity as this subgraph knows it: its key only (contacts owns the rest). */
export interface CountryRef {
  code: string;
}

/** An Organization entity as this subgraph knows it: its key only (contacts owns the rest). */
export interface OrganizationRef {
  id: string;
}

/** The parent of `TransferRequirements`: the question asked and the requirements derived for it. */
export type RequirementsAnswer = TransferQuestion & Requirements;

/** The parent of `ComparedClause`: one side of a compared row. */
export type OrientedClause = OrientedRow['a'];
