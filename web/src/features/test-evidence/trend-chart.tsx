import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDuration, formatRate } from './format';
import type { TrendRow } from './trends';

/** Reads a colour the stylesheet gives an element, resolved for the current theme (canvas needs real colours). */
function colourOf(element: Element | null, fallback: string): string {
  return element ? getComputedStyle(element).color || fallback : fallback;
}

/**
 * The time axis spans the periods shown, a day either side of a single one (uPlot's own default
 * for a single point spans years).
 */
function xRange(rows: TrendRow[]): [number, number] {
  const first = Date.parse(rows[0]?.period ?? '') / 1000;
  const last = Date.parse(rows[rows.length - 1]?.period ?? '') / 1000;
  return first === last ? [first - 86_400, last + 86_400] : [first, last];
}

/** Draws the chart into `element` and keeps it as wide as the page; answers how to remove it. */
function drawTrend(element: HTMLElement, legend: HTMLElement | null, rows: TrendRow[]): () => void {
  const rateColour = colourOf(legend?.querySelector('.trend-rate') ?? null, '#157347');
  const durationColour = colourOf(legend?.querySelector('.trend-duration') ?? null, '#1f5fbf');
  const axisColour = colourOf(element, '#56616f');
  const data: uPlot.AlignedData = [
    rows.map((row) => Date.parse(row.period) / 1000),
    rows.map((row) => (row.passRate === null ? null : row.passRate * 100)),
    rows.map((row) => (row.avgDurationMs === null ? null : row.avgDurationMs / 1000)),
  ];
  const width = () => Math.max(280, element.clientWidth);
  const chart = new uPlot(
    {
      width: width(),
      height: 220,
      legend: { show: false },
      scales: {
        x: { time: true, range: xRange(rows) },
        rate: { range: [0, 100] },
        seconds: { range: (_u, _min, max) => [0, max * 1.1 || 1] },
      },
      series: [
        {},
        {
          label: 'Pass rate',
          scale: 'rate',
          stroke: rateColour,
          width: 2,
          spanGaps: true,
          points: { show: true },
        },
        {
          label: 'Mean duration',
          scale: 'seconds',
          stroke: durationColour,
          width: 2,
          dash: [6, 4],
          spanGaps: true,
          points: { show: true },
        },
      ],
      axes: [
        { stroke: axisColour, grid: { show: false } },
        {
          scale: 'rate',
          stroke: axisColour,
          size: 56,
          values: (_u, ticks) => ticks.map((tick) => `${tick} %`),
        },
        {
          scale: 'seconds',
          side: 1,
          size: 56,
          stroke: axisColour,
          grid: { show: false },
          values: (_u, ticks) => ticks.map((tick) => `${tick} s`),
        },
      ],
    },
    data,
    element,
  );
  const resize = new ResizeObserver(() => chart.setSize({ width: width(), height: 220 }));
  resize.observe(element);
  return () => {
    resize.disconnect();
    chart.destroy();
  };
}

/**
 * Pass rate (left axis) and mean run duration (right axis) per period, drawn by uPlot on a canvas.
 * The canvas is described for screen readers by `summary`; the table under it holds every figure.
 */
export function TrendChart(props: { rows: TrendRow[]; summary: string }) {
  const host = useRef<HTMLDivElement>(null);
  const legend = useRef<HTMLUListElement>(null);
  const { rows } = props;
  useEffect(() => {
    const element = host.current;
    return element ? drawTrend(element, legend.current, rows) : undefined;
  }, [rows]);
  return (
    <figure className="test-trend">
      <figcaption>Pass rate and mean run duration over time</figcaption>
      <div ref={host} className="test-trend-canvas" role="img" aria-label={props.summary} />
      <ul className="legend" ref={legend} aria-hidden="true">
        <li>
          <span className="swatch trend-rate" /> Pass rate (left axis)
        </li>
        <li>
          <span className="swatch trend-duration" /> Mean run duration (right axis, dashed)
        </li>
      </ul>
      <details>
        <summary>Show as a table</summary>
        <TrendTable rows={rows} />
      </details>
    </figure>
  );
}

function TrendTable(props: { rows: TrendRow[] }) {
  return (
    <table className="list">
      <caption className="visually-hidden">Pass rate and mean duration per period</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col">Runs</th>
          <th scope="col">Pass rate</th>
          <th scope="col">Mean duration</th>
        </tr>
      </thead>
      <tbody>
        {[...props.rows].reverse().map((row) => (
          <tr key={row.period}>
            <td>{row.period.slice(0, 10)}</td>
            <td>{row.runs}</td>
            <td>{formatRate(row.passRate)}</td>
            <td>{formatDuration(row.avgDurationMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the chart shows, in a sentence: its first and last figures and their range. */
export function trendSummary(rows: TrendRow[]): string {
  const rated = rows.filter((row) => row.passRate !== null);
  const first = rated[0];
  const last = rated[rated.length - 1];
  const runs = rows.reduce((sum, row) => sum + row.runs, 0);
  if (!first || !last) return `${runs} runs, none with a pass rate.`;
  return `${runs} runs over ${rows.length} periods from ${first.period.slice(0, 10)} to ${last.period.slice(0, 10)}: pass rate from ${formatRate(first.passRate)} to ${formatRate(last.passRate)}, mean duration from ${formatDuration(first.avgDurationMs)} to ${formatDuration(last.avgDurationMs)}.`;
}
