import { z } from 'zod';
import { defaultPageSize, maxPageSize } from '../../core/resource/service.ts';
import { sagaStatuses, sagaStepPhases, sagaStepStatuses } from '../../core/sagas/tables.ts';

// The shapes of sagas on the API: a saga, its timeline of step runs, and what people send it.

const exampleId = '01938a4c-5d2e-7f10-9a3b-2c4d5e6f7a8b';

const waitingForSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('time'), until: z.string().describe('ISO 8601: when the wait ends') }),
    z.object({
      kind: z.literal('signal'),
      name: z.string().describe('The signal to send: POST …/signals/{name}'),
      until: z.string().optional().describe('The wait fails the step then'),
    }),
    z.object({
      kind: z.literal('approval'),
      name: z.string().describe('The waiting step'),
      role: z.string().describe('The role that may approve (owners and admins always may)'),
      prompt: z.string().optional(),
      until: z.string().optional(),
    }),
    z.object({
      kind: z.literal('intervention'),
      step: z.string().describe('The step that failed past its retries: retry it, or cancel the saga'),
      error: z.string(),
    }),
  ])
  .meta({ id: 'SagaWait' });

const sagaExample = {
  id: exampleId,
  sagaType: 'release',
  title: 'Deploy waves',
  status: 'waiting',
  projectId: '01938a4c-0000-7000-8000-000000000001',
  currentStep: 1,
  stepCount: 3,
  stepNames: ['check-gates', 'approve', 'deploy'],
  context: { version: '2.4.0' },
  outputs: { 'check-gates': { passed: true } },
  startedBy: '01938a4c-0000-7000-8000-000000000002',
  waitingFor: { kind: 'approval', name: 'approve', role: 'admin', prompt: 'Ship 2.4.0?' },
  cancelRequested: false,
  errorMessage: null,
  createdAt: '2026-12-07T12:00:00.000Z',
  updatedAt: '2026-12-07T12:00:01.000Z',
  startedAt: '2026-12-07T12:00:00.050Z',
  completedAt: null,
  failedAt: null,
};

export const sagaSchema = z
  .object({
    id: z.uuid(),
    sagaType: z.string().describe('The kind of saga: `release`, `audit.access-log-retention`…'),
    title: z.string(),
    status: z
      .enum(sagaStatuses)
      .describe(
        'pending → running ⇄ waiting → completed; on failure compensating → failed (undone) or compensation_failed (needs a person); cancelled',
      ),
    projectId: z.uuid().nullable(),
    currentStep: z
      .number()
      .int()
      .describe('Index of the step running or next to run (while compensating: the one being undone)'),
    stepCount: z.number().int(),
    stepNames: z.array(z.string()).describe('The steps in order'),
    context: z.record(z.string(), z.unknown()).describe('The input the saga started with'),
    outputs: z.record(z.string(), z.unknown()).describe('What each completed step answered, by step name'),
    startedBy: z.uuid().nullable().describe('Null for a saga the system started'),
    waitingFor: waitingForSchema.nullable(),
    cancelRequested: z.boolean(),
    errorMessage: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    startedAt: z.date().nullable(),
    completedAt: z.date().nullable(),
    failedAt: z.date().nullable(),
  })
  .meta({ id: 'Saga', example: sagaExample });
export type SagaOutput = z.input<typeof sagaSchema>;

export const sagaStepSchema = z
  .object({
    id: z.uuid(),
    stepIndex: z.number().int(),
    stepName: z.string(),
    phase: z.enum(sagaStepPhases).describe('action: the step ran; compensation: it was undone'),
    attempt: z.number().int().describe('1 for the first try; 0 for an undo a person declared done by hand'),
    status: z.enum(sagaStepStatuses),
    idempotencyKey: z.string().describe('The same on every attempt of one step in one phase'),
    startedAt: z.date(),
    finishedAt: z.date().nullable(),
    durationMs: z.number().int().nullable().describe('Null while it runs'),
    output: z.unknown(),
    error: z.string().nullable(),
  })
  .meta({ id: 'SagaStepRun' });
