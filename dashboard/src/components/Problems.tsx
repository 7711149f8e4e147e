import { useTranslation } from 'react-i18next';
import { describeProblem, problemsOf } from '../graph/errors.ts';

/** What went wrong, as one alert: each problem in the interface's language. */
export function Problems({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problems = problemsOf(error);
  return (
    <div role="alert" className="problems">
      {problems.map((problem, index) => (
        <p key={index}>{describeProblem(t, problem)}</p>
      ))}
    </div>
  );
}
