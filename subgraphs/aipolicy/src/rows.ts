import type * as t from '@cadg/db/aipolicy';

export type CountryRow = typeof t.countries.$inferSelect;
export type TopicRow = typeof t.topics.$inferSelect;
export type ForumRow = typeof t.forums.$inferSelect;
export type PositionRow = typeof t.policyPositions.$inferSelect;
export type InstrumentRow = typeof t.policyInstruments.$inferSelect;
export type FrameworkRow = typeof t.frameworks.$inferSelect;
export type PrincipleRow = typeof t.principles.$inferSelect;
export type MappingRow = typeof t.principleMappings.$inferSelect;
export type Stance = PositionRow['stance'];
export type ForumKind = ForumRow['kind'];
export type InstrumentKind = InstrumentRow['kind'];
export type InstrumentStatus = InstrumentRow['status'];
export type MappingRelation = MappingRow['relation'];

/** A mapping oriented the way the client asked: `from` belongs to the framework asked for as `from`. */
export interface OrientedMapping {
  id: string;
  from: PrincipleRow;
  to: PrincipleRow;
  relation: MappingRelation;
  note: string;
}

/** A Country entity as this subgraph knows it: its key only (contacts owns the rest). */
export interface CountryRef {
  code: string;
}

/** An Organization entity as this subgraph knows it: its key only (contacts owns the rest). */
export interface OrganizationRef {
  id: string;
}
