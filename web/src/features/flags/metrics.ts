import type { Metrics } from './types.ts';

/** One bar of the evaluations chart: a period's counts per series. */
export interface Bar {
  time: string;
  counts: Record<string, number>;
  total: number;
}

/** The period a chart covers: a bar for every hour or day from `from` to `to`, empty ones included. */
export interface Period {
  from: Date;
  to: Date;
  bucket: 'hour' | 'day';
}

const bucketLength = { hour: 3_600_000, day: 86_400_000 };

/** The start (UTC) of the hour or day a time falls in, as the API buckets its counts. */
function bucketStart(time: number, bucket: Period['bucket']): number {
  return Math.floor(time / bucketLength[bucket]) * bucketLength[bucket];
}

/** An empty bar for every bucket of the period, so that quiet hours or days show as gaps. */
function emptyBars(period: Period): Map<string, Bar> {
  const bars = new Map<string, Bar>();
  const last = bucketStart(period.to.getTime(), period.bucket);
  for (
    let at = bucketStart(period.from.getTime(), period.bucket);
    at <= last;
    at += bucketLength[period.bucket]
  ) {
    const time = new Date(at).toISOString();
    bars.set(time, { time, counts: {}, total: 0 });
  }
  return bars;
}

/**
 * What the bars stack: yes/no for a flag without variants, else each variant's count. With a
 * period, every bucket of it gets a bar, empty or not.
 */
export function barsOf(metrics: Metrics, period?: Period): { bars: Bar[]; series: string[] } {
  const byVariant = metrics.series.some((point) => point.variant !== '');
  const series = byVariant
    ? [...new Set(metrics.series.map((point) => point.variant || '(none)'))]
    : ['yes', 'no'];
  const bars = period ? emptyBars(period) : new Map<string, Bar>();
  for (const point of metrics.series) {
    const time = period
      ? new Date(bucketStart(Date.parse(point.time), period.bucket)).toISOString()
      : point.time;
    const bar = bars.get(time) ?? { time, counts: {}, total: 0 };
    const add = (name: string, count: number) => {
      bar.counts[name] = (bar.counts[name] ?? 0) + count;
      bar.total += count;
    };
    if (byVariant) add(point.variant || '(none)', point.yes + point.no);
    else {
      add('yes', point.yes);
      add('no', point.no);
    }
    bars.set(time, bar);
  }
  return { bars: [...bars.values()].sort((a, b) => a.time.localeCompare(b.time)), series };
}
