import { formatRate, passRateOf } from './format';
import type { ResultStatus, RunStatus as RunStatusValue, TestRun } from './types';

/** A run's status, with how far its import has got while it is being imported. */
export function RunStatus(props: { run: Pick<TestRun, 'status' | 'progress'> }) {
  const { status, progress } = props.run;
  const label = status === 'importing' ? importingLabel(progress) : status;
  return (
    <span className={`status test-status test-status-${status}`}>
      {label}
      {status === 'importing' && progress.filesTotal ? (
        <progress
          className="test-progress"
          max={progress.filesTotal}
          value={progress.filesRead}
          aria-label="Files read"
        />
      ) : null}
    </span>
  );
}

function importingLabel(progress: TestRun['progress']): string {
  return progress.filesTotal
    ? `importing ${progress.filesRead} / ${progress.filesTotal} files`
    : `importing, ${progress.filesRead} files read`;
}

/** A test result's status, coloured like Allure's so that readers used to it find their way. */
export function ResultBadge(props: { status: ResultStatus | RunStatusValue | string }) {
  return <span className={`status test-status test-status-${props.status}`}>{props.status}</span>;
}

/** `12 passed, 2 failed, 1 broken, 3 skipped of 18 · 85.7 %`, in one line. */
export function TotalsLine(props: { run: Pick<TestRun, 'totals' | 'status'> }) {
  const { totals } = props.run;
  if (props.run.status !== 'imported') return <span className="muted">—</span>;
  const parts = [
    `${totals.passed} passed`,
    totals.failed ? `${totals.failed} failed` : null,
    totals.broken ? `${totals.broken} broken` : null,
    totals.skipped ? `${totals.skipped} skipped` : null,
    totals.unknown ? `${totals.unknown} unknown` : null,
  ].filter(Boolean);
  return (
    <span>
      {parts.join(', ')} of {totals.total}
      <span className="muted"> · {formatRate(passRateOf(totals))}</span>
    </span>
  );
}
