import { loadRequired } from '@cadg/platform';
import type { AssistanceRequestResolvers } from '../generated/resolvers-types.ts';
import { organization } from './references.ts';

export const AssistanceRequest: AssistanceRequestResolvers = {
  incident: (request, _, { loaders }) => loadRequired(loaders.incidentById, request.incidentId),
  requestedBy: (request) => organization(request.requestedByOrg),
  requestedOf: (request) => organization(request.requestedOfOrg),
};
