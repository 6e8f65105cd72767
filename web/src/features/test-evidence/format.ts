import type { ResultStatus, RunStatus, Totals } from './types';

/** `250 ms`, `4.2 s`, `3 min 5 s`, `1 h 2 min`: a duration as people read it. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

/** A ratio from 0 to 1 as a percentage with one decimal where it matters (`98.5 %`, `100 %`). */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  const percent = rate * 100;
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)} %`;
}

/** The pass rate the API computes: passed over everything that ran (skipped tests left out). */
export function passRateOf(totals: Totals): number | null {
  const ran = totals.total - totals.skipped;
  return ran > 0 ? totals.passed / ran : null;
}

export function shortCommit(sha: string | null | undefined): string {
  return sha ? sha.slice(0, 8) : '—';
}

/** Statuses in the order a bar shows them, with the words a reader sees. */
export const resultStatuses: readonly { status: ResultStatus; label: string }[] = [
  { status: 'passed', label: 'Passed' },
  { status: 'failed', label: 'Failed' },
  { status: 'broken', label: 'Broken' },
  { status: 'skipped', label: 'Skipped' },
  { status: 'unknown', label: 'Unknown' },
];

export const runStatuses: readonly RunStatus[] = ['uploading', 'queued', 'importing', 'imported', 'failed'];

/** Whether a run may still change on its own: the list and the run page poll while it does. */
export function isSettling(status: RunStatus): boolean {
  return status === 'uploading' || status === 'queued' || status === 'importing';
}

/** `1.4 MB`: an attachment's or upload's size. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** Whether a link from a results file may be followed: only http and https, never `javascript:`. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** Parameters as Allure shows them: hidden ones left out, masked ones without their value. */
export function shownParameters(
  parameters: readonly { name: string; value: string; mode?: 'default' | 'hidden' | 'masked' }[],
): { name: string; value: string }[] {
  return parameters
    .filter((parameter) => parameter.mode !== 'hidden')
    .map((parameter) => ({
      name: parameter.name,
      value: parameter.mode === 'masked' ? '******' : parameter.value,
    }));
}
