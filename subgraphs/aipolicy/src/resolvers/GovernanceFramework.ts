import type { GovernanceFrameworkResolvers } from '../generated/resolvers-types.ts';

export const GovernanceFramework: GovernanceFrameworkResolvers = {
  source: (framework) => ({ title: framework.sourceTitle, url: framework.sourceUrl }),
  principles: (framework, _, { loaders }) => loaders.principlesByFramework.load(framework.slug),
};
