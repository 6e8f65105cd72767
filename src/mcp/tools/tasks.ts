import { z } from 'zod';
import { asObject, expectOk, isRecord, projectPath, type ShipshapeApi } from '../api.ts';
import { resolveProject } from '../project-ref.ts';
import { defineTool, projectInput, withJson } from '../tool.ts';

const taskOutput = { id: z.string(), key: z.string(), status: z.string() };
const taskId = z.uuid().describe('The task id');
const leaseSeconds = z
  .number()
  .int()
  .min(30)
  .max(86_400)
  .optional()
  .describe('How long the claim lasts without a heartbeat (default 900 s)');

const tasksPath = async (api: ShipshapeApi, project: string) =>
  `${projectPath(await resolveProject(api, project))}/tasks`;

/** One line about a task: key, status, title, holder and until when. */
export function describeTask(task: Record<string, unknown>): string {
  const assignee = isRecord(task.assignee) ? ` · held by ${String(task.assignee.displayName)}` : '';
  const until = task.claimExpiresAt ? ` until ${String(task.claimExpiresAt)}` : '';
  return `${String(task.key)} [${String(task.status)}] ${String(task.title)}${assignee}${until} (${String(task.id)})`;
}

const taskAnswer = (verb: string, body: unknown) => {
  const task = asObject(body);
  return { data: task, text: withJson(`${verb} ${describeTask(task)}`, task) };
};

export const listTasks = defineTool({
  name: 'list_tasks',
  title: 'List tasks',
  description: "A project's tasks, filtered by status, assignee (`me` for yours), source kind or words.",
  input: {
    project: projectInput,
    status: z.enum(['open', 'claimed', 'in_review', 'done', 'blocked', 'cancelled']).optional(),
    assigneeId: z.string().optional().describe('A user id, or `me`'),
    sourceKind: z.enum(['requirement', 'check', 'finding', 'manual']).optional(),
    q: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().optional(),
  },
  output: { data: z.array(z.unknown()), nextCursor: z.string().nullable().optional() },
  readOnly: true,
  run: async ({ project, status, assigneeId, sourceKind, q, limit, cursor }, api) => {
    const body = asObject(
      await expectOk(api, 'GET', await tasksPath(api, project), {
        query: {
          'filter[status]': status,
          'filter[assigneeId]': assigneeId,
          'filter[sourceKind]': sourceKind,
          q,
          limit,
          cursor,
          sort: 'number',
        },
      }),
    );
    const rows = Array.isArray(body.data) ? body.data.filter(isRecord) : [];
    return {
      data: body,
      text: withJson(`${rows.length} task(s):\n${rows.map(describeTask).join('\n')}`, body),
    };
  },
});

export const getTask = defineTool({
  name: 'get_task',
  title: 'Read a task',
  description: 'One task: source, acceptance criteria, gates, evidence, holder and claim expiry.',
  input: { project: projectInput, id: taskId },
  output: taskOutput,
  readOnly: true,
  run: async ({ project, id }, api) =>
    taskAnswer('Task', await expectOk(api, 'GET', `${await tasksPath(api, project)}/${id}`)),
});

export const claimTask = defineTool({
  name: 'claim_task',
  title: 'Claim a task',
  description:
    'Claims a task for you, leased: heartbeat before the lease ends or it returns to open. Give `id` for one task, or `next: true` for the next open one (atomic among many agents). 409 when someone else holds it.',
  input: {
    project: projectInput,
    id: taskId.optional(),
    next: z.boolean().optional().describe('Claim the next open task instead of a given one'),
    sourceKind: z.enum(['requirement', 'check', 'finding', 'manual']).optional().describe('With next'),
    leaseSeconds,
  },
  output: taskOutput,
  run: async ({ project, id, next, sourceKind, leaseSeconds }, api) => {
    const base = await tasksPath(api, project);
    if (!id && !next) throw new Error('Give the task `id`, or `next: true` to claim the next open task.');
    const answer = id
      ? await expectOk(api, 'POST', `${base}/${id}/claim`, { body: { leaseSeconds } })
      : await expectOk(api, 'POST', `${base}/claim-next`, { body: { leaseSeconds, sourceKind } });
    return taskAnswer('Claimed', answer);
  },
});

