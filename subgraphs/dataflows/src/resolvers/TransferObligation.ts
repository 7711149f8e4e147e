import { loadExisting } from '@cadg/platform';
import type { TransferObligationResolvers } from '../generated/resolvers-types.ts';

export const TransferObligation: TransferObligationResolvers = {
  country: (obligation) => ({ code: obligation.countryCode }),
  mechanisms: (obligation, _, { loaders }) =>
    loadExisting(loaders.mechanismByKind, obligation.mechanismKinds),
  source: (obligation) => ({ url: obligation.sourceUrl }),
};
