import type { PositionRow, Stance } from './rows.ts';

/** Stances a country can state, most supportive first; ties for the prevailing stance go to the earlier one. */
export const STATED_STANCES = ['SUPPORTS', 'SUPPORTS_WITH_RESERVATIONS', 'NEUTRAL', 'OPPOSES'] as const;
const SUPPORTING: ReadonlySet<Stance> = new Set(['SUPPORTS', 'SUPPORTS_WITH_RESERVATIONS']);

export interface AlignmentEntry {
  countryCode: string;
  stance: Stance;
  position: PositionRow | null;
  diverges: boolean;
}

export interface Alignment {
  entries: AlignmentEntry[];
  statedCount: number;
  supportingCount: number;
  supportShare: number;
  prevailingStance: Stance | null;
  divergentCountryCodes: string[];
}

/**
 * Where countries agree and differ. Every participating country gets an entry (NO_STATED_POSITION
 * without a current position); the prevailing stance is the most common stated one; a country
 * diverges when its stated stance differs from it. Silence is not divergence.
 */
export function align(countryCodes: readonly string[], current: ReadonlyMap<string, PositionRow>): Alignment {
  const counts = new Map<Stance, number>();
  for (const code of countryCodes) {
    const stance = current.get(code)?.stance;
    if (stance && stance !== 'NO_STATED_POSITION') counts.set(stance, (counts.get(stance) ?? 0) + 1);
  }
  let prevailingStance: Stance | null = null;
  for (const stance of STATED_STANCES) {
    const n = counts.get(stance) ?? 0;
    if (n > 0 && n > (prevailingStance ? (counts.get(prevailingStance) ?? 0) : 0)) prevailingStance = stance;
  }
  const entries = countryCodes.map((countryCode): AlignmentEntry => {
    const position = current.get(countryCode) ?? null;
    const stance: Stance = position?.stance ?? 'NO_STATED_POSITION';
    const stated = stance !== 'NO_STATED_POSITION';
    return { countryCode, stance, position, diverges: stated && stance !== prevailingStance };
  });
  const statedCount = entries.filter((e) => e.stance !== 'NO_STATED_POSITION').length;
  const supportingCount = entries.filter((e) => SUPPORTING.has(e.stance)).length;
  return {
    entries,
    statedCount,
    supportingCount,
    supportShare: countryCodes.length === 0 ? 0 : supportingCount / countryCodes.length,
    prevailingStance,
    divergentCountryCodes: entries.filter((e) => e.diverges).map((e) => e.countryCode),
  };
}

/**
 * The newest statement wins: by `statedOn`, then by when it was recorded. Used to pick one current
 * position per country when positions from several forums are compared.
 */
export function newer(a: PositionRow, b: PositionRow): PositionRow {
  if (a.statedOn !== b.statedOn) return a.statedOn > b.statedOn ? a : b;
  return a.recordedAt.getTime() >= b.recordedAt.getTime() ? a : b;
}
