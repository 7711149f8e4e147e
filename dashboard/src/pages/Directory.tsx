import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable.tsx';
import { DirectoryOrganizationsDocument, type DirectoryOrganizationsQuery } from '../gql/graphql.ts';

/** Organizations per page; "Show more" adds another page (the API allows up to 500). */
const PAGE = 25;

type Organization = DirectoryOrganizationsQuery['organizations']['edges'][number]['node'];

/** Countries, organizations and points of contact, with verification status and search. */
export function Directory() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [country, setCountry] = useState('');
  const [filter, setFilter] = useState<{ text: string | null; countryCodes: string[] | null; first: number }>(
    {
      text: null,
      countryCodes: null,
      first: PAGE,
    },
  );
  const { data, previousData, error, loading } = useQuery(DirectoryOrganizationsDocument, {
    variables: filter,
  });
  const shown = data ?? previousData;

  function search(event: FormEvent) {
    event.preventDefault();
    setFilter({ text: text.trim() || null, countryCodes: country ? [country] : null, first: PAGE });
  }

  return (
    <>
      <h1>{t('directory.heading')}</h1>
      <p>{t('directory.intro')}</p>
      <search>
        <form onSubmit={search} className="directory-search">
          <div>
            <label htmlFor="directory-text">{t('directory.search')}</label>
            <input
              id="directory-text"
              type="search"
              value={text}
              placeholder={t('directory.searchHint')}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="directory-country">{t('directory.country')}</label>
            <select id="directory-country" value={country} onChange={(e) => setCountry(e.target.value)}>
              <option value="">{t('directory.allCountries')}</option>
              {shown?.countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('directory.submit')}</button>
        </form>
      </search>
      {error ? <p role="alert">{error.message}</p> : null}
      <p role="status" aria-busy={loading}>
        {shown ? t('directory.found', { count: shown.organizations.totalCount }) : null}
      </p>
      {shown?.organizations.totalCount === 0 ? <p>{t('directory.none')}</p> : null}
      {shown?.organizations.edges.map(({ node }) => (
        <OrganizationCard key={node.id} organization={node} />
      ))}
    </>
  );
}

function OrganizationCard({ organization }: { organization: Organization }) {
  const { t, i18n } = useTranslation();
  // In 中文, the Chinese name the organization publishes (if recorded) beside the stored name.
  const zhName = i18n.language.startsWith('zh') ? organization.zhName?.name : undefined;
  const headingId = `organization-${organization.id}`;
  return (
    <article aria-labelledby={headingId}>
      <h2 id={headingId} className="organization-name">
        {zhName ? (
          <>
            <span lang="zh-Hans">{zhName}</span> ·{' '}
          </>
        ) : null}
        {organization.name}
        {organization.acronym ? ` (${organization.acronym})` : ''}
      </h2>
      <p>
        {t(`kinds.${organization.kind}`)} · {organization.country.name}
        {organization.website ? (
          <>
            {' · '}
            <a href={organization.website} rel="noopener noreferrer">
              {new URL(organization.website).host}
            </a>
          </>
        ) : null}
      </p>
      {organization.contacts.length === 0 ? (
        <p>
          <small>{t('directory.noContacts')}</small>
        </p>
      ) : (
        <DataTable
          caption={t('directory.contacts', { organization: organization.name })}
          columns={[
            t('directory.contact'),
            t('directory.reach'),
            t('directory.hours'),
            t('directory.verification'),
          ]}
        >
          {organization.contacts.map((contact) => (
            <tr key={contact.id}>
              <td>
                {contact.name}
                {contact.title ? <small> · {contact.title}</small> : null}
              </td>
              <td>
                {contact.email || contact.phone ? (
                  <>
                    {contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : null}
                    {contact.phone ? <span> {contact.phone}</span> : null}
                  </>
                ) : (
                  <small>{t('directory.hidden')}</small>
                )}
              </td>
              <td>
                {contact.available24x7
                  ? t('directory.around')
                  : t('directory.officeHours', { timezone: contact.timezone })}
              </td>
              <td>
                <span className={`badge verification-${contact.verificationStatus.toLowerCase()}`}>
                  {t(`verification.${contact.verificationStatus}`)}
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </article>
  );
}
