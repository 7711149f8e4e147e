import { pageSize } from '@cadg/platform';
import type { DataflowsContext } from '../context.ts';
import { listPilots } from '../pilots.ts';
import type { PilotStatus } from '../rows.ts';

interface CountryRef {
  code: string;
}

/** Country is owned by contacts; this subgraph only adds fields to it, so any code is a reference. */
export const Country = {
  __resolveReference: (ref: CountryRef): CountryRef => ({ code: ref.code }),
  dataFlowPolicy: (country: CountryRef, _: unknown, { loaders }: DataflowsContext) =>
    loaders.policyByCountry.load(country.code),
  dataFlowPilots: (
    country: CountryRef,
    args: { status?: PilotStatus | null; first?: number | null; after?: string | null },
    { db }: DataflowsContext,
  ) =>
    listPilots(
      db,
      { countryCode: country.code, statuses: args.status ? [args.status] : null },
      pageSize(args.first),
      args.after,
    ),
};
