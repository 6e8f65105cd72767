import { useId } from 'react';
import { decisionStatuses } from './lifecycle';

export interface ChartPoint {
  /** When the decision was taken, `YYYY-MM-DD`. */
  date: string;
  status: string;
}

interface Month {
  key: string;
  label: string;
  counts: Record<string, number>;
  total: number;
}

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
/** More months than this would make bars too thin to read; the latest ones are shown. */
const maxMonths = 36;

/** Every month from the first decision's to the last one's, empty months included, with counts by status. */
export function monthsOf(points: ChartPoint[]): Month[] {
  const keys = points.map((point) => point.date.slice(0, 7)).sort();
  const first = keys[0];
  const last = keys[keys.length - 1];
  if (!first || !last) return [];
  const months: Month[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let key = first; key <= last; ) {
    const counts: Record<string, number> = {};
    for (const point of points) {
      if (point.date.startsWith(key)) counts[point.status] = (counts[point.status] ?? 0) + 1;
    }
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    months.push({ key, label: monthFormat.format(Date.UTC(year, month - 1, 1)), counts, total });
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    key = `${year}-${String(month).padStart(2, '0')}`;
  }
  return months.slice(-maxMonths);
}

/**
 * How many decisions were taken each month, and where they stand now: one bar per month, stacked
 * by status. The picture is an SVG with a text alternative; the numbers are in a table below it.
 */
export function MonthChart(props: { points: ChartPoint[]; title: string }) {
  const id = useId();
  const months = monthsOf(props.points);
  const statuses = decisionStatuses.filter((status) => props.points.some((point) => point.status === status));
  const busiest = months.reduce<Month | undefined>(
    (best, month) => (best && best.total >= month.total ? best : month),
    undefined,
  );
  const summary = busiest
    ? `${props.points.length} decisions over ${months.length} months; the busiest was ${busiest.label} with ${busiest.total}.`
    : 'No decisions.';
  return (
    <figure className="month-chart">
      <Bars months={months} statuses={statuses} title={props.title} summary={summary} id={id} />
      <ul className="legend" aria-hidden="true">
        {statuses.map((status) => (
          <li key={status}>
            <span className={`swatch bar-${status}`} /> {status}
          </li>
        ))}
      </ul>
      <details>
        <summary>Show as a table</summary>
        <MonthTable months={months} statuses={statuses} caption={props.title} />
      </details>
    </figure>
  );
}

const height = 180;
const barWidth = 28;
const gap = 14;
const left = 32;
const bottom = 24;

function Bars(props: { months: Month[]; statuses: string[]; title: string; summary: string; id: string }) {
  const { months } = props;
  const most = Math.max(1, ...months.map((month) => month.total));
  const scale = (height - bottom - 8) / most;
  const width = left + months.length * (barWidth + gap) + gap;
  // A label is wider than a bar: with many months, every third is labelled, so labels never overlap.
  const labelEvery = months.length > 12 ? 3 : 1;
  return (
    <svg
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.summary}</desc>
      <line className="axis" x1={left} x2={width} y1={height - bottom} y2={height - bottom} />
      <text className="tick" x={left - 6} y={height - bottom} textAnchor="end">
        0
      </text>
      <text className="tick" x={left - 6} y={height - bottom - most * scale + 4} textAnchor="end">
        {most}
      </text>
      {months.map((month, index) => {
        const x = left + gap + index * (barWidth + gap);
        let y = height - bottom;
        return (
          <g key={month.key}>
            {props.statuses.map((status) => {
              const count = month.counts[status] ?? 0;
              if (count === 0) return null;
              y -= count * scale;
              return (
                <rect
                  key={status}
                  className={`bar-${status}`}
                  x={x}
                  y={y}
                  width={barWidth}
                  height={count * scale}
                >
                  <title>{`${month.label}: ${count} ${status}`}</title>
                </rect>
              );
            })}
            {index % labelEvery === 0 ? (
              <text className="tick" x={x + barWidth / 2} y={height - 8} textAnchor="middle">
                {month.label.replace(/ \d{2}(\d{2})$/, ' ’$1')}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

function MonthTable(props: { months: Month[]; statuses: string[]; caption: string }) {
  return (
    <table className="list">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          {props.statuses.map((status) => (
            <th key={status} scope="col">
              {status}
            </th>
          ))}
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {props.months.map((month) => (
          <tr key={month.key}>
            <th scope="row">{month.label}</th>
            {props.statuses.map((status) => (
              <td key={status}>{month.counts[status] ?? 0}</td>
            ))}
            <td>{month.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
