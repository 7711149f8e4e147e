import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Problems } from '../../components/Problems.tsx';
import { TlpBanner } from '../../components/TlpBanner.tsx';
import { IncidentPageDocument, type IncidentPageQuery } from '../../gql/graphql.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { mayChangeIncident, mayShareIncident } from '../../graph/permissions.ts';
import { useSession } from '../../session.tsx';
import { Advisories } from './Advisories.tsx';
import { AssistanceList } from './AssistanceList.tsx';
import { IncidentActions } from './IncidentActions.tsx';

export type IncidentDetail = NonNullable<IncidentPageQuery['incident']>;

/** One incident: its marking, details, timeline, assistance, indicators, advisories and actions. */
export default function IncidentPage({ params }: { params: { id: string } }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(IncidentPageDocument, {
    variables: { id: params.id },
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <p aria-busy="true">{t('incident.loading')}</p>;
  if (error && !data) return <Problems error={error} />;
  const incident = data?.incident;
  if (!incident) return <p role="alert">{t('incident.notFound')}</p>;
  return <Incident incident={incident} reload={() => void refetch()} />;
}

function Incident({ incident, reload }: { incident: IncidentDetail; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, i18n.language) : '—');
  const canChange = mayChangeIncident(session, incident.reportedBy.id);
  const canShare = mayShareIncident(session, incident.reportedBy.id, incident.tlp);
  return (
    <article className="incident" aria-labelledby="incident-title">
      <TlpBanner tlp={incident.tlp} />
      <h1 id="incident-title">{incident.title}</h1>
      <p className="badges">
        <span className={`badge severity severity-${incident.severity.toLowerCase()}`}>
          {t(`severity.${incident.severity}`)}
        </span>
        <span className="badge">{t(`status.${incident.status}`)}</span>
        <span className="badge">{t(`category.${incident.category}`)}</span>
      </p>
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t('incident.details')}</h2>
        <p className="summary">{incident.summary}</p>
        <dl className="facts">
          <dt>{t('incident.reportedBy')}</dt>
          <dd>{incident.reportedBy.name}</dd>
          <dt>{t('incident.reportedAt')}</dt>
          <dd>{when(incident.reportedAt)}</dd>
          <dt>{t('incident.detectedAt')}</dt>
          <dd>{when(incident.detectedAt)}</dd>
          <dt>{t('incident.updatedAt')}</dt>
          <dd>{when(incident.updatedAt)}</dd>
          <dt>{t('incident.affected')}</dt>
          <dd>
            {incident.affectedCountries.map((c) => c.name).join(', ')}
            {incident.crossBorder ? ` · ${t('incident.crossBorder')}` : ''}
          </dd>
          <dt>{t('incident.sharedWith')}</dt>
          <dd>
            {incident.sharedWith.length
              ? incident.sharedWith.map((o) => o.name).join(', ')
              : t('incident.nobody')}
          </dd>
          {incident.sharedWithSharingGroups.length ? (
            <>
              <dt>{t('incident.sharedWithGroups')}</dt>
              <dd>{incident.sharedWithSharingGroups.map((g) => g.name).join(', ')}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('incident.timeline')}</h2>
        {incident.updates.edges.length === 0 ? (
          <p>{t('incident.noUpdates')}</p>
        ) : (
          <ol className="timeline">
            {incident.updates.edges.map(({ node }) => (
              <li key={node.id}>
                <p>
                  <strong>{node.author.name}</strong> ·{' '}
                  <time dateTime={node.postedAt}>{when(node.postedAt)}</time>
                </p>
                {node.status && node.previousStatus ? (
                  <p className="badge">
                    {t('incident.statusChange', {
                      from: t(`status.${node.previousStatus}`),
                      to: t(`status.${node.status}`),
                    })}
                  </p>
                ) : null}
                {node.severity && node.previousSeverity ? (
                  <p className="badge">
                    {t('incident.severityChange', {
                      from: t(`severity.${node.previousSeverity}`),
                      to: t(`severity.${node.severity}`),
                    })}
                  </p>
                ) : null}
                <p className="update-body">{node.body}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <AssistanceList requests={incident.assistanceRequests} reload={reload} />
      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t('incident.indicators')}</h2>
        {incident.indicators.length === 0 ? (
          <p>{t('incident.noIndicators')}</p>
        ) : (
          <ul className="indicators">
            {incident.indicators.map((indicator) => (
              <li key={indicator.id}>
                <span className="badge">{indicator.type}</span> <code>{indicator.value}</code>
                {indicator.description ? <small> {indicator.description}</small> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <Advisories advisories={incident.advisories} />
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('incident.actions')}</h2>
        {!session ? (
          <p>{t('incident.signInForActions')}</p>
        ) : canChange || canShare ? (
          <IncidentActions incident={incident} canChange={canChange} canShare={canShare} reload={reload} />
        ) : (
          <p>{t('incident.noActions')}</p>
        )}
      </section>
    </article>
  );
}
