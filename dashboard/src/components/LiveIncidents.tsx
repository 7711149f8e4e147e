import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDateTime } from '../i18n/index.ts';
import type { ConnectionState } from '../graph/connection.ts';
import type { FeedItem } from '../graph/major-incident-feed.ts';

/** The live list, with its live/reconnecting indicator; a polite live region announces changes. */
export function LiveIncidents({ items, connection }: { items: FeedItem[]; connection: ConnectionState }) {
  const { t, i18n } = useTranslation();
  const indicator = {
    live: t('situation.live'),
    reconnecting: t('situation.reconnecting'),
    connecting: t('situation.connecting'),
  }[connection];
  return (
    <section aria-labelledby="live-heading" className="live">
      <header className="live-header">
        <h2 id="live-heading">{t('situation.liveHeading')}</h2>
        <span role="status" className={`indicator indicator-${connection}`} data-state={connection}>
          {indicator}
        </span>
      </header>
      {items.length === 0 ? (
        <p>{t('situation.none')}</p>
      ) : (
        <ol className="incident-list" aria-live="polite">
          {items.map(({ incident, at, lastEvent }) => (
            <li key={incident.id} className={`severity-${incident.severity.toLowerCase()}`}>
              <article>
                <h3>
                  <Link href={`/incidents/${incident.id}`}>{incident.title}</Link>
                </h3>
                <p className="badges">
                  <span className={`badge severity severity-${incident.severity.toLowerCase()}`}>
                    {t(`severity.${incident.severity}`)}
                  </span>{' '}
                  <span className="badge">{t(`status.${incident.status}`)}</span>{' '}
                  <span className={`badge tlp tlp-${incident.tlp.toLowerCase()}`}>
                    TLP:{incident.tlp.replace('_', '+')}
                  </span>
                  {lastEvent ? <span className="badge event">{t(`event.${lastEvent}`)}</span> : null}
                </p>
                <p>
                  <small>
                    {t('situation.reportedBy', { organization: incident.reportedBy.name })} ·{' '}
                    {t('situation.updatedAt', { time: formatDateTime(at, i18n.language) })}
                  </small>
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