export const heartbeatTask = defineTool({
  name: 'heartbeat_task',
  title: 'Extend a claim',
  description: 'Extends your claim on a task (holder only; 409 if it lapsed or is someone else’s).',
  input: { project: projectInput, id: taskId, leaseSeconds },
  output: taskOutput,
  run: async ({ project, id, leaseSeconds }, api) =>
    taskAnswer(
      'Extended',
      await expectOk(api, 'POST', `${await tasksPath(api, project)}/${id}/heartbeat`, {
        body: { leaseSeconds },
      }),
    ),
});

export const releaseTask = defineTool({
  name: 'release_task',
  title: 'Release a task',
  description: 'Gives a claimed task back: it returns to open for others.',
  input: { project: projectInput, id: taskId },
  output: taskOutput,
  run: async ({ project, id }, api) =>
    taskAnswer(
      'Released',
      await expectOk(api, 'POST', `${await tasksPath(api, project)}/${id}/release`, { body: {} }),
    ),
});

export const addTaskEvidence = defineTool({
  name: 'add_task_evidence',
  title: 'Add evidence to a task',
  description:
    'Appends commits, a merge request URL, test run ids and finding set ids to the task you hold. Its gates are judged on this evidence.',
  input: {
    project: projectInput,
    id: taskId,
    commits: z.array(z.string().min(4).max(64)).max(100).optional(),
    mergeRequestUrl: z.url().optional(),
    testRunIds: z.array(z.uuid()).max(100).optional(),
    findingSetIds: z.array(z.uuid()).max(100).optional(),
  },
  output: taskOutput,
  run: async ({ project, id, ...evidence }, api) =>
    taskAnswer(
      'Evidence added to',
      await expectOk(api, 'POST', `${await tasksPath(api, project)}/${id}/evidence`, { body: evidence }),
    ),
});

const conditionLines = (evaluation: Record<string, unknown>) =>
  (Array.isArray(evaluation.conditions) ? evaluation.conditions.filter(isRecord) : []).map(
    (condition) =>
      `- ${condition.passed ? 'passed' : 'FAILED'} ${String(condition.kind)}${condition.gateName ? ` [${String(condition.gateName)}]` : ''}: ${String(condition.message)}`,
  );

export const evaluateTaskGates = defineTool({
  name: 'evaluate_task_gates',
  title: "Evaluate a task's gates",
  description:
    "Judges the task's quality gates on its evidence now, without moving it: each condition, passed or not.",
  input: { project: projectInput, id: taskId },
  output: { id: z.string(), passed: z.boolean(), conditions: z.array(z.unknown()) },
  run: async ({ project, id }, api) => {
    const evaluation = asObject(
      await expectOk(api, 'POST', `${await tasksPath(api, project)}/${id}/evaluate`, { body: {} }),
    );
    const verdict = evaluation.passed ? 'The gates pass.' : 'The gates fail.';
    return {
      data: evaluation,
      text: withJson(`${verdict}\n${conditionLines(evaluation).join('\n')}`, evaluation),
    };
  },
});

export const completeTask = defineTool({
  name: 'complete_task',
  title: 'Complete a task',
  description:
    'Moves the task you hold to done (or in_review). Its gates are evaluated first: when a condition fails, the answer is an error listing each failed condition — fix them, add the new evidence and try again.',
  input: {
    project: projectInput,
    id: taskId,
    to: z.enum(['in_review', 'done']).default('done'),
  },
  output: taskOutput,
  run: async ({ project, id, to }, api) =>
    taskAnswer(
      'Completed',
      await expectOk(api, 'POST', `${await tasksPath(api, project)}/${id}/complete`, { body: { to } }),
    ),
});

export const taskTools = [
  listTasks,
  getTask,
  claimTask,
  heartbeatTask,
  releaseTask,
  addTaskEvidence,
  evaluateTaskGates,
  completeTask,
];
