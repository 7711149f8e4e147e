import type { AdvisoryResolvers } from '../generated/resolvers-types.ts';
import { advisoryBundle } from '../stix.ts';
import { organization } from './references.ts';

export const Advisory: AdvisoryResolvers = {
  publishedBy: (advisory) => organization(advisory.publishedByOrg),
  sharedWith: (advisory) => advisory.sharedWith.map(organization),
  sharedWithSharingGroups: (advisory, _, { loaders }) => loaders.sharingGroupsByAdvisory.load(advisory.id),
  indicators: (advisory, _, { loaders }) => loaders.indicatorsByAdvisory.load(advisory.id),
  stix: async (advisory, _, { loaders, directory }) =>
    advisoryBundle(
      advisory,
      await loaders.indicatorsByAdvisory.load(advisory.id),
      await directory.organizationNames([advisory.publishedByOrg]),
    ),
};
