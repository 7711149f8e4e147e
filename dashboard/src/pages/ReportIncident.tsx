import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ActionOutcome } from '../components/ActionOutcome.tsx';
import { Field } from '../components/Field.tsx';
import { SharingGroupSelect } from '../components/SharingGroupSelect.tsx';
import {
  ReportIncidentFormDocument,
  ReportIncidentOptionsDocument,
  type IncidentCategory,
  type IndicatorInput,
  type IndicatorType,
  type Severity,
  type Tlp,
} from '../gql/graphql.ts';
import { problemsByField } from '../graph/errors.ts';
import { actsForOrganization } from '../graph/permissions.ts';
import { useAction } from '../graph/use-action.ts';
import { useSession } from '../session.tsx';

const CATEGORIES: readonly IncidentCategory[] = [
  'PHISHING',
  'MALWARE',
  'RANSOMWARE',
  'DDOS',
  'INTRUSION',
  'DATA_BREACH',
  'VULNERABILITY_EXPLOITATION',
  'WEB_DEFACEMENT',
  'OTHER',
];
const SEVERITIES: readonly Severity[] = ['BASELINE', 'LOW', 'MEDIUM', 'HIGH', 'SEVERE', 'EMERGENCY'];
const TLPS: readonly Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'];
/** The input paths the API names in its BAD_USER_INPUT errors, one per field of the form. */
const FIELDS = [
  'input.title',
  'input.summary',
  'input.affectedCountryCodes',
  'input.detectedAt',
  'input.indicators',
  'input.sharedWithSharingGroupIds',
] as const;

/**
 * What kind of indicator a line is, so people paste values without naming types; the API
 * normalises and checks each value and says which line it refused.
 */
export function indicatorType(value: string): IndicatorType {
  if (/^https?:\/\//i.test(value)) return 'URL';
  if (/^[^@\s]+@[^@\s]+$/.test(value)) return 'EMAIL';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return 'IPV4';
  if (value.includes(':')) return 'IPV6';
  const hex = /^[0-9a-f]+$/i.test(value) ? value.length : 0;
  const byLength: Record<number, IndicatorType> = {
    32: 'FILE_MD5',
    40: 'FILE_SHA1',
    64: 'FILE_SHA256',
    128: 'FILE_SHA512',
  };
  return byLength[hex] ?? 'DOMAIN';
}

/** The **Report an incident** form: every field checked by the API, its refusals shown at the field. */
export default function ReportIncident() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [, navigate] = useLocation();
  const { data } = useQuery(ReportIncidentOptionsDocument);
  const [report] = useMutation(ReportIncidentFormDocument);
  const action = useAction();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [category, setCategory] = useState<IncidentCategory>('PHISHING');
  const [severity, setSeverity] = useState<Severity>('MEDIUM');
  const [tlp, setTlp] = useState<Tlp>('AMBER');
  const [countries, setCountries] = useState<string[]>([]);
  const [detectedAt, setDetectedAt] = useState('');
  const [indicators, setIndicators] = useState('');
  const [groups, setGroups] = useState<string[]>([]);
  const { byField, general } = problemsByField(action.problems, FIELDS);

  if (!actsForOrganization(session)) {
    return (
      <>
        <h1>{t('report.heading')}</h1>
        <p>
          <Link href="/sign-in">{t('report.signIn')}</Link>
        </p>
      </>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const lines = indicators
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const indicatorInputs: IndicatorInput[] = lines.map((value) => ({ type: indicatorType(value), value }));
    void action.run(async () => {
      const result = await report({
        variables: {
          input: {
            title,
            summary,
            category,
            severity,
            tlp,
            affectedCountryCodes: countries,
            detectedAt: detectedAt ? new Date(detectedAt).toISOString() : null,
            indicators: indicatorInputs,
            sharedWithSharingGroupIds: groups,
          },
        },
      });
      const id = result.data?.reportIncident.id;
      if (id) navigate(`/incidents/${id}`);
    });
  }

  return (
    <>
      <h1>{t('report.heading')}</h1>
      <p>{t('report.intro')}</p>
      <form onSubmit={submit} noValidate className="report-form">
        <Field label={t('report.title')} problem={byField.get('input.title')}>
          <input value={title} onChange={(e) => setTitle(e.target.value)} aria-required="true" />
        </Field>
        <Field label={t('report.summary')} problem={byField.get('input.summary')}>
          <textarea
            rows={5}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            aria-required="true"
          />
        </Field>
        <div className="grid">
          <Field label={t('report.category')}>
            <select value={category} onChange={(e) => setCategory(e.target.value as IncidentCategory)}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('report.severity')}>
            <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`severity.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('report.tlp')}>
            <select value={tlp} onChange={(e) => setTlp(e.target.value as Tlp)}>
              {TLPS.map((l) => (
                <option key={l} value={l}>
                  TLP:{l.replace('_', '+')}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field
          label={t('report.countries')}
          hint={t('report.countriesHint')}
          problem={byField.get('input.affectedCountryCodes')}
        >
          <select
            multiple
            size={6}
            value={countries}
            onChange={(e) => setCountries([...e.target.selectedOptions].map((o) => o.value))}
          >
            {data?.countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('report.detectedAt')} problem={byField.get('input.detectedAt')}>
          <input type="datetime-local" value={detectedAt} onChange={(e) => setDetectedAt(e.target.value)} />
        </Field>
        <Field label={t('report.indicators')} problem={byField.get('input.indicators')}>
          <textarea rows={4} value={indicators} onChange={(e) => setIndicators(e.target.value)} />
        </Field>
        <Field
          label={t('report.groups')}
          hint={t('actions.groupsHint')}
          problem={byField.get('input.sharedWithSharingGroupIds')}
        >
          <SharingGroupSelect value={groups} onChange={setGroups} />
        </Field>
        {byField.size > 0 ? <p role="alert">{t('report.failed')}</p> : null}
        <ActionOutcome problems={general} done={false} />
        <button type="submit" aria-busy={action.running}>
          {t('report.submit')}
        </button>
      </form>
    </>
  );
}
