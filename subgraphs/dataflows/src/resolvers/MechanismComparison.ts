import { loadRequired } from '@cadg/platform';
import type { MechanismComparisonResolvers } from '../generated/resolvers-types.ts';

export const MechanismComparison: MechanismComparisonResolvers = {
  a: (comparison, _, { loaders }) => loadRequired(loaders.mechanismByKind, comparison.a),
  b: (comparison, _, { loaders }) => loadRequired(loaders.mechanismByKind, comparison.b),
};
