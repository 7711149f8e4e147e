import type { ComparedClauseResolvers } from '../generated/resolvers-types.ts';

export const ComparedClause: ComparedClauseResolvers = {
  source: (clause) => ({ url: clause.sourceUrl }),
};
