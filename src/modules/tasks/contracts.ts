import { z } from 'zod';
import { resourceOutputFields } from '../../core/resource/schemas.ts';
import { taskSourceKinds, taskStatuses } from './tables.ts';

// The shapes of tasks on the API: the task, its claims, evidence, gates and generation.

/** `T-12`: how people quote a task. */
export function keyOf(number: number): string {
  return `T-${number}`;
}

const criterionSchema = z
  .object({
    kind: z.enum(['criterion', 'check']).describe('A PRD success criterion (SC-001) or a readiness check'),
    ref: z.string().trim().min(1).max(200).describe('SC-001, or a readiness check id'),
    text: z.string().max(2000).optional(),
  })
  .meta({ id: 'TaskAcceptanceCriterion' });

const sourceSchema = z
  .object({
    kind: z.enum(taskSourceKinds),
    refId: z.string().optional(),
    key: z.string().optional(),
    text: z.string().optional(),
  })
  .meta({ id: 'TaskSource' });

const evidenceSchema = z
  .object({
    commits: z.array(z.string()),
    mergeRequestUrl: z.string().optional(),
    testRunIds: z.array(z.uuid()),
    findingSetIds: z.array(z.uuid()),
  })
  .meta({ id: 'TaskEvidence' });

const overrideSchema = z
  .object({ by: z.uuid(), at: z.string(), reason: z.string(), evaluationId: z.uuid() })
  .meta({ id: 'TaskGateOverride' });

export const assigneeSchema = z
  .object({ id: z.uuid(), displayName: z.string(), kind: z.enum(['person', 'agent']) })
  .meta({ id: 'TaskAssignee' });
export type Assignee = z.output<typeof assigneeSchema>;

export const taskSchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    number: z.number().int(),
    key: z.string().describe('T-12: the number, as people quote it'),
    title: z.string(),
    description: z.string(),
    source: sourceSchema,
    sourceKey: z
      .string()
      .nullable()
      .describe('What makes generation idempotent; null for a task made by hand'),
    acceptanceCriteria: z.array(criterionSchema),
    status: z.enum(taskStatuses).describe('open → claimed → in_review → done, or blocked / cancelled'),
    gateIds: z.array(z.uuid()).describe('The plan quality gates that apply'),
    evidence: evidenceSchema,
    assigneeId: z.uuid().nullable(),
    assignee: assigneeSchema.nullable().describe('Who holds or last held the task'),
    claimExpiresAt: z.date().nullable().describe('The claim lapses then unless its holder sends a heartbeat'),
    claimedAt: z.date().nullable(),
    attempts: z.number().int().describe('Claims so far'),
    override: overrideSchema.nullable().describe("An admin's override of a failing gate, with the reason"),
    completedAt: z.date().nullable(),
    createdBy: z.uuid().nullable(),
  })
  .meta({ id: 'Task' });
export type TaskOutput = z.input<typeof taskSchema>;

const title = z.string().trim().min(1).max(300);
const description = z.string().max(20_000);

export const taskCreateSchema = z
  .strictObject({
    title,
    description: description.optional(),
    acceptanceCriteria: z.array(criterionSchema).max(100).optional(),
    gateIds: z.array(z.uuid()).max(50).optional().describe('Plan quality gate ids (default: none)'),
  })
  .meta({ id: 'TaskCreate' });
export type TaskCreate = z.output<typeof taskCreateSchema>;

export const taskUpdateSchema = taskCreateSchema.partial().meta({ id: 'TaskUpdate' });
export type TaskUpdate = z.output<typeof taskUpdateSchema>;

export const taskParams = z.object({
  projectId: z.uuid().describe('The project id'),
  id: z.uuid().describe('The task id'),
});
export const projectParams = z.object({ projectId: z.uuid().describe('The project id') });

export const defaultLeaseSeconds = 900;
const leaseSeconds = z
  .number()
  .int()
  .min(30)
  .max(86_400)
  .optional()
  .describe(`How long the claim holds without a heartbeat, in seconds (default ${defaultLeaseSeconds})`);

export const claimBody = z.strictObject({ leaseSeconds }).meta({ id: 'TaskClaim' });
export const claimNextBody = z
  .strictObject({ leaseSeconds, sourceKind: z.enum(taskSourceKinds).optional() })
  .meta({ id: 'TaskClaimNext' });
export const heartbeatBody = claimBody;

export const evidenceBody = z
  .strictObject({
    commits: z
      .array(z.string().regex(/^[0-9a-f]{7,64}$/i, 'a git commit hash (7–64 hex digits)'))
      .max(100)
      .optional(),
    mergeRequestUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    testRunIds: z.array(z.uuid()).max(100).optional().describe('Test runs of this project'),
    findingSetIds: z.array(z.uuid()).max(100).optional().describe('Finding sets of this project'),
  })
  .meta({ id: 'TaskEvidenceAdd' });
export type EvidenceInput = z.output<typeof evidenceBody>;

const reason = z.string().trim().min(1).max(2000);

export const completeBody = z
  .strictObject({
    to: z.enum(['in_review', 'done']).optional().describe("The status to move to (default 'done')"),
    override: z
      .strictObject({ reason })
      .optional()
      .describe('Admins and owners only: complete despite failing conditions, with why'),
  })
  .meta({ id: 'TaskComplete' });
export type CompleteInput = z.output<typeof completeBody>;

export const transitionTargets = ['open', 'blocked', 'cancelled'] as const;
export type TransitionTarget = (typeof transitionTargets)[number];
export const transitionBody = z
  .strictObject({ to: z.enum(transitionTargets), reason: reason.optional() })
  .meta({ id: 'TaskTransition' });

export const generateBody = z
  .strictObject({
    prdId: z.uuid().optional().describe('An approved PRD: one task per functional requirement (FR-xxx)'),
    checks: z.boolean().optional().describe('One task per failing readiness check of the project'),
  })
  .meta({ id: 'TaskGenerate' });
export type GenerateInput = z.output<typeof generateBody>;

export const conditionSchema = z
  .object({
    gateId: z.uuid().optional(),
    gateName: z.string().optional(),
    kind: z.enum(['tests', 'findings', 'check']),
    passed: z.boolean(),
    message: z.string(),
  })
  .meta({ id: 'TaskGateCondition' });

export const evaluationSchema = z
  .object({
    id: z.uuid(),
    taskId: z.uuid(),
    targetStatus: z.enum(taskStatuses),
    passed: z.boolean(),
    conditions: z.array(conditionSchema),
    overridden: z.boolean(),
    evaluatedBy: z.uuid().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'TaskGateEvaluation' });

export const generateAnswer = z
  .object({
    created: z.array(taskSchema),
    existing: z.number().int().describe('Tasks that already existed for the same sources'),
  })
  .meta({ id: 'TaskGeneration' });
