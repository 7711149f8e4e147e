import type { OrientedRow } from '../comparison.ts';

export const ComparedClause = {
  source: (clause: OrientedRow['a']) => ({ url: clause.sourceUrl }),
};
