import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { Problems } from '../../components/Problems.tsx';
import { MechanismComparisonDocument, type ComparisonModule } from '../../gql/graphql.ts';
import { formatDate } from '../../i18n/index.ts';
import { SourceLink } from './DataFlows.tsx';

const MODULES: readonly ComparisonModule[] = [
  'GENERAL',
  'CONTROLLER_TO_CONTROLLER',
  'CONTROLLER_TO_PROCESSOR',
];

/** The ASEAN MCC (controller to controller) beside China's Standard Contract, clause by clause. */
export function MechanismComparison() {
  const { t, i18n } = useTranslation();
  const [module, setModule] = useState<ComparisonModule | ''>('');
  const { data, error } = useQuery(MechanismComparisonDocument, { variables: { module: module || null } });
  const comparison = data?.mechanismComparison;
  return (
    <section aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">{t('flows.comparison')}</h2>
      <label htmlFor="comparison-module">{t('flows.module')}</label>
      <select
        id="comparison-module"
        value={module}
        onChange={(e) => setModule(e.target.value as ComparisonModule | '')}
      >
        <option value="">{t('flows.allModules')}</option>
        {MODULES.map((m) => (
          <option key={m} value={m}>
            {t(`comparisonModule.${m}`)}
          </option>
        ))}
      </select>
      <Problems error={error} />
      {comparison && (!comparison.available || comparison.rows.length === 0) ? (
        <p>{t('flows.notAvailable')}</p>
      ) : null}
      {comparison?.rows.length ? (
        <>
          <p>
            <small>
              {comparison.disclaimer}
              {comparison.preparedOn ? ` · ${formatDate(comparison.preparedOn, i18n.language)}` : ''}
            </small>
          </p>
          <DataTable
            className="striped comparison"
            caption={comparison.title ?? t('flows.comparison')}
            columns={[
              t('flows.topic'),
              comparison.a.title,
              comparison.b.title,
              t('flows.alignment'),
              t('flows.practical'),
            ]}
          >
            {comparison.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  {t(`comparisonTopic.${row.topic}`)}
                  <br />
                  <small>{t(`comparisonModule.${row.module}`)}</small>
                </th>
                {[row.a, row.b].map((clause, index) => (
                  <td key={index}>
                    {clause.reference ? <strong>{clause.reference}: </strong> : null}
                    {clause.summary} <SourceLink url={clause.source.url} />
                  </td>
                ))}
                <td>{t(`alignment.${row.alignment}`)}</td>
                <td>{row.practicalNote}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </section>
  );
}
