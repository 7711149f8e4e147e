import { loadExisting } from '@cadg/platform';
import type { DataflowsContext } from '../context.ts';
import { inForce } from '../requirements.ts';
import type { PolicyRow } from '../rows.ts';
import { today } from '../validation.ts';

export const DataFlowPolicy = {
  country: (policy: PolicyRow) => ({ code: policy.countryCode }),
  laws: (policy: PolicyRow, _: unknown, { loaders }: DataflowsContext) =>
    loaders.lawsByCountry.load(policy.countryCode),
  regulator: (policy: PolicyRow) =>
    policy.regulatorOrganizationId ? { id: policy.regulatorOrganizationId } : null,
  mechanisms: async (policy: PolicyRow, _: unknown, { loaders }: DataflowsContext) =>
    loadExisting(
      loaders.mechanismByKind,
      (await loaders.recognitionsByCountry.load(policy.countryCode)).map((r) => r.mechanismKind),
    ),
  mechanismRecognitions: (policy: PolicyRow, _: unknown, { loaders }: DataflowsContext) =>
    loaders.recognitionsByCountry.load(policy.countryCode),
  thresholds: async (policy: PolicyRow, args: { asOf?: string | null }, { loaders }: DataflowsContext) => {
    const day = args.asOf ?? today();
    return (await loaders.thresholdsByCountry.load(policy.countryCode)).filter((row) => inForce(row, day));
  },
  transferRegimes: (policy: PolicyRow, _: unknown, { loaders }: DataflowsContext) =>
    loaders.regimesByCountry.load(policy.countryCode),
  source: (policy: PolicyRow) => ({ url: policy.sourceUrl }),
};
