import { useTranslation } from 'react-i18next';
import { tlpLabel } from '../../components/TlpBanner.tsx';
import type { IncidentPageQuery } from '../../gql/graphql.ts';
import { formatDateTime } from '../../i18n/index.ts';

type Advisory = NonNullable<IncidentPageQuery['incident']>['advisories'][number];

/**
 * Advisories that name one of the incident's indicators, newest first, as the API lists them
 * (`Incident.advisories`: only those the caller may read).
 */
export function Advisories({ advisories }: { advisories: readonly Advisory[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="advisories-heading">
      <h2 id="advisories-heading">{t('incident.advisories')}</h2>
      {advisories.length === 0 ? (
        <p>{t('incident.noAdvisories')}</p>
      ) : (
        <ul>
          {advisories.map((a) => (
            <li key={a.id}>
              <strong>{a.title}</strong>{' '}
              <span className={`badge tlp tlp-${a.tlp.toLowerCase()}`}>{tlpLabel(a.tlp)}</span>{' '}
              <small>
                {a.publishedBy.name} · {formatDateTime(a.publishedAt, i18n.language)}
                {a.cveIds.length ? ` · ${a.cveIds.join(', ')}` : ''}
              </small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
