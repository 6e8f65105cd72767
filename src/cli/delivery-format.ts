import type { ApiClient } from './api-client.ts';
import type { DoraFigure, DoraMetrics, Percentiles } from './delivery-types.ts';
import { findProject } from './lookup.ts';
import { formatPercent, table } from './test-format.ts';

// Delivery figures as people read them: durations in minutes, hours and days rather than ms,
// DORA's keys with their tiers, and the paths of a project's delivery API.

const minuteMs = 60_000;
const hourMs = 3_600_000;

/** `45 s`, `12 min`, `3 h 20 min`, `2 d 5 h`: as precise as a delivery figure needs to be. */
export function humanDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < minuteMs) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.round(ms / minuteMs);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const rest = minutes % 60;
    return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
  }
  const hours = Math.round(ms / hourMs);
  const rest = hours % 24;
  return rest === 0 ? `${Math.floor(hours / 24)} d` : `${Math.floor(hours / 24)} d ${rest} h`;
}

/** A figure rounded for reading: at most `digits` decimals, no trailing zeros. */
export const rounded = (value: number, digits = 2): string => String(Number(value.toFixed(digits)));

export const percentileCells = (figures: Percentiles): string[] => [
  humanDuration(figures.p50),
  humanDuration(figures.p75),
  humanDuration(figures.p90),
];

/** A comma-separated option as a list: `"In Progress, In Review"` → two names. */
export function listOf(value: unknown): string[] {
  return String(value)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** `2026-01-01` → `2026-01-01T00:00:00.000Z`: the API takes date-times with an offset. */
export function dateTimeOption(value: unknown, option: string): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(time))
    throw new Error(`${option} takes a date (2026-01-31) or an ISO date-time, not ${text}`);
  return new Date(time).toISOString();
}

function doraValue(
  name: keyof Omit<DoraMetrics, 'from' | 'to'>,
  figure: DoraFigure & { deploysPerWeek?: number | null },
) {
  if (figure.value === null) return '—';
  if (name === 'deploymentFrequency')
    return `${rounded(figure.value)}/day (${rounded(figure.deploysPerWeek ?? figure.value * 7, 1)}/week)`;
  if (name === 'changeFailureRate') return formatPercent(figure.value);
  return humanDuration(figure.value);
}

/** DORA's four keys as a table: value, tier and how many items each is computed from. */
export function doraText(dora: DoraMetrics): string {
  const rows = (
    [
      ['deploymentFrequency', 'deployment frequency'],
      ['leadTimeForChanges', 'lead time for changes'],
      ['changeFailureRate', 'change failure rate'],
      ['timeToRestore', 'time to restore'],
    ] as const
  ).map(([name, label]) => {
    const figure = dora[name];
    return [label, doraValue(name, figure), figure.tier ?? '—', String(figure.sample)];
  });
  return [`DORA, ${dora.from} → ${dora.to}:`, table([['KEY', 'VALUE', 'TIER', 'SAMPLE'], ...rows])].join(
    '\n',
  );
}

export const projectBase = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}`;

/** The delivery API base of a project named by key or id. */
export async function deliveryBase(client: ApiClient, project: string): Promise<string> {
  return projectBase((await findProject(client, project)).id);
}
