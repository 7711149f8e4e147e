import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { AssistanceWaitingDocument } from '../gql/graphql.ts';
import { actsForOrganization } from '../graph/permissions.ts';
import { formatDateTime } from '../i18n/index.ts';
import { useSession } from '../session.tsx';
import { Problems } from './Problems.tsx';

/** How many of each list are shown; the total is given beside. */
const SHOWN = 50;

/**
 * The caller's assistance requests waiting for an answer (OPEN): those asked of its organization,
 * and those it asked, as the API lists them across incidents (`assistanceRequests`).
 */
export function AssistanceWaiting() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const member = actsForOrganization(session);
  const { data, error } = useQuery(AssistanceWaitingDocument, {
    variables: { first: SHOWN },
    skip: !member,
    fetchPolicy: 'network-only',
  });
  type Requests = NonNullable<typeof data>['toUs'];
  const list = ({ edges, totalCount }: Requests) =>
    edges.length === 0 ? (
      <p>{t('waiting.none')}</p>
    ) : (
      <>
        <ul>
          {edges.map(({ node: request }) => (
            <li key={request.id}>
              <Link href={`/incidents/${request.incident.id}`}>{request.incident.title}</Link>
              <br />
              <small>
                {t('incident.requestedOf', { by: request.requestedBy.name, of: request.requestedOf.name })} ·{' '}
                {request.kinds.map((k) => t(`assistanceKind.${k}`)).join(', ')} ·{' '}
                {formatDateTime(request.requestedAt, i18n.language)}
              </small>
            </li>
          ))}
        </ul>
        {totalCount > edges.length ? (
          <p>
            <small>{t('waiting.more', { shown: edges.length, count: totalCount })}</small>
          </p>
        ) : null}
      </>
    );
  return (
    <section aria-labelledby="waiting-heading" className="waiting">
      <h2 id="waiting-heading">{t('waiting.heading')}</h2>
      {!member ? (
        <p>{t('waiting.signIn')}</p>
      ) : (
        <>
          <Problems error={error} />
          <h3>{t('waiting.toYou')}</h3>
          {data ? list(data.toUs) : null}
          <h3>{t('waiting.byYou')}</h3>
          {data ? list(data.byUs) : null}
        </>
      )}
    </section>
  );
}
