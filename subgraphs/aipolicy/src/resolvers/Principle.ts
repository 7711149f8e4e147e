import { loadRequired } from '@cadg/platform';
import type { PrincipleResolvers } from '../generated/resolvers-types.ts';

export const Principle: PrincipleResolvers = {
  framework: (principle, _, { loaders }) => loadRequired(loaders.frameworkBySlug, principle.frameworkSlug),
  source: (principle) => ({ title: principle.sourceTitle, url: principle.sourceUrl }),
};
