import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlignmentMatrixQuery, Stance } from '../../gql/graphql.ts';
import { formatDate } from '../../i18n/index.ts';

type Row = AlignmentMatrixQuery['alignmentMatrix'][number];
type Entry = Row['entries'][number];

/** Colour-blind-safe fills (ColorBrewer's diverging PuOr plus grey) with a symbol, so colour is never the only cue. */
const STANCE_STYLE: Record<Stance, { fill: string; text: string; symbol: string }> = {
  SUPPORTS: { fill: '#2d004b', text: '#ffffff', symbol: '++' },
  SUPPORTS_WITH_RESERVATIONS: { fill: '#8073ac', text: '#ffffff', symbol: '+' },
  NEUTRAL: { fill: '#f7f7f7', text: '#111827', symbol: '○' },
  OPPOSES: { fill: '#b35806', text: '#ffffff', symbol: '−' },
  NO_STATED_POSITION: { fill: '#ffffff', text: '#4b5563', symbol: '·' },
};
const STANCES = Object.keys(STANCE_STYLE) as Stance[];

/**
 * Countries × topics as a table whose cells are coloured by stance: a real table, so screen
 * readers announce row and column headers; each stated cell is a button that shows the
 * position's summary, source and date on hover or focus (and keeps it shown when pressed).
 */
export function Heatmap({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | null>(null);
  const countries = new Map<string, string>();
  for (const row of rows)
    for (const entry of row.entries) countries.set(entry.country.code, entry.country.name);
  const cell = (row: Row, code: string): Entry | undefined =>
    row.entries.find((e) => e.country.code === code);
  const detail = rows
    .flatMap((row) => row.entries.map((e) => ({ row, e })))
    .find(({ row, e }) => `${row.topic.slug}:${e.country.code}` === shown);
  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">{t('policy.matrix')}</h2>
      <p id="matrix-hint">{t('policy.matrixHint')}</p>
      <ul className="legend" aria-label={t('policy.legend')}>
        {STANCES.map((stance) => (
          <li key={stance}>
            <span
              className="swatch"
              style={{ background: STANCE_STYLE[stance].fill, color: STANCE_STYLE[stance].text }}
              aria-hidden="true"
            >
              {STANCE_STYLE[stance].symbol}
            </span>
            {t(`stance.${stance}`)}
          </li>
        ))}
      </ul>
      <div className="table-scroll heatmap-scroll" tabIndex={0} aria-labelledby="matrix-heading">
        <table className="heatmap" aria-describedby="matrix-hint">
          <thead>
            <tr>
              <th scope="col">{t('policy.country')}</th>
              {rows.map((row) => (
                <th scope="col" key={row.topic.slug}>
                  {row.topic.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...countries].map(([code, name]) => (
              <tr key={code}>
                <th scope="row">{name}</th>
                {rows.map((row) => {
                  const entry = cell(row, code);
                  const stance = entry?.stance ?? 'NO_STATED_POSITION';
                  const style = STANCE_STYLE[stance];
                  const key = `${row.topic.slug}:${code}`;
                  const label = `${name}, ${row.topic.name}: ${t(`stance.${stance}`)}`;
                  return (
                    <td key={row.topic.slug} style={{ background: style.fill, color: style.text }}>
                      {entry?.position ? (
                        <button
                          type="button"
                          className="cell"
                          aria-label={label}
                          title={`${label} · ${entry.position.statedOn} · ${entry.position.source.title}`}
                          aria-expanded={shown === key}
                          aria-controls="matrix-detail"
                          onMouseEnter={() => setShown(key)}
                          onFocus={() => setShown(key)}
                          onClick={() => setShown(key)}
                          style={{ color: style.text }}
                        >
                          {style.symbol}
                        </button>
                      ) : (
                        <span aria-label={label} role="img">
                          {style.symbol}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div id="matrix-detail" className="matrix-detail" aria-live="polite">
        {detail?.e.position ? <Position row={detail.row} entry={detail.e} /> : null}
      </div>
    </section>
  );
}

function Position({ row, entry }: { row: Row; entry: Entry }) {
  const { t, i18n } = useTranslation();
  const position = entry.position!;
  return (
    <article>
      <h3>
        {entry.country.name} · {row.topic.name}: {t(`stance.${entry.stance}`)}
      </h3>
      <p>{position.summary}</p>
      <p>
        <small>
          {t('policy.stated', { date: formatDate(position.statedOn, i18n.language) })} · {t('policy.source')}:{' '}
          <a href={position.source.url} rel="noreferrer" target="_blank">
            {position.source.title}
          </a>
        </small>
      </p>
    </article>
  );
}
