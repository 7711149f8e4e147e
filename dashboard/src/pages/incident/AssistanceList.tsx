import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionOutcome } from '../../components/ActionOutcome.tsx';
import { StatusAndNote } from '../../components/StatusAndNote.tsx';
import { RespondToAssistanceDocument, type AssistanceStatus } from '../../gql/graphql.ts';
import { mayAnswer, NEXT_ASSISTANCE } from '../../graph/permissions.ts';
import { useAction } from '../../graph/use-action.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import type { IncidentDetail } from './IncidentPage.tsx';

type Request = IncidentDetail['assistanceRequests'][number];

/** The incident's assistance requests the caller may see; the organization asked can answer. */
export function AssistanceList({ requests, reload }: { requests: Request[]; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  return (
    <section aria-labelledby="assistance-heading">
      <h2 id="assistance-heading">{t('incident.assistance')}</h2>
      {requests.length === 0 ? (
        <p>{t('incident.noAssistance')}</p>
      ) : (
        <ul className="assistance">
          {requests.map((request) => (
            <li key={request.id}>
              <p>
                <strong>
                  {t('incident.requestedOf', { by: request.requestedBy.name, of: request.requestedOf.name })}
                </strong>{' '}
                <span className="badge">{t(`assistanceStatus.${request.status}`)}</span>{' '}
                <small>{formatDateTime(request.requestedAt, i18n.language)}</small>
              </p>
              <p>
                {request.kinds.map((kind) => t(`assistanceKind.${kind}`)).join(', ')}: {request.description}
              </p>
              {request.responseNote ? <p>{t('incident.response', { note: request.responseNote })}</p> : null}
              {mayAnswer(session, request.requestedOf.id) && NEXT_ASSISTANCE[request.status]?.length ? (
                <Answer request={request} reload={reload} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Answer({ request, reload }: { request: Request; reload: () => void }) {
  const { t } = useTranslation();
  const [respond] = useMutation(RespondToAssistanceDocument);
  const action = useAction();
  const next = NEXT_ASSISTANCE[request.status] ?? [];
  const [status, setStatus] = useState(next[0] ?? '');
  const [note, setNote] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    void action.run(
      () =>
        respond({
          variables: {
            input: { requestId: request.id, status: status as AssistanceStatus, note: note || null },
          },
        }),
      reload,
    );
  }
  return (
    <form onSubmit={submit} className="inline-form" aria-label={t('incident.answer')}>
      <StatusAndNote
        label={t('actions.respondStatus')}
        next={next}
        status={status}
        onStatus={setStatus}
        nameOf={(s) => t(`assistanceStatus.${s as AssistanceStatus}`)}
        note={note}
        onNote={setNote}
      />
      <button type="submit" aria-busy={action.running}>
        {t('actions.respondButton')}
      </button>
      <ActionOutcome problems={action.problems} done={action.done} />
    </form>
  );
}
