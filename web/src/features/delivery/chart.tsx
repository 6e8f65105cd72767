import { type ReactNode, useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const chartHeight = 220;

/** Reads the colour the stylesheet gives an element, resolved for the current theme (canvas needs real colours). */
export function colourOf(element: Element | null | undefined, fallback: string): string {
  return element ? getComputedStyle(element).color || fallback : fallback;
}

/** What a chart needs besides its data: the series and scales, given the colours read from the legend. */
export type ChartOptions = (colours: {
  axis: string;
  swatch: (className: string, fallback: string) => string;
}) => Omit<uPlot.Options, 'width' | 'height'>;

/** Draws a uPlot chart into `element` and keeps it as wide as the page; answers how to remove it. */
function draw(
  element: HTMLElement,
  legend: HTMLElement | null,
  options: ChartOptions,
  data: uPlot.AlignedData,
) {
  const axis = colourOf(element, '#56616f');
  const swatch = (className: string, fallback: string) =>
    colourOf(legend?.querySelector(`.${className}`), fallback);
  const width = () => Math.max(280, element.clientWidth);
  const chart = new uPlot(
    { ...options({ axis, swatch }), width: width(), height: chartHeight, legend: { show: false } },
    data,
    element,
  );
  const resize = new ResizeObserver(() => chart.setSize({ width: width(), height: chartHeight }));
  resize.observe(element);
  return () => {
    resize.disconnect();
    chart.destroy();
  };
}

/**
 * A chart on a canvas, described for screen readers by `summary`, its legend (whose swatches give
 * the series their colours) and a table with every figure under "Show as a table".
 */
export function Chart(props: {
  caption: string;
  summary: string;
  options: ChartOptions;
  data: uPlot.AlignedData;
  legend: readonly { className: string; label: string }[];
  table: ReactNode;
}) {
  const host = useRef<HTMLDivElement>(null);
  const legend = useRef<HTMLUListElement>(null);
  const { options, data } = props;
  useEffect(() => {
    const element = host.current;
    return element ? draw(element, legend.current, options, data) : undefined;
  }, [options, data]);
  return (
    <figure className="delivery-chart">
      <figcaption>{props.caption}</figcaption>
      <div ref={host} className="delivery-chart-canvas" role="img" aria-label={props.summary} />
      <ul className="legend" ref={legend} aria-hidden="true">
        {props.legend.map((entry) => (
          <li key={entry.className}>
            <span className={`swatch ${entry.className}`} /> {entry.label}
          </li>
        ))}
      </ul>
      <details>
        <summary>Show as a table</summary>
        {props.table}
      </details>
    </figure>
  );
}

/** Seconds since the epoch of a `YYYY-MM-DD` bucket or an ISO time: uPlot's time axis. */
export function epochSeconds(iso: string): number {
  return Date.parse(iso) / 1000;
}

/**
 * The time axis spans the points shown and `padSeconds` either side, so bars at the ends show
 * whole (uPlot's own default for a single point spans years).
 */
export function timeRange(xs: readonly number[], padSeconds = 86_400): [number, number] {
  const first = xs[0] ?? 0;
  const last = xs[xs.length - 1] ?? first;
  return [first - padSeconds, last + padSeconds];
}

/** Half a bucket, in seconds: the room either side of the first and last bars. */
export function halfBucket(interval: 'week' | 'month'): number {
  return (interval === 'week' ? 3.5 : 15) * 86_400;
}

/** Bars for a series (uPlot draws them from zero, so stacked ones are drawn tallest first). */
export const bars = uPlot.paths.bars?.({ size: [0.6, 48] });

/** No line between points: a scatter. */
export const noLine = () => null;
