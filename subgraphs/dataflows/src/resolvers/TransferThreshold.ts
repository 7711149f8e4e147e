import { loadExisting } from '@cadg/platform';
import type { DataflowsContext } from '../context.ts';
import type { ThresholdRow } from '../rows.ts';

export const TransferThreshold = {
  mechanisms: (threshold: ThresholdRow, _: unknown, { loaders }: DataflowsContext) =>
    loadExisting(loaders.mechanismByKind, threshold.mechanismKinds),
  source: (threshold: ThresholdRow) => ({ url: threshold.sourceUrl }),
};
