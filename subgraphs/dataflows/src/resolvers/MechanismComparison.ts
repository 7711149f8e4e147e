import type { DataflowsContext } from '../context.ts';
import type { MechanismComparisonResult } from '../policies.ts';

export const MechanismComparison = {
  a: (comparison: MechanismComparisonResult, _: unknown, { loaders }: DataflowsContext) =>
    loaders.mechanismByKind.load(comparison.a),
  b: (comparison: MechanismComparisonResult, _: unknown, { loaders }: DataflowsContext) =>
    loaders.mechanismByKind.load(comparison.b),
};
