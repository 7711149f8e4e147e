import type { IncidentsContext } from '../context.ts';
import { verdictsOf, type PhishingReportView, type PhishingVerdictRow } from '../phishing.ts';

/** Parents are reports as the caller may see them (`phishingReportAs`), never raw rows. */
export const PhishingReport = {
  targetedCountries: (report: PhishingReportView) =>
    report.targetedCountries.map((code) => ({ __typename: 'Country' as const, code })),
  verdicts: (report: PhishingReportView, _: unknown, { db }: IncidentsContext) =>
    report.verdicts ?? verdictsOf(db, report.id),
  // Through the visibility-checking loader: the incident's TLP decides, not the report's.
  incident: (report: PhishingReportView, _: unknown, { loaders }: IncidentsContext) =>
    report.incidentId ? loaders.incidentById.load(report.incidentId) : null,
};

export const PhishingVerdict = {
  reportedBy: (verdict: PhishingVerdictRow) => ({
    __typename: 'Organization' as const,
    id: verdict.reporterOrg,
  }),
};
