import { loadExisting } from '@cadg/platform';
import type { DataFlowPilotResolvers } from '../generated/resolvers-types.ts';

export const DataFlowPilot: DataFlowPilotResolvers = {
  countries: async (pilot, _, { loaders }) =>
    (await loaders.countryCodesByPilot.load(pilot.id)).map((code) => ({ code })),
  organizations: async (pilot, _, { loaders }) =>
    (await loaders.organizationIdsByPilot.load(pilot.id)).map((id) => ({ id })),
  mechanisms: async (pilot, _, { loaders }) =>
    loadExisting(loaders.mechanismByKind, await loaders.mechanismKindsByPilot.load(pilot.id)),
  milestones: (pilot, _, { loaders }) => loaders.milestonesByPilot.load(pilot.id),
};
