import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { z } from 'zod';
import { defineModule } from '../../core/app/module.ts';
import { type ActionStep, defineSaga, type SagaStep } from '../../core/sagas/define.ts';
import { workflowSagas } from '../../core/sagas/tables.ts';
import type { Caller, JsonBody, TestApp } from '../../test-support/app.ts';

// Saga types the API, CLI and MCP tests start and drive: their context says how they behave (wait
// for a signal, for an approval, fail a step, fail an undo, pause for a person).

const behaviour = z.strictObject({
  label: z.string().min(1).max(100).optional(),
  /** Wait for the signal `go` after the first step. */
  waitForSignal: z.boolean().default(false),
  /** Wait for an approval by this role after the first step. */
  approvalRole: z.string().optional(),
  /** The last step always fails: what was done is undone. */
  failLast: z.boolean().default(false),
  /** Undoing the first step always fails: the saga stops in compensation_failed. */
  failUndo: z.boolean().default(false),
  /** The last step fails this many times, then pauses for a person (onExhausted: pause). */
  pauseFailures: z.number().int().min(0).max(10).default(0),
});
type Behaviour = z.output<typeof behaviour>;

const failuresLeft = new Map<string, number>();

const first: ActionStep<Behaviour> = {
  name: 'prepare',
  title: 'Prepare the release',
  retry: { attempts: 1, backoffMs: 1 },
  async run({ context }) {
    return { prepared: context.label ?? true };
  },
  async compensate({ context }) {
    if (context.failUndo) throw new Error('the undo of prepare broke');
    return { unprepared: true };
  },
};

const last = (context: Behaviour): ActionStep<Behaviour> => ({
  name: 'ship',
  title: 'Ship it',
  retry: { attempts: 1, backoffMs: 1 },
  onExhausted: context.pauseFailures > 0 ? 'pause' : 'compensate',
  async run({ saga, context: input }) {
    if (input.failLast) throw new Error('ship broke');
    const left = failuresLeft.get(saga.id) ?? input.pauseFailures;
    failuresLeft.set(saga.id, left - 1);
    if (left > 0) throw new Error('ship is not ready yet');
    return { shipped: true };
  },
});

function stepsFor(context: Behaviour): SagaStep<Behaviour>[] {
  const steps: SagaStep<Behaviour>[] = [first];
  if (context.waitForSignal) steps.push({ name: 'go', wait: () => ({ kind: 'signal', name: 'go' }) });
  const role = context.approvalRole;
  if (role) steps.push({ name: 'sign-off', wait: () => ({ kind: 'approval', role, prompt: 'Ship it?' }) });
  steps.push(last(context));
  return steps;
}

export const startableTestSaga = defineSaga({
  type: 'test.api-release',
  title: 'A test release',
  context: behaviour,
  startable: true,
  steps: stepsFor,
});

export const internalTestSaga = defineSaga({
  type: 'test.api-internal',
  title: 'Started by code only',
  context: z.object({}),
  steps: [{ name: 'only', run: async () => ({}) }],
});

export const sagaApiTestModule = defineModule({
  name: 'saga-api-tests',
  sagas: [startableTestSaga, internalTestSaga],
});

/** Starts a test release through the API. */
export async function startTestSaga(caller: Caller, context: object = {}, extra: object = {}) {
  const answer = await caller.post('/api/v1/sagas', { type: 'test.api-release', context, ...extra });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return answer.body;
}

/** Drives the app's sagas until this one rests (unleased) in one of `statuses`; answers it with its steps. */
export async function settleSaga(
  t: TestApp,
  caller: Caller,
  id: string,
  statuses: readonly string[],
): Promise<JsonBody> {
  let status = 'unknown';
  for (let round = 0; round < 400; round += 1) {
    t.services.sagas.kick();
    await t.services.sagas.idle();
    const [row] = await t.database.db
      .select({ status: workflowSagas.status, leaseOwner: workflowSagas.leaseOwner })
      .from(workflowSagas)
      .where(eq(workflowSagas.id, id));
    status = row?.status ?? 'gone';
    if (row && statuses.includes(row.status) && !row.leaseOwner) {
      const answer = await caller.get(`/api/v1/sagas/${id}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`saga ${id} did not reach ${statuses.join('/')}: ${status}`);
}
