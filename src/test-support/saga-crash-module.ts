import { z } from 'zod';
import { defineModule } from '../core/app/module.ts';
import type { ActionStep, SagaStep, StepContext } from '../core/sagas/define.ts';
import { defineSaga } from '../core/sagas/define.ts';

// A saga type for the crash and scale-out suites, served by a real server process
// (saga-crash-server.ts). Every step reports to the test's own HTTP server (SAGA_EFFECTS_URL)
// before it acts and when it acts; the test counts the "effect" reports as the step's side effects
// and answers each report with what the step does next: go on, fail, or kill its process (kill -9).
// A report the test does not answer holds the step where it is until the test kills the process.

const context = z.object({
  /** The action steps, in order. */
  steps: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
  /** A step that waits for this signal comes after the first action step. */
  waitFor: z.string().optional(),
  /** How long each action works between its two reports. */
  workMs: z.number().int().min(0).default(0),
});
type Context = z.infer<typeof context>;

async function report(
  step: StepContext<Context>,
  name: string,
  phase: 'action' | 'compensation',
  moment: 'before' | 'effect',
): Promise<void> {
  const url = process.env.SAGA_EFFECTS_URL;
  if (!url) throw new Error('SAGA_EFFECTS_URL is not set');
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      sagaId: step.saga.id,
      step: name,
      phase,
      moment,
      key: step.idempotencyKey,
      attempt: step.attempt,
      pid: process.pid,
    }),
  });
  const directive = await response.text();
  if (directive === 'kill') process.kill(process.pid, 'SIGKILL');
  if (directive === 'fail') throw new Error(`${name} was told to fail`);
}

function countedStep(name: string): ActionStep<Context> {
  const work = async (step: StepContext<Context>, phase: 'action' | 'compensation') => {
    await report(step, name, phase, 'before');
    if (step.context.workMs) await new Promise((resolve) => setTimeout(resolve, step.context.workMs));
    await report(step, name, phase, 'effect');
    return { [phase === 'action' ? 'did' : 'undid']: name, pid: process.pid };
  };
  return {
    name,
    // A step told to fail fails at once; an undo told to fail is tried again.
    retry: { attempts: 1, backoffMs: 10 },
    run: (step) => work(step, 'action'),
    compensate: (step) => work(step, 'compensation'),
  };
}

export const crashSaga = defineSaga<Context>({
  type: 'test.crash',
  title: 'Counted steps for crash tests',
  context,
  steps: (ctx) => {
    const actions = ctx.steps.map(countedStep);
    const [first, ...rest] = actions;
    if (!first || !ctx.waitFor) return actions;
    const signal = ctx.waitFor;
    const wait: SagaStep<Context> = { name: 'wait', wait: () => ({ kind: 'signal', name: signal }) };
    return [first, wait, ...rest];
  },
});

export const sagaCrashModule = defineModule({ name: 'saga-crash', sagas: [crashSaga] });
