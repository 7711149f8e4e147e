import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { AssistanceWaitingDocument } from '../gql/graphql.ts';
import { actsForOrganization } from '../graph/permissions.ts';
import { formatDateTime } from '../i18n/index.ts';
import { useSession } from '../session.tsx';
import { Problems } from './Problems.tsx';

/** How many recently changed open incidents are looked through (the API's page size allows 500). */
const LOOK_THROUGH = 100;

/**
 * The caller's assistance requests waiting for an answer (OPEN): those asked of its organization,
 * and those it asked. The API lists requests per incident, and shows a request only to the
 * reporter, the organization asking and the organization asked; this reads them from the open
 * incidents the caller may see.
 */
export function AssistanceWaiting() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const member = actsForOrganization(session);
  const { data, error } = useQuery(AssistanceWaitingDocument, {
    variables: { first: LOOK_THROUGH },
    skip: !member,
    fetchPolicy: 'network-only',
  });
  const org = session?.organizationId;
  const waiting = (data?.incidents.edges ?? []).flatMap(({ node }) =>
    node.assistanceRequests
      .filter((r) => r.status === 'OPEN' && (r.requestedOf.id === org || r.requestedBy.id === org))
      .map((request) => ({ incident: node, request })),
  );
  const toUs = waiting.filter(({ request }) => request.requestedOf.id === org);
  const byUs = waiting.filter(({ request }) => request.requestedOf.id !== org);
  const list = (items: typeof waiting) =>
    items.length === 0 ? (
      <p>{t('waiting.none')}</p>
    ) : (
      <ul>
        {items.map(({ incident, request }) => (
          <li key={request.id}>
            <Link href={`/incidents/${incident.id}`}>{incident.title}</Link>
            <br />
            <small>
              {t('incident.requestedOf', { by: request.requestedBy.name, of: request.requestedOf.name })} ·{' '}
              {request.kinds.map((k) => t(`assistanceKind.${k}`)).join(', ')} ·{' '}
              {formatDateTime(request.requestedAt, i18n.language)}
            </small>
          </li>
        ))}
      </ul>
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
          {data ? list(toUs) : null}
          <h3>{t('waiting.byYou')}</h3>
          {data ? list(byUs) : null}
          <p>
            <small>{t('waiting.scope', { count: LOOK_THROUGH })}</small>
          </p>
        </>
      )}
    </section>
  );
}
