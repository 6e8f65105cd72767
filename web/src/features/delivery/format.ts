import type { DoraTier, SyncRun, WindowDays } from './types';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/** `45 s`, `12 min`, `5 h 20 min`, `3 d 4 h`: a lead time as people read it, to two units at most. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < minuteMs) return `${Math.round(ms / 1000)} s`;
  if (ms < hourMs) return `${Math.round(ms / minuteMs)} min`;
  if (ms < dayMs) {
    const minutes = Math.round(ms / minuteMs);
    return joinUnits(Math.floor(minutes / 60), 'h', minutes % 60, 'min');
  }
  const hours = Math.round(ms / hourMs);
  return joinUnits(Math.floor(hours / 24), 'd', hours % 24, 'h');
}

function joinUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`;
}

/** A figure with two decimals at most, trailing zeros dropped (`0.47`, `2`, `12.5`). */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** A share from 0 to 1 as a percentage (`12.5 %`). */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${formatNumber(share * 100)} %`;
}

/** Deployment frequency per day when at least daily, else per week: the unit a team thinks in. */
export function formatFrequency(perDay: number | null, perWeek: number | null): string {
  if (perDay === null) return '—';
  if (perDay >= 1) return `${formatNumber(perDay)} / day`;
  return `${formatNumber(perWeek ?? perDay * 7)} / week`;
}

export const tierLabels: Record<DoraTier, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/**
 * The window the dashboard asks about: the last `days` days up to the end of today (UTC), so the
 * query keys stay the same all day long and today's deployments count.
 */
export function windowOf(days: WindowDays, now = Date.now()): { from: string; to: string } {
  const endOfToday = Math.floor(now / dayMs) * dayMs + dayMs;
  return { from: new Date(endOfToday - days * dayMs).toISOString(), to: new Date(endOfToday).toISOString() };
}

/** Whether a sync run may still change on its own: the runs list polls while one does. */
export function isSyncing(status: SyncRun['status']): boolean {
  return status === 'queued' || status === 'running';
}

/** The month (`YYYY-MM`, UTC) of a time, for the contributors filter. */
export function monthOf(time: number): string {
  return new Date(time).toISOString().slice(0, 7);
}

/** The months of the window, newest first, as the contributors filter offers them. */
export function monthsOf(window: { from: string; to: string }): string[] {
  const months: string[] = [];
  const last = Date.parse(window.to) - 1;
  const cursor = new Date(Date.parse(window.from));
  cursor.setUTCDate(1);
  while (cursor.getTime() <= last) {
    months.unshift(monthOf(cursor.getTime()));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}
