import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useId } from 'react';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  colour?: string | undefined;
}

const WIDTH = 480;
const ROW = 28;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 40;

/**
 * A horizontal bar chart (visx) that screen readers get as one image with a summary, followed by
 * the same numbers as a table, visually hidden.
 */
export function BarChart({ title, summary, data }: { title: string; summary: string; data: BarDatum[] }) {
  const titleId = useId();
  const height = Math.max(ROW, data.length * ROW);
  const x = scaleLinear({
    domain: [0, Math.max(1, ...data.map((d) => d.value))],
    range: [0, WIDTH - LABEL_WIDTH - VALUE_WIDTH],
  });
  const y = scaleBand({ domain: data.map((d) => d.key), range: [0, height], padding: 0.2 });
  return (
    <figure className="chart">
      <figcaption id={titleId}>
        <strong>{title}</strong> <small>{summary}</small>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={titleId}>
        {data.map((d) => {
          const top = y(d.key) ?? 0;
          const middle = top + y.bandwidth() / 2;
          return (
            <Group key={d.key}>
              <text
                x={LABEL_WIDTH - 8}
                y={middle}
                textAnchor="end"
                dominantBaseline="middle"
                className="chart-label"
              >
                {d.label}
              </text>
              <Bar
                x={LABEL_WIDTH}
                y={top}
                width={Math.max(2, x(d.value))}
                height={y.bandwidth()}
                fill={d.colour ?? '#1d5fa8'}
              />
              <text
                x={LABEL_WIDTH + x(d.value) + 6}
                y={middle}
                dominantBaseline="middle"
                className="chart-value"
              >
                {d.value}
              </text>
            </Group>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {data.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.label}</th>
              <td>{d.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
