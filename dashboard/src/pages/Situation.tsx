import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AssistanceWaiting } from '../components/AssistanceWaiting.tsx';
import { BarChart, type BarDatum } from '../components/BarChart.tsx';
import { LiveIncidents } from '../components/LiveIncidents.tsx';
import { Problems } from '../components/Problems.tsx';
import { SituationOverviewDocument, type SituationOverviewQuery, type Severity } from '../gql/graphql.ts';
import { useMajorIncidentFeed } from '../graph/major-incident-feed.ts';

const SEVERITIES: readonly Severity[] = ['EMERGENCY', 'SEVERE', 'HIGH', 'MEDIUM', 'LOW', 'BASELINE'];
/** CISA NCISS-like colours, dark enough for white text to keep a 4.5:1 contrast. */
const SEVERITY_COLOURS: Record<Severity, string> = {
  EMERGENCY: '#6b1d8f',
  SEVERE: '#b3261e',
  HIGH: '#b45309',
  MEDIUM: '#8a6d00',
  LOW: '#2f6b3a',
  BASELINE: '#4b5563',
};

/** Marked once the situation's data is on screen. */
export const FIRST_DATA_MARK = 'cadg:situation-first-data';

/** The landing page: live major incidents, and open incidents by severity and by country. */
export function Situation() {
  const { t } = useTranslation();
  // Always from the network: the list and the cursor must be read together for the feed to resume.
  const { data, error } = useQuery(SituationOverviewDocument, { fetchPolicy: 'network-only' });
  return (
    <>
      <h1>{t('situation.heading')}</h1>
      <Problems error={error} />
      {data ? <Overview data={data} /> : error ? null : <p aria-busy="true">{t('situation.loading')}</p>}
    </>
  );
}

function Overview({ data }: { data: SituationOverviewQuery }) {
  const { t } = useTranslation();
  const feed = useMajorIncidentFeed(data);
  // "Time to first data": the end-to-end test reads this mark (milliseconds since navigation).
  useEffect(() => void performance.mark(FIRST_DATA_MARK), []);
  const countryNames = new Map(data.countries.map((c) => [c.code, c.name]));
  const total = data.bySeverity.reduce((sum, bucket) => sum + bucket.count, 0);
  const bySeverity: BarDatum[] = SEVERITIES.map((severity) => ({
    key: severity,
    label: t(`severity.${severity}`),
    value: data.bySeverity.find((bucket) => bucket.key === severity)?.count ?? 0,
    colour: SEVERITY_COLOURS[severity],
  }));
  const byCountry: BarDatum[] = [...data.byCountry]
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .map((bucket) => ({
      key: bucket.key,
      label: countryNames.get(bucket.key) ?? bucket.key,
      value: bucket.count,
    }));
  return (
    <div className="situation">
      <LiveIncidents items={feed.items} connection={feed.connection} />
      <section aria-labelledby="charts-heading" className="charts">
        <h2 id="charts-heading" className="visually-hidden">
          {t('situation.chartSummary', { total })}
        </h2>
        <BarChart
          title={t('situation.bySeverity')}
          summary={t('situation.chartSummary', { total })}
          data={bySeverity}
        />
        <BarChart
          title={t('situation.byCountry')}
          summary={t('situation.chartSummary', { total })}
          data={byCountry}
        />
      </section>
      <AssistanceWaiting />
    </div>
  );
}
