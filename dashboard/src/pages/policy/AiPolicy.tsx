import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { Problems } from '../../components/Problems.tsx';
import { AlignmentMatrixDocument, CrosswalkDocument, type MappingRelation } from '../../gql/graphql.ts';
import { Heatmap } from './Heatmap.tsx';

/** The AI-policy page: the alignment matrix as a heatmap, and the standards crosswalk. */
export default function AiPolicy() {
  const { t } = useTranslation();
  const { data, error } = useQuery(AlignmentMatrixDocument);
  return (
    <>
      <h1>{t('policy.heading')}</h1>
      <p>{t('policy.intro')}</p>
      <Problems error={error} />
      {data ? (
        <>
          <Heatmap rows={data.alignmentMatrix} />
          <Crosswalk frameworks={data.frameworks} />
        </>
      ) : error ? null : (
        <p aria-busy="true">{t('policy.loading')}</p>
      )}
    </>
  );
}

function Crosswalk({ frameworks }: { frameworks: { slug: string; name: string }[] }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(frameworks[0]?.slug ?? '');
  const [to, setTo] = useState(frameworks[1]?.slug ?? '');
  const { data, error } = useQuery(CrosswalkDocument, { variables: { from, to }, skip: !from || !to });
  const mappings = data?.crosswalk ?? [];
  const picker = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        {frameworks.map((f) => (
          <option key={f.slug} value={f.slug}>
            {f.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section aria-labelledby="crosswalk-heading">
      <h2 id="crosswalk-heading">{t('policy.crosswalk')}</h2>
      <div className="grid">
        {picker('crosswalk-from', t('policy.from'), from, setFrom)}
        {picker('crosswalk-to', t('policy.to'), to, setTo)}
      </div>
      <Problems error={error} />
      {data && mappings.length === 0 ? <p>{t('policy.noMappings')}</p> : null}
      {mappings.length ? (
        <DataTable
          className="striped"
          caption={t('policy.crosswalk')}
          columns={[t('policy.principle'), t('policy.relation'), t('policy.mapsTo'), t('policy.note')]}
        >
          {mappings.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                {m.from.reference ? `${m.from.reference} ` : ''}
                {m.from.name}
              </th>
              <td>{t(`relation.${m.relation as MappingRelation}`)}</td>
              <td>
                {m.to.reference ? `${m.to.reference} ` : ''}
                {m.to.name}
              </td>
              <td>{m.note}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
