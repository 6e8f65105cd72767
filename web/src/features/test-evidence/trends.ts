import type { TrendPoint } from './types';

/** One period of the chart: every branch's runs of that period taken together. */
export interface TrendRow {
  period: string;
  runs: number;
  /** 0..1, null when nothing ran. */
  passRate: number | null;
  avgDurationMs: number | null;
}

/**
 * The API answers one row per period and branch; without a branch filter the chart shows the
 * project as a whole, so rows of a period are merged, each weighted by its number of runs.
 */
export function mergeTrend(points: readonly TrendPoint[]): TrendRow[] {
  const byPeriod = new Map<string, TrendPoint[]>();
  for (const point of points) byPeriod.set(point.period, [...(byPeriod.get(point.period) ?? []), point]);
  return [...byPeriod.entries()]
    .sort(([a], [b]) => Date.parse(a) - Date.parse(b))
    .map(([period, rows]) => ({
      period,
      runs: rows.reduce((sum, row) => sum + row.runs, 0),
      passRate: weighted(rows, (row) => row.passRate),
      avgDurationMs: weighted(rows, (row) => row.avgDurationMs),
    }));
}

function weighted(rows: readonly TrendPoint[], value: (row: TrendPoint) => number | null): number | null {
  let sum = 0;
  let weight = 0;
  for (const row of rows) {
    const v = value(row);
    if (v === null || !Number.isFinite(v) || row.runs === 0) continue;
    sum += v * row.runs;
    weight += row.runs;
  }
  return weight > 0 ? sum / weight : null;
}
