import type { LawRow } from '../rows.ts';

export const DataProtectionLaw = {
  source: (law: LawRow) => ({ url: law.sourceUrl }),
};
