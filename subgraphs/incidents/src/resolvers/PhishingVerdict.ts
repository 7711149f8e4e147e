import type { PhishingVerdictResolvers } from '../generated/resolvers-types.ts';
import { organization } from './references.ts';

export const PhishingVerdict: PhishingVerdictResolvers = {
  reportedBy: (verdict) => organization(verdict.reporterOrg),
};
