import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Problems } from '../../components/Problems.tsx';
import { tlpLabel } from '../../components/TlpBanner.tsx';
import { IndicatorAdvisoriesDocument, type IndicatorAdvisoriesQuery } from '../../gql/graphql.ts';
import { formatDateTime } from '../../i18n/index.ts';

type Advisory = NonNullable<IndicatorAdvisoriesQuery['indicators'][number]['advisory']>;
/** Looked up per indicator value (the API finds indicators by value); the first ones are enough. */
const MAX_LOOKUPS = 20;

/** Advisories that name one of the incident's indicators, each once, newest first. */
export function Advisories({ values }: { values: string[] }) {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const [advisories, setAdvisories] = useState<Advisory[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = values.slice(0, MAX_LOOKUPS).join('\n');

  useEffect(() => {
    let current = true;
    const lookups = key
      ? key
          .split('\n')
          .map((value) => client.query({ query: IndicatorAdvisoriesDocument, variables: { value } }))
      : [];
    Promise.all(lookups)
      .then((results) => {
        const found = new Map<string, Advisory>();
        for (const { data } of results) {
          for (const indicator of data?.indicators ?? []) {
            if (indicator.advisory) found.set(indicator.advisory.id, indicator.advisory);
          }
        }
        if (current)
          setAdvisories([...found.values()].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)));
      })
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [client, key]);

  return (
    <section aria-labelledby="advisories-heading">
      <h2 id="advisories-heading">{t('incident.advisories')}</h2>
      <Problems error={error} />
      {advisories === null ? null : advisories.length === 0 ? (
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
