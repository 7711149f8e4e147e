import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionOutcome } from '../../components/ActionOutcome.tsx';
import { Field } from '../../components/Field.tsx';
import { SharingGroupSelect } from '../../components/SharingGroupSelect.tsx';
import { StatusAndNote } from '../../components/StatusAndNote.tsx';
import {
  ActionOrganizationsDocument,
  ChangeIncidentStatusDocument,
  PostIncidentUpdateDocument,
  RequestAssistanceDocument,
  ShareIncidentDocument,
  type AssistanceKind,
  type IncidentStatus,
} from '../../gql/graphql.ts';
import { problemsByField } from '../../graph/errors.ts';
import { NEXT_STATUSES } from '../../graph/permissions.ts';
import { useAction, type Action } from '../../graph/use-action.ts';
import { useSession } from '../../session.tsx';
import type { IncidentDetail } from './IncidentPage.tsx';

const KINDS: readonly AssistanceKind[] = [
  'ANALYSIS',
  'TAKEDOWN',
  'LOG_PRESERVATION',
  'MITIGATION',
  'COORDINATION',
];

interface ActionsProps {
  incident: IncidentDetail;
  canChange: boolean;
  canShare: boolean;
  reload: () => void;
}

/** The forms for what the caller's role allows on this incident. */
export function IncidentActions({ incident, canChange, canShare, reload }: ActionsProps) {
  return (
    <div className="actions">
      {canChange ? <PostUpdate incident={incident} reload={reload} /> : null}
      {canChange ? <ChangeStatus incident={incident} reload={reload} /> : null}
      {canShare ? <Share incident={incident} reload={reload} /> : null}
      {canChange ? <RequestAssistance incident={incident} reload={reload} /> : null}
    </div>
  );
}

/** One action: a titled form with its outcome underneath. */
function ActionForm(props: {
  title: string;
  action: Action;
  onSubmit: () => Promise<unknown>;
  reload: () => void;
  children: ReactNode;
  submit: string;
  general?: Action['problems'];
}) {
  const { title, action, onSubmit, reload, children, submit } = props;
  function handle(event: FormEvent) {
    event.preventDefault();
    void action.run(onSubmit, reload);
  }
  return (
    <form onSubmit={handle} aria-label={title} noValidate>
      <h3>{title}</h3>
      {children}
      <button type="submit" aria-busy={action.running}>
        {submit}
      </button>
      <ActionOutcome problems={props.general ?? action.problems} done={action.done} />
    </form>
  );
}

function PostUpdate({ incident, reload }: { incident: IncidentDetail; reload: () => void }) {
  const { t } = useTranslation();
  const [post] = useMutation(PostIncidentUpdateDocument);
  const action = useAction();
  const [body, setBody] = useState('');
  const { byField, general } = problemsByField(action.problems, ['input.body']);
  return (
    <ActionForm
      title={t('actions.postUpdate')}
      submit={t('actions.post')}
      action={action}
      general={general}
      reload={() => {
        setBody('');
        reload();
      }}
      onSubmit={() => post({ variables: { input: { incidentId: incident.id, body } } })}
    >
      <Field label={t('actions.body')} problem={byField.get('input.body')}>
        <textarea rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
      </Field>
    </ActionForm>
  );
}

function ChangeStatus({ incident, reload }: { incident: IncidentDetail; reload: () => void }) {
  const { t } = useTranslation();
  const [change] = useMutation(ChangeIncidentStatusDocument);
  const action = useAction();
  const next = NEXT_STATUSES[incident.status] ?? [];
  const [status, setStatus] = useState<string>(next[0] ?? '');
  const [note, setNote] = useState('');
  if (next.length === 0) {
    return <p>{t('actions.noNextStatus', { status: t(`status.${incident.status}`) })}</p>;
  }
  const chosen = next.includes(status) ? status : next[0]!;
  return (
    <ActionForm
      title={t('actions.changeStatus')}
      submit={t('actions.change')}
      action={action}
      reload={reload}
      onSubmit={() =>
        change({
          variables: {
            input: {
              id: incident.id,
              expectedVersion: incident.version,
              status: chosen as IncidentStatus,
              note: note || null,
            },
          },
        })
      }
    >
      <StatusAndNote
        label={t('actions.newStatus')}
        next={next}
        status={chosen}
        onStatus={setStatus}
        nameOf={(s) => t(`status.${s as IncidentStatus}`)}
        note={note}
        onNote={setNote}
      />
    </ActionForm>
  );
}

