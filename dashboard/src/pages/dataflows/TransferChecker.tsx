import { useLazyQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.tsx';
import { Problems } from '../../components/Problems.tsx';
import { TransferCheckDocument, type TransferCheckQuery } from '../../gql/graphql.ts';
import { problemsByField, problemsOf } from '../../graph/errors.ts';
import { formatDate } from '../../i18n/index.ts';
import { SourceLink } from './DataFlows.tsx';

type Answer = TransferCheckQuery['transferRequirements'];

/** From, to, number of people, sensitive or not, date → what applies, with sources, coverage and unknowns. */
export function TransferChecker({ countries }: { countries: { code: string; name: string }[] }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState('CN');
  const [to, setTo] = useState('MY');
  const [subjects, setSubjects] = useState('');
  const [sensitive, setSensitive] = useState(false);
  const [asOf, setAsOf] = useState('');
  const [check, { data, error, loading }] = useLazyQuery(TransferCheckDocument);
  const { byField, general } = problemsByField(error ? problemsOf(error) : [], [
    'subjects',
    'asOf',
    'from',
    'to',
  ]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void check({
      variables: {
        from,
        to,
        subjects: subjects === '' ? null : Number(subjects),
        sensitive,
        asOf: asOf || null,
      },
    }).catch(() => undefined);
  }
  const countryOptions = countries.map((c) => (
    <option key={c.code} value={c.code}>
      {c.name}
    </option>
  ));
  return (
    <section aria-labelledby="checker-heading">
      <h2 id="checker-heading">{t('flows.checker')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="grid">
          <Field label={t('flows.from')} problem={byField.get('from')}>
            <select value={from} onChange={(e) => setFrom(e.target.value)}>
              {countryOptions}
            </select>
          </Field>
          <Field label={t('flows.to')} problem={byField.get('to')}>
            <select value={to} onChange={(e) => setTo(e.target.value)}>
              {countryOptions}
            </select>
          </Field>
        </div>
        <div className="grid">
          <Field label={t('flows.subjects')} problem={byField.get('subjects')}>
            <input
              type="number"
              min={0}
              inputMode="numeric"
              value={subjects}
              onChange={(e) => setSubjects(e.target.value)}
            />
          </Field>
          <Field label={t('flows.date')} problem={byField.get('asOf')}>
            <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
          </Field>
        </div>
        <label>
          <input type="checkbox" checked={sensitive} onChange={(e) => setSensitive(e.target.checked)} />
          {t('flows.sensitive')}
        </label>
        <button type="submit" aria-busy={loading}>
          {t('flows.check')}
        </button>
      </form>
      {general.length ? <Problems error={error} /> : null}
      {data && !error ? <Requirements answer={data.transferRequirements} /> : null}
    </section>
  );
}

function Requirements({ answer }: { answer: Answer }) {
  const { t, i18n } = useTranslation();
  const level = (c: string) => t(`flows.coverageLevel.${c as 'COMPLETE'}`);
  return (
    <article aria-labelledby="answer-heading" className="transfer-answer">
      <h3 id="answer-heading">{t('flows.answer')}</h3>
      <p role="status">
        {t('flows.coverage', {
          coverage: level(answer.coverage),
          origin: level(answer.originCoverage),
          destination: level(answer.destinationCoverage),
        })}{' '}
        · {formatDate(answer.asOf, i18n.language)}
      </p>
      <h4>{t('flows.obligations')}</h4>
      {answer.obligations.length === 0 ? (
        <p>{t('flows.noObligations')}</p>
      ) : (
        <ul>
          {answer.obligations.map((o, index) => (
            <li key={index}>
              <strong>
                {t(`flows.side.${o.side}`)} ({o.country.name}) · {t(`flows.kind.${o.kind}`)}:
              </strong>{' '}
              {o.summary}
              {o.mechanisms.length ? ` [${o.mechanisms.map((m) => m.title).join('; ')}]` : ''}
              <br />
              <small>
                {o.legalBasis} · <SourceLink url={o.source.url} />
              </small>
            </li>
          ))}
        </ul>
      )}
      {answer.regimes.length ? (
        <>
          <h4>{t('flows.regimes')}</h4>
          <ul>
            {answer.regimes.map((r) => (
              <li key={r.id}>
                <strong>{r.name}</strong> ({r.country.name}): {r.summary}{' '}
                <small>
                  <SourceLink url={r.source.url} />
                </small>
                {r.gaps.length ? (
                  <ul>
                    {r.gaps.map((g) => (
                      <li key={g}>{g}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {answer.unknowns.length ? (
        <>
          <h4>{t('flows.unknowns')}</h4>
          <ul>
            {answer.unknowns.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
