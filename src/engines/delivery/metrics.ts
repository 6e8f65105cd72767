// Statistics the delivery metrics are made of: percentiles, calendar buckets and DORA's tiers.

const dayMs = 86_400_000;
const hourMs = 3_600_000;

/**
 * The p-th percentile (p from 0 to 1) by linear interpolation between the closest ranks, as
 * PostgreSQL's percentile_cont computes it; null when there are no values.
 */
export function percentile(values: number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be within 0 and 1, not ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const below = Math.floor(rank);
  const lowValue = sorted[below] ?? 0;
  const highValue = sorted[Math.ceil(rank)] ?? lowValue;
  return lowValue + (highValue - lowValue) * (rank - below);
}

export const median = (values: number[]): number | null => percentile(values, 0.5);

/** The first day (`YYYY-MM-DD`, UTC) of the week (starting Monday) or month holding `iso`. */
export function bucketStart(iso: string, interval: 'week' | 'month'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`bucketStart: not a date-time: ${iso}`);
  if (interval === 'month') return `${date.toISOString().slice(0, 7)}-01`;
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  const monday = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - daysSinceMonday);
  return new Date(monday).toISOString().slice(0, 10);
}

/** The month (`YYYY-MM`, UTC) holding `iso`. */
export const monthOf = (iso: string): string => new Date(iso).toISOString().slice(0, 7);

export type DoraMetric = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'timeToRestore';
export type DoraTier = 'elite' | 'high' | 'medium' | 'low';

interface DoraBand {
  unit: string;
  /** Whether more is better (deployment frequency) or less is (the rest). */
  better: 'higher' | 'lower';
  /** Whether a value equal to a threshold reaches that tier. */
  inclusive: boolean;
  elite: number;
  high: number;
  medium: number;
}

/**
 * The performance bands of DORA's Accelerate State of DevOps Report 2023 (Google Cloud,
 * https://dora.dev/research/2023/dora-report/). A month is taken as 30 days.
 */
export const doraBands: Record<DoraMetric, DoraBand> = {
  /** On demand (at least daily) · at least weekly · at least monthly · less often. */
  deploymentFrequency: {
    unit: 'deployments per day',
    better: 'higher',
    inclusive: true,
    elite: 1,
    high: 1 / 7,
    medium: 1 / 30,
  },
  /** Under a day · under a week · under a month · longer. */
  leadTime: {
    unit: 'ms',
    better: 'lower',
    inclusive: false,
    elite: dayMs,
    high: 7 * dayMs,
    medium: 30 * dayMs,
  },
  /** At most 5 % · at most 10 % · at most 15 % · more (as a fraction of deployments). */
  changeFailureRate: {
    unit: 'fraction',
    better: 'lower',
    inclusive: true,
    elite: 0.05,
    high: 0.1,
    medium: 0.15,
  },
  /** Under an hour · under a day · under a week · longer. */
  timeToRestore: {
    unit: 'ms',
    better: 'lower',
    inclusive: false,
    elite: hourMs,
    high: dayMs,
    medium: 7 * dayMs,
  },
};

function reaches(band: DoraBand, value: number, threshold: number): boolean {
  if (band.better === 'higher') return band.inclusive ? value >= threshold : value > threshold;
  return band.inclusive ? value <= threshold : value < threshold;
}

/** The DORA tier of a metric's value, or null when there is no value. */
export function doraTier(metric: DoraMetric, value: number | null): DoraTier | null {
  if (value === null || Number.isNaN(value)) return null;
  const band = doraBands[metric];
  if (reaches(band, value, band.elite)) return 'elite';
  if (reaches(band, value, band.high)) return 'high';
  if (reaches(band, value, band.medium)) return 'medium';
  return 'low';
}
