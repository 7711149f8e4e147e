import { loadExisting } from '@cadg/platform';
import type { TransferThresholdResolvers } from '../generated/resolvers-types.ts';

export const TransferThreshold: TransferThresholdResolvers = {
  mechanisms: (threshold, _, { loaders }) => loadExisting(loaders.mechanismByKind, threshold.mechanismKinds),
  source: (threshold) => ({ url: threshold.sourceUrl }),
};
