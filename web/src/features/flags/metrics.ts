import type { Metrics } from './types.ts';

/** One bar of the evaluations chart: a period's counts per series. */
export interface Bar {
  time: string;
  counts: Record<string, number>;
  total: number;
}

/** What the bars stack: yes/no for a flag without variants, else each variant's count. */
export function barsOf(metrics: Metrics): { bars: Bar[]; series: string[] } {
  const byVariant = metrics.series.some((point) => point.variant !== '');
  const series = byVariant
    ? [...new Set(metrics.series.map((point) => point.variant || '(none)'))]
    : ['yes', 'no'];
  const bars = new Map<string, Bar>();
  for (const point of metrics.series) {
    const bar = bars.get(point.time) ?? { time: point.time, counts: {}, total: 0 };
    const add = (name: string, count: number) => {
      bar.counts[name] = (bar.counts[name] ?? 0) + count;
      bar.total += count;
    };
    if (byVariant) add(point.variant || '(none)', point.yes + point.no);
    else {
      add('yes', point.yes);
      add('no', point.no);
    }
    bars.set(point.time, bar);
  }
  return { bars: [...bars.values()].sort((a, b) => a.time.localeCompare(b.time)), series };
}
