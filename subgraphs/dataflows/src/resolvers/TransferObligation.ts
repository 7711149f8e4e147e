import { loadExisting } from '@cadg/platform';
import type { DataflowsContext } from '../context.ts';
import type { Obligation } from '../requirements.ts';

export const TransferObligation = {
  country: (obligation: Obligation) => ({ code: obligation.countryCode }),
  mechanisms: (obligation: Obligation, _: unknown, { loaders }: DataflowsContext) =>
    loadExisting(loaders.mechanismByKind, obligation.mechanismKinds),
  source: (obligation: Obligation) => ({ url: obligation.sourceUrl }),
};
