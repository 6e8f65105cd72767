import type { SagaStatus, SagaStepRun, SagaWait } from './types';

export const statusLabels: Record<SagaStatus, string> = {
  pending: 'Pending',
  running: 'Running',
  waiting: 'Waiting',
  compensating: 'Undoing',
  completed: 'Completed',
  failed: 'Failed (undone)',
  compensation_failed: 'Undo failed',
  cancelled: 'Cancelled',
};

/** Statuses in which nothing drives the saga any more: no need to keep asking for it. */
export function isSettled(status: SagaStatus): boolean {
  return (
    status === 'completed' ||
    status === 'failed' ||
    status === 'cancelled' ||
    status === 'compensation_failed'
  );
}

/** `850 ms`, `2.4 s`, `3 min 5 s`. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return 'running';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** What a waiting saga waits for, in a sentence. */
export function describeWait(wait: SagaWait): string {
  if (wait.kind === 'time') return `Waits until ${new Date(wait.until).toLocaleString()}`;
  if (wait.kind === 'signal')
    return `Waits for the signal “${wait.name}”${wait.until ? ` until ${new Date(wait.until).toLocaleString()}` : ''}`;
  if (wait.kind === 'approval')
    return `Waits for an approval by a member with the role ${wait.role}${wait.until ? ` until ${new Date(wait.until).toLocaleString()}` : ''}`;
  return `Paused: step ${wait.step} failed past its retries (${wait.error})`;
}

/** A step's runs grouped by step and phase, in the order they happened. */
export interface StepLine {
  index: number;
  name: string;
  phase: 'action' | 'compensation';
  runs: SagaStepRun[];
}

/**
 * The timeline's lines: every step in order with its attempts (steps not reached have none), then
 * the compensations in the order they ran (reverse order of the steps).
 */
export function timelineOf(stepNames: readonly string[], runs: readonly SagaStepRun[]): StepLine[] {
  const actions: StepLine[] = stepNames.map((name, index) => ({
    index,
    name,
    phase: 'action',
    runs: runs.filter((run) => run.phase === 'action' && run.stepIndex === index),
  }));
  const undone: StepLine[] = [];
  for (const run of runs) {
    if (run.phase !== 'compensation') continue;
    const line = undone.find((candidate) => candidate.index === run.stepIndex);
    if (line) line.runs.push(run);
    else undone.push({ index: run.stepIndex, name: run.stepName, phase: 'compensation', runs: [run] });
  }
  return [...actions, ...undone];
}

/** The status a line shows: its last run's, or `not reached`. */
export function lineStatus(line: StepLine): string {
  return line.runs.at(-1)?.status ?? 'not_reached';
}