/** Organizations to pick from, except the reporter's own. */
function OrganizationSelect({
  value,
  onChange,
  exclude,
  ...control
}: {
  value: string;
  onChange: (id: string) => void;
  exclude: string;
  /** Set by `Field`: the label's target and the error's description. */
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { t } = useTranslation();
  const { data } = useQuery(ActionOrganizationsDocument);
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('actions.choose')}</option>
      {data?.organizations.edges
        .filter(({ node }) => node.id !== exclude)
        .map(({ node }) => (
          <option key={node.id} value={node.id}>
            {node.name}
            {node.acronym ? ` (${node.acronym})` : ''} · {node.country.code}
          </option>
        ))}
    </select>
  );
}

function Share({ incident, reload }: { incident: IncidentDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [share] = useMutation(ShareIncidentDocument);
  const action = useAction();
  const [organization, setOrganization] = useState('');
  const [groups, setGroups] = useState<string[]>([]);
  // Sharing groups are added by the originator only, whatever the marking (the API decides).
  const originator = session?.organizationId === incident.reportedBy.id;
  const { byField, general } = problemsByField(action.problems, ['sharedWithSharingGroupIds']);
  return (
    <ActionForm
      title={t('actions.share')}
      submit={t('actions.shareButton')}
      action={action}
      general={general}
      reload={reload}
      onSubmit={() =>
        share({
          variables: {
            id: incident.id,
            organizationIds: organization ? [organization] : [],
            sharingGroupIds: groups,
          },
        })
      }
    >
      <Field label={t('actions.shareWith')}>
        <OrganizationSelect
          value={organization}
          onChange={setOrganization}
          exclude={incident.reportedBy.id}
        />
      </Field>
      {originator ? (
        <Field
          label={t('actions.shareWithGroups')}
          hint={t('actions.groupsHint')}
          problem={byField.get('sharedWithSharingGroupIds')}
        >
          <SharingGroupSelect value={groups} onChange={setGroups} />
        </Field>
      ) : null}
    </ActionForm>
  );
}

function RequestAssistance({ incident, reload }: { incident: IncidentDetail; reload: () => void }) {
  const { t } = useTranslation();
  const [request] = useMutation(RequestAssistanceDocument);
  const action = useAction();
  const [organization, setOrganization] = useState('');
  const [kinds, setKinds] = useState<AssistanceKind[]>([]);
  const [description, setDescription] = useState('');
  const fields = ['input.organizationId', 'input.kinds', 'input.description'];
  const { byField, general } = problemsByField(action.problems, fields);
  const toggle = (kind: AssistanceKind, on: boolean) =>
    setKinds((current) => (on ? [...current, kind] : current.filter((k) => k !== kind)));
  return (
    <ActionForm
      title={t('actions.requestAssistance')}
      submit={t('actions.requestButton')}
      action={action}
      general={general}
      reload={reload}
      onSubmit={() =>
        request({
          variables: { input: { incidentId: incident.id, organizationId: organization, kinds, description } },
        })
      }
    >
      <Field label={t('actions.askOrganization')} problem={byField.get('input.organizationId')}>
        <OrganizationSelect
          value={organization}
          onChange={setOrganization}
          exclude={incident.reportedBy.id}
        />
      </Field>
      <fieldset aria-invalid={byField.has('input.kinds') || undefined}>
        <legend>{t('actions.kinds')}</legend>
        {KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={kinds.includes(kind)}
              onChange={(e) => toggle(kind, e.target.checked)}
            />
            {t(`assistanceKind.${kind}`)}
          </label>
        ))}
        {byField.has('input.kinds') ? (
          <small className="field-error">
            {t('errors.field', { detail: byField.get('input.kinds')!.detail })}
          </small>
        ) : null}
      </fieldset>
      <Field label={t('actions.description')} problem={byField.get('input.description')}>
        <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
    </ActionForm>
  );
}
