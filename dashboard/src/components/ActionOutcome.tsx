import { useTranslation } from 'react-i18next';
import { describeProblem, type Problem } from '../graph/errors.ts';

/** Below a form: the API's refusals in plain words, or that it was saved. */
export function ActionOutcome({ problems, done }: { problems: readonly Problem[]; done: boolean }) {
  const { t } = useTranslation();
  if (problems.length) {
    return (
      <div role="alert" className="problems">
        {problems.map((problem, index) => (
          <p key={index}>{describeProblem(t, problem)}</p>
        ))}
      </div>
    );
  }
  return (
    <p role="status" className="done">
      {done ? t('incident.done') : ''}
    </p>
  );
}
