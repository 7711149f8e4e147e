import type { IncidentsContext } from '../context.ts';
import { verdictsOf, type PhishingReportRow, type PhishingVerdictRow } from '../phishing.ts';

export const PhishingReport = {
  targetedCountries: (report: PhishingReportRow) =>
    report.targetedCountries.map((code) => ({ __typename: 'Country' as const, code })),
  verdicts: (report: PhishingReportRow, _: unknown, { db }: IncidentsContext) => verdictsOf(db, report.id),
  // Through the visibility-checking loader: the incident's TLP decides, not the report's.
  incident: (report: PhishingReportRow, _: unknown, { loaders }: IncidentsContext) =>
    report.incidentId ? loaders.incidentById.load(report.incidentId) : null,
};

export const PhishingVerdict = {
  reportedBy: (verdict: PhishingVerdictRow) => ({
    __typename: 'Organization' as const,
    id: verdict.reporterOrg,
  }),
};
