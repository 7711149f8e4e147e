import { loadRequired } from '@cadg/platform';
import type { IncidentUpdateResolvers } from '../generated/resolvers-types.ts';
import { organization } from './references.ts';

export const IncidentUpdate: IncidentUpdateResolvers = {
  incident: (update, _, { loaders }) => loadRequired(loaders.incidentById, update.incidentId),
  author: (update) => organization(update.authorOrg),
};
