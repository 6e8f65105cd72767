import type { ApiClient } from './api-client.ts';
import type { ProgressStream } from './progress.ts';

// Sagas as people read them in a terminal: one line in a list, a timeline of every step run, and a
// follower that prints each step as it starts and finishes until the saga ends.

export interface SagaWait {
  kind: 'time' | 'signal' | 'approval' | 'intervention';
  name?: string;
  role?: string;
  prompt?: string;
  until?: string;
  step?: string;
  error?: string;
}

export interface SagaStepRun {
  id: string;
  stepIndex: number;
  stepName: string;
  phase: 'action' | 'compensation';
  attempt: number;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  error: string | null;
}

export interface Saga {
  id: string;
  sagaType: string;
  title: string;
  status: string;
  projectId: string | null;
  currentStep: number;
  stepCount: number;
  stepNames: string[];
  startedBy: string | null;
  waitingFor: SagaWait | null;
  cancelRequested: boolean;
  errorMessage: string | null;
  createdAt: string;
  steps?: SagaStepRun[];
}

/** The statuses a saga rests in: nothing more happens without a person. */
export const endStatuses = new Set(['completed', 'failed', 'cancelled', 'compensation_failed']);

export function sagaLine(saga: Saga): string {
  // Where it is: the step it is on (1-based) while it runs or waits, all of them once completed.
  const active = ['pending', 'running', 'waiting'].includes(saga.status);
  const progress =
    saga.status === 'completed'
      ? `${saga.stepCount}/${saga.stepCount}`
      : active
        ? `${Math.min(saga.currentStep + 1, saga.stepCount)}/${saga.stepCount}`
        : '—';
  return `${saga.id}  ${saga.status.padEnd(19)} ${progress.padStart(5)}  ${saga.sagaType}  ${saga.title}`;
}

const duration = (ms: number | null) => {
  if (ms === null) return '…';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
};

/** What a waiting saga waits for, and the command that moves it on. */
export function waitText(saga: Saga): string {
  const wait = saga.waitingFor;
  if (!wait) return '';
  switch (wait.kind) {
    case 'approval':
      return `Waiting for an approval by a member with the ${wait.role} role${wait.prompt ? `: ${wait.prompt}` : ''} — shipshape sagas approve ${saga.id} [--refuse]`;
    case 'signal':
      return `Waiting for the signal ${wait.name}${wait.until ? ` until ${wait.until}` : ''} — shipshape sagas signal ${saga.id} ${wait.name}`;
    case 'time':
      return `Waiting until ${wait.until}`;
    default:
      return `Step ${wait.step} failed past its retries (${wait.error}) — shipshape sagas retry ${saga.id}, or cancel it`;
  }
}

/** One run of a step: `  2 ship           action        #1  failed      3 ms  ship broke`. */
export function stepRunLine(run: SagaStepRun): string {
  const mark = run.phase === 'compensation' ? '↩' : ' ';
  const attempt = run.attempt === 0 ? 'by hand' : `#${run.attempt}`;
  return `${mark}${String(run.stepIndex + 1).padStart(3)} ${run.stepName.padEnd(16)} ${run.phase.padEnd(13)} ${attempt.padEnd(8)}${run.status.padEnd(12)}${duration(run.durationMs).padStart(8)}${run.error ? `  ${run.error}` : ''}`;
}

/** The saga and its timeline: every run of a step or its undo, then the steps not run yet. */
export function timelineText(saga: Saga): string {
  const runs = saga.steps ?? [];
  const lines = [
    `${saga.title} (${saga.sagaType}) — ${saga.status}${saga.cancelRequested && !endStatuses.has(saga.status) ? ', cancel requested' : ''}`,
    `Id: ${saga.id} · ${saga.stepCount} steps · created ${saga.createdAt}`,
  ];
  if (saga.waitingFor) lines.push(waitText(saga));
  if (saga.errorMessage) lines.push(`Error: ${saga.errorMessage}`);
  lines.push('', '   # step             phase         attempt status      duration');
  for (const run of runs) lines.push(stepRunLine(run));
  const ran = new Set(runs.map((run) => run.stepName));
  saga.stepNames.forEach((name, index) => {
    if (!ran.has(name)) lines.push(` ${String(index + 1).padStart(3)} ${name.padEnd(16)} (not run)`);
  });
  return lines.join('\n');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Follows a saga by reading it until it ends: a line when each step run starts (on a terminal, a
 * line redrawn in place while it runs) and when it finishes, and what a waiting saga waits for.
 * Asks often at first, then every second.
 */
export async function followSaga(
  client: ApiClient,
  sagaId: string,
  stream: ProgressStream,
  options: { timeoutSeconds?: number } = {},
): Promise<Saga> {
  const deadline = options.timeoutSeconds ? Date.now() + options.timeoutSeconds * 1000 : Infinity;
  const seen = new Map<string, string>();
  let waiting = '';
  let interval = 100;
  let live = false;
  const clearLive = () => {
    if (live) stream.write('\r\u001b[K');
    live = false;
  };
  for (;;) {
    const saga = await client.request<Saga>('GET', `/api/v1/sagas/${sagaId}`);
    for (const run of saga.steps ?? []) {
      const before = seen.get(run.id);
      if (before === run.status) continue;
      seen.set(run.id, run.status);
      clearLive();
      if (run.status === 'running') {
        const text = `${run.phase === 'compensation' ? 'undoing' : 'running'} ${run.stepName} (${run.stepIndex + 1}/${saga.stepCount}, attempt ${run.attempt})`;
        if (stream.isTTY) {
          stream.write(`\r${text}…`);
          live = true;
        } else stream.write(`${text}\n`);
      } else stream.write(`${stepRunLine(run).trimStart()}\n`);
    }
    const wait = saga.status === 'waiting' ? waitText(saga) : '';
    if (wait && wait !== waiting && saga.waitingFor?.kind !== 'time') {
      clearLive();
      stream.write(`${wait}\n`);
    }
    waiting = wait;
    if (endStatuses.has(saga.status)) {
      clearLive();
      stream.write(`${saga.title}: ${saga.status}${saga.errorMessage ? ` — ${saga.errorMessage}` : ''}\n`);
      return saga;
    }
    if (Date.now() > deadline) {
      clearLive();
      throw new Error(
        `saga ${saga.id} is still ${saga.status} after ${options.timeoutSeconds} s; follow it with shipshape sagas show ${saga.id}`,
      );
    }
    await pause(interval);
    interval = Math.min(interval * 2, 1000);
  }
}
