import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import {
  claimBody,
  claimNextBody,
  completeBody,
  evaluationSchema,
  evidenceBody,
  generateAnswer,
  generateBody,
  heartbeatBody,
  projectParams,
  taskParams,
  taskSchema,
  transitionBody,
} from '../contracts.ts';
import { generateTasks } from '../generate.ts';
import { taskPermissions } from '../permissions.ts';
import { claimNextTask, claimTask, heartbeatTask, releaseTask } from '../service.ts';
import { addEvidence, completeTask, evaluateTask, listEvaluations, transitionTask } from '../work.ts';

// The use cases beyond CRUD: generation, claims, evidence, gates and moves.

const tags = ['Tasks'];
const problems = (...statuses: (409 | 422)[]) =>
  problemResponses([...commonProblemStatuses, 404, ...statuses]);

export const generateTasksRoute = defineRoute({
  method: 'POST',
  url: '/projects/:projectId/tasks/generate',
  permission: taskPermissions.generate,
  schema: {
    tags,
    operationId: 'generate_tasks',
    summary: 'Generate tasks from an approved PRD and failing checks',
    description:
      "One task per functional requirement (FR-xxx) of the approved PRD `prdId`, its acceptance criteria the PRD's success criteria (SC-xxx); with `checks: true`, one task per failing readiness check, accepted when that check passes. Generating again makes only the tasks that are new (`existing` counts the others). New tasks get the project's blocking pre-merge quality gates (else every blocking gate). 422 when the PRD is not approved.",
    params: projectParams,
    body: generateBody,
    response: { 200: generateAnswer, ...problems(422) },
  },
  handler: ({ scope, body }) => generateTasks(scope, body),
});

export const claimTaskRoute = defineRoute({
  method: 'POST',
  url: '/projects/:projectId/tasks/:id/claim',
  permission: taskPermissions.work,
  schema: {
    tags,
    operationId: 'claim_task',
    summary: 'Claim a task',
    description:
      'Holds the task for `leaseSeconds` (30–86400, default 900) unless renewed by heartbeats. 409 when someone holds it (the problem names the holder and until when) or it is not open. A lapsed claim counts as open.',
    params: taskParams,
    body: claimBody,
    response: { 200: taskSchema, ...problems(409) },
  },
  handler: ({ scope, params, body }) => claimTask(scope, params.id, body.leaseSeconds),
});

export const claimNextTaskRoute = defineRoute({
  method: 'POST',
  url: '/projects/:projectId/tasks/claim-next',
  permission: taskPermissions.work,
  schema: {
    tags,
    operationId: 'claim_next_task',
    summary: 'Claim the next open task',
    description:
      'Claims a lapsed claim first, else the oldest open task (optionally of one source kind); tasks other callers are claiming at that moment are skipped, so many agents may call it at once and each gets a different task. 404 when no task is open.',
    params: projectParams,
    body: claimNextBody,
    response: { 200: taskSchema, ...problems() },
  },
  handler: ({ scope, body }) => claimNextTask(scope, body),
});

export const heartbeatTaskRoute = defineRoute({
  method: 'POST',
  url: '/projects/:projectId/tasks/:id/heartbeat',
  permission: taskPermissions.work,
  schema: {
    tags,
    operationId: 'heartbeat_task',
    summary: 'Keep a claim',
    description:
      'The holder extends the claim by `leaseSeconds` from now. 409 when the claim lapsed or is not yours.',
    params: taskParams,
    body: heartbeatBody,
    response: { 200: taskSchema, ...problems(409) },
  },
  handler: ({ scope, params, body }) => heartbeatTask(scope, params.id, body.leaseSeconds),
});

export const releaseTaskRoute = defineRoute({
  method: 'POST',
  url: '/projects/:projectId/tasks/:id/release',
  permission: taskPermissions.work,
  schema: {
    tags,
    operationId: 'release_task',
    summary: 'Release a claim',
    description: 'The task goes back to open. Its holder or an administrator; 409 otherwise.',
    params: taskParams,
    response: { 200: taskSchema, ...problems(409) },
  },
  handler: ({ scope, params }) => releaseTask(scope, params.id),
});

