import { useTranslation } from 'react-i18next';
import { Field } from './Field.tsx';

/**
 * The fields of a status move: the next status, picked from those the workflow allows, and an
 * optional note. Incidents and assistance requests move the same way.
 */
export function StatusAndNote({
  label,
  next,
  status,
  onStatus,
  nameOf,
  note,
  onNote,
}: {
  label: string;
  next: readonly string[];
  status: string;
  onStatus: (status: string) => void;
  nameOf: (status: string) => string;
  note: string;
  onNote: (note: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={label}>
        <select value={status} onChange={(e) => onStatus(e.target.value)}>
          {next.map((s) => (
            <option key={s} value={s}>
              {nameOf(s)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('actions.note')}>
        <input value={note} onChange={(e) => onNote(e.target.value)} />
      </Field>
    </>
  );
}
