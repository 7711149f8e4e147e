import { cloneElement, useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../graph/errors.ts';

interface ControlProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * A labelled form control with the API's complaint about it underneath: the control is marked
 * `aria-invalid` and described by the message, so screen readers read it on focus.
 */
export function Field({
  label,
  problem,
  hint,
  children,
}: {
  label: string;
  problem?: Problem | undefined;
  hint?: string | undefined;
  children: ReactElement<ControlProps>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, problem ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        ...(problem ? { 'aria-invalid': true } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint ? <small id={hintId}>{hint}</small> : null}
      {problem ? (
        <small id={errorId} className="field-error">
          {t('errors.field', { detail: problem.detail })}
        </small>
      ) : null}
    </div>
  );
}
