import { loadExisting } from '@cadg/platform';
import { inForce } from '../requirements.ts';
import { today } from '../validation.ts';
import type { DataFlowPolicyResolvers } from '../generated/resolvers-types.ts';

export const DataFlowPolicy: DataFlowPolicyResolvers = {
  country: (policy) => ({ code: policy.countryCode }),
  laws: (policy, _, { loaders }) => loaders.lawsByCountry.load(policy.countryCode),
  regulator: (policy) => (policy.regulatorOrganizationId ? { id: policy.regulatorOrganizationId } : null),
  mechanisms: async (policy, _, { loaders }) =>
    loadExisting(
      loaders.mechanismByKind,
      (await loaders.recognitionsByCountry.load(policy.countryCode)).map((r) => r.mechanismKind),
    ),
  mechanismRecognitions: (policy, _, { loaders }) => loaders.recognitionsByCountry.load(policy.countryCode),
  thresholds: async (policy, args, { loaders }) => {
    const day = args.asOf ?? today();
    return (await loaders.thresholdsByCountry.load(policy.countryCode)).filter((row) => inForce(row, day));
  },
  transferRegimes: (policy, _, { loaders }) => loaders.regimesByCountry.load(policy.countryCode),
  source: (policy) => ({ url: policy.sourceUrl }),
};
