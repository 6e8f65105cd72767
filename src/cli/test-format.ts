import type { FileProblem, StatusTotals, TestRun } from './test-types.ts';

/** Passed over everything that ran (skipped tests did not), as the gate's passRate counts it. */
export function passRate(totals: StatusTotals): number | null {
  const ran = totals.total - totals.skipped;
  return ran > 0 ? totals.passed / ran : null;
}

export function formatPercent(share: number | null): string {
  if (share === null) return '—';
  const percent = share * 100;
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}

/** `1.2 s`, `340 ms`, `2 m 05 s`. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} m ${String(seconds % 60).padStart(2, '0')} s`;
}

/** `12 tests: 9 passed, 1 failed, 1 broken, 1 skipped (pass rate 81.8%)`. */
export function totalsLine(totals: StatusTotals): string {
  const parts = (['passed', 'failed', 'broken', 'skipped', 'unknown'] as const)
    .filter((status) => status === 'passed' || totals[status] > 0)
    .map((status) => `${totals[status]} ${status}`);
  return `${totals.total} test${totals.total === 1 ? '' : 's'}: ${parts.join(', ')} (pass rate ${formatPercent(passRate(totals))})`;
}

/** Where a run came from: `main @ a1b2c3d4e5f6 (staging)`. */
export function originOf(run: TestRun): string {
  const parts = [run.branch, run.commitSha && `@ ${run.commitSha.slice(0, 12)}`].filter(Boolean);
  const origin = parts.length > 0 ? parts.join(' ') : 'no branch';
  return run.environment ? `${origin} (${run.environment})` : origin;
}

export function problemLines(problems: FileProblem[], indent = '  '): string[] {
  return problems.map((problem) => `${indent}${problem.file}: ${problem.message}`);
}

/** A table of plain columns, each as wide as its widest cell; the last column is left ragged. */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, cell.length);
    });
  return rows
    .map((row) =>
      row
        .map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