export const addTaskEvidenceRoute = defineRoute({
  method: 'POST',
  url: '/projects/:projectId/tasks/:id/evidence',
  permission: taskPermissions.work,
  schema: {
    tags,
    operationId: 'add_task_evidence',
    summary: 'Add evidence to a task',
    description:
      'Appends commits, the merge request URL, test runs and finding sets (no duplicates). The holder or an administrator. 422 for test runs or finding sets not of this project.',
    params: taskParams,
    body: evidenceBody,
    response: { 200: taskSchema, ...problems(409, 422) },
  },
  handler: ({ scope, params, body }) => addEvidence(scope, params.id, body),
});

export const evaluateTaskRoute = defineRoute({
  method: 'POST',
  url: '/projects/:projectId/tasks/:id/evaluate',
  permission: taskPermissions.work,
  schema: {
    tags,
    operationId: 'evaluate_task_gates',
    summary: "Evaluate a task's gates",
    description:
      "Judges the task's conditions on its evidence now and stores the evaluation, without moving the task: per quality gate, the test gate on the newest imported run of the evidence, the open findings of its finding sets at or above the gate's blocking severity, or else the gate's last result; per acceptance criterion of kind check, that readiness check.",
    params: taskParams,
    response: { 200: evaluationSchema, ...problems() },
  },
  handler: ({ scope, params }) => evaluateTask(scope, params.id),
});

export const completeTaskRoute = defineRoute({
  method: 'POST',
  url: '/projects/:projectId/tasks/:id/complete',
  permission: taskPermissions.work,
  schema: {
    tags,
    operationId: 'complete_task',
    summary: 'Complete a task past its gates',
    description:
      'Moves a claimed task to `in_review` or `done` (default), or a task in review to done, when every condition passes. Otherwise 409 with `conditions` (each failed one) and `evaluationId`; the evaluation is stored either way. `override: {reason}` (admins and owners only, 403 otherwise) completes despite failures; the override is kept on the task.',
    params: taskParams,
    body: completeBody,
    response: { 200: taskSchema, ...problems(409) },
  },
  handler: ({ scope, params, body }) => completeTask(scope, params.id, body),
});

export const transitionTaskRoute = defineRoute({
  method: 'POST',
  url: '/projects/:projectId/tasks/:id/transition',
  permission: taskPermissions.work,
  schema: {
    tags,
    operationId: 'transition_task',
    summary: 'Move a task to open, blocked or cancelled',
    description:
      'The moves no gate guards. 409 with `allowed` when the move is not possible from the current status.',
    params: taskParams,
    body: transitionBody,
    response: { 200: taskSchema, ...problems(409) },
  },
  handler: ({ scope, params, body }) => transitionTask(scope, params.id, body),
});

export const listTaskEvaluationsRoute = defineRoute({
  method: 'GET',
  url: '/projects/:projectId/tasks/:id/evaluations',
  permission: taskPermissions.read,
  schema: {
    tags,
    operationId: 'list_task_evaluations',
    summary: "A task's gate evaluations",
    description: 'Newest first.',
    params: taskParams,
    querystring: z.strictObject({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(2000).optional(),
    }),
    response: { 200: pageSchema(evaluationSchema), ...problems() },
  },
  handler: ({ scope, params, query }) => listEvaluations(scope, params.id, query),
});

export const workRoutes = [
  generateTasksRoute,
  claimNextTaskRoute,
  claimTaskRoute,
  heartbeatTaskRoute,
  releaseTaskRoute,
  addTaskEvidenceRoute,
  evaluateTaskRoute,
  completeTaskRoute,
  transitionTaskRoute,
  listTaskEvaluationsRoute,
];
