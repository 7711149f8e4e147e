import { loadExisting } from '@cadg/platform';
import type { DataflowsContext } from '../context.ts';
import type { PilotRow } from '../rows.ts';

export const DataFlowPilot = {
  countries: async (pilot: PilotRow, _: unknown, { loaders }: DataflowsContext) =>
    (await loaders.countryCodesByPilot.load(pilot.id)).map((code) => ({ code })),
  organizations: async (pilot: PilotRow, _: unknown, { loaders }: DataflowsContext) =>
    (await loaders.organizationIdsByPilot.load(pilot.id)).map((id) => ({ id })),
  mechanisms: async (pilot: PilotRow, _: unknown, { loaders }: DataflowsContext) =>
    loadExisting(loaders.mechanismByKind, await loaders.mechanismKindsByPilot.load(pilot.id)),
  milestones: (pilot: PilotRow, _: unknown, { loaders }: DataflowsContext) =>
    loaders.milestonesByPilot.load(pilot.id),
};
