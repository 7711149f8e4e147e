import type { IndicatorResolvers } from '../generated/resolvers-types.ts';

export const Indicator: IndicatorResolvers = {
  incident: (indicator, _, { loaders }) =>
    indicator.incidentId ? loaders.incidentById.load(indicator.incidentId) : null,
  advisory: (indicator, _, { loaders }) =>
    indicator.advisoryId ? loaders.advisoryById.load(indicator.advisoryId) : null,
};
