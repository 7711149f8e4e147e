import type { RegimeRow } from '../rows.ts';

export const TransferRegime = {
  country: (regime: RegimeRow) => ({ code: regime.countryCode }),
  source: (regime: RegimeRow) => ({ url: regime.sourceUrl }),
};
