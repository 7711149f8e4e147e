import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Problems } from '../../components/Problems.tsx';
import { DataFlowProfilesDocument, type DataFlowProfilesQuery } from '../../gql/graphql.ts';
import { formatDate } from '../../i18n/index.ts';
import { MechanismComparison } from './MechanismComparison.tsx';
import { TransferChecker } from './TransferChecker.tsx';

type Profile = DataFlowProfilesQuery['dataFlowPolicies'][number];

/** Data flows: each country's policy profile, the transfer checker, and the MCC ↔ Standard Contract comparison. */
export default function DataFlows() {
  const { t } = useTranslation();
  const { data, error } = useQuery(DataFlowProfilesDocument);
  const profiles = data?.dataFlowPolicies ?? [];
  const [code, setCode] = useState('');
  const chosen = profiles.find((p) => p.country.code === code) ?? profiles[0];
  return (
    <>
      <h1>{t('flows.heading')}</h1>
      <p>{t('flows.intro')}</p>
      <Problems error={error} />
      {data ? (
        <>
          <section aria-labelledby="profiles-heading">
            <h2 id="profiles-heading">{t('flows.profiles')}</h2>
            <label htmlFor="profile-country">{t('flows.profileOf')}</label>
            <select
              id="profile-country"
              value={chosen?.country.code ?? ''}
              onChange={(e) => setCode(e.target.value)}
            >
              {profiles.map((p) => (
                <option key={p.country.code} value={p.country.code}>
                  {p.country.name}
                </option>
              ))}
            </select>
            {chosen ? <ProfileCard profile={chosen} /> : null}
          </section>
          <TransferChecker countries={profiles.map((p) => p.country)} />
          <MechanismComparison />
        </>
      ) : error ? null : (
        <p aria-busy="true">{t('policy.loading')}</p>
      )}
    </>
  );
}

/** A link to a source, named by its host so lists of sources stay readable. */
export function SourceLink({ url }: { url: string }) {
  const { t } = useTranslation();
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // Shown as stored.
  }
  return (
    <a href={url} rel="noreferrer" target="_blank">
      {t('flows.source')}: {host}
    </a>
  );
}

function ProfileCard({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  return (
    <article aria-labelledby="profile-heading">
      <h3 id="profile-heading">{profile.country.name}</h3>
      <p>{profile.summary}</p>
      <dl className="facts">
        <dt>{t('flows.laws')}</dt>
        <dd>
          <ul>
            {profile.laws.map((law) => (
              <li key={law.id}>
                {law.name}
                {law.inForceOn ? ` (${formatDate(law.inForceOn, i18n.language)})` : ''} ·{' '}
                <SourceLink url={law.source.url} />
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('flows.regulator')}</dt>
        <dd>{profile.regulator?.name ?? profile.regulatorNote ?? '—'}</dd>
        <dt>{t('flows.mechanisms')}</dt>
        <dd>{profile.mechanisms.map((m) => m.title).join('; ') || '—'}</dd>
        <dt>{t('flows.localisation')}</dt>
        <dd>{profile.localisation ?? '—'}</dd>
        <dt>{t('flows.filing')}</dt>
        <dd>{profile.filingObligations ?? '—'}</dd>
        {profile.unknowns.length ? (
          <>
            <dt>{t('flows.unknowns')}</dt>
            <dd>
              <ul>
                {profile.unknowns.map((u) => (
                  <li key={u}>{u}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <small>
          {t('flows.reviewed', { date: formatDate(profile.lastReviewedOn, i18n.language) })} ·{' '}
          <SourceLink url={profile.source.url} />
        </small>
      </p>
    </article>
  );
}