export type SagaStepOutput = z.input<typeof sagaStepSchema>;

const exampleStep = {
  id: '01938a4c-5d2f-7000-8000-000000000003',
  stepIndex: 0,
  stepName: 'check-gates',
  phase: 'action',
  attempt: 1,
  status: 'succeeded',
  idempotencyKey: `${exampleId}:action:check-gates`,
  startedAt: '2026-12-07T12:00:00.060Z',
  finishedAt: '2026-12-07T12:00:00.180Z',
  durationMs: 120,
  output: { passed: true },
  error: null,
};

export const sagaWithStepsSchema = sagaSchema
  .extend({ steps: z.array(sagaStepSchema).describe('Every run of a step or its compensation, in order') })
  .meta({
    id: 'SagaWithSteps',
    example: { ...sagaExample, steps: [exampleStep] },
  });

export const sagaParams = z.object({ sagaId: z.uuid().describe('The saga id') });
export const signalParams = sagaParams.extend({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]*$/i)
    .max(100)
    .describe('The signal the saga waits (or will wait) for'),
});

const statusList = z
  .union([z.string().max(200), z.array(z.string().max(40)).max(sagaStatuses.length)])
  .optional()
  .describe(`One status or several (comma-separated or repeated): ${sagaStatuses.join(', ')}`);

const pageShape = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxPageSize)
    .default(defaultPageSize)
    .describe(`Page size (default ${defaultPageSize}, at most ${maxPageSize})`),
  cursor: z.string().max(2000).optional().describe('The nextCursor of the previous page'),
};

export const sagaListQuery = z.strictObject({
  ...pageShape,
  type: z.string().max(100).optional().describe('Only sagas of this type'),
  status: statusList,
  projectId: z.uuid().optional().describe('Only sagas working on this project'),
  startedBy: z.uuid().optional().describe('Only sagas this user (or agent) started'),
});
export type SagaListQuery = z.output<typeof sagaListQuery>;

export const approvalListQuery = z.strictObject({
  ...pageShape,
  projectId: z.uuid().optional().describe('Only sagas working on this project'),
});
export type ApprovalListQuery = z.output<typeof approvalListQuery>;

export const startSagaBody = z
  .strictObject({
    type: z.string().min(1).max(100).describe('A saga type that may be started through the API'),
    context: z.record(z.string(), z.unknown()).default({}).describe("Validated against the type's schema"),
    projectId: z.uuid().optional().describe('The project the saga works on'),
    title: z.string().trim().min(1).max(300).optional().describe("The type's title by default"),
  })
  .meta({
    id: 'SagaStart',
    example: { type: 'search.backfill', context: { from: '2026-01-01' }, title: 'Backfill January' },
  });
export type StartSagaInput = z.output<typeof startSagaBody>;

const reason = z.string().trim().min(1).max(2000);

export const cancelSagaBody = z
  .strictObject({ reason: reason.optional().describe('Why, for the audit trail') })
  .meta({ id: 'SagaCancel', example: { reason: 'Wrong build' } });

export const resumeSagaBody = z
  .strictObject({
    skip: z
      .boolean()
      .optional()
      .describe('Declare the failed undo done by hand and go on undoing the steps before it'),
    reason: reason.optional(),
  })
  .meta({ id: 'SagaResume', example: { skip: true, reason: 'Rolled back by hand' } });

export const signalSagaBody = z
  .strictObject({ payload: z.unknown().optional().describe('Any JSON; the waiting step answers it') })
  .meta({ id: 'SagaSignal', example: { payload: { build: 42 } } });

export const approvalBody = z
  .strictObject({
    approved: z.boolean().describe('false refuses: the step fails and what was done is undone'),
    comment: z.string().trim().min(1).max(2000).optional(),
  })
  .meta({ id: 'SagaApproval', example: { approved: true, comment: 'Checked the canary' } });
