import type { PhishingReportResolvers } from '../generated/resolvers-types.ts';
import { verdictsOf } from '../phishing.ts';
import { country } from './references.ts';

/** Parents are reports as the caller may see them (`phishingReportAs`), never raw rows. */
export const PhishingReport: PhishingReportResolvers = {
  targetedCountries: (report) => report.targetedCountries.map(country),
  verdicts: (report, _, { db }) => (report.verdicts ? [...report.verdicts] : verdictsOf(db, report.id)),
  // Through the visibility-checking loader: the incident's TLP decides, not the report's.
  incident: (report, _, { loaders }) =>
    report.incidentId ? loaders.incidentById.load(report.incidentId) : null,
};
