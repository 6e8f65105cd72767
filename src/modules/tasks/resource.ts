import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineResource, type HookContext } from '../../core/resource/define.ts';
import { filterOn } from '../../core/resource/filters.ts';
import {
  type Assignee,
  evaluationSchema,
  keyOf,
  type TaskCreate,
  type TaskUpdate,
  taskCreateSchema,
  taskSchema,
  taskUpdateSchema,
} from './contracts.ts';
import { taskPermissions } from './permissions.ts';
import { checkGateIds, lockProjectTasks, nextNumber } from './store.ts';
import {
  type TaskRow,
  type TaskSource,
  taskGateEvaluations,
  taskSourceKinds,
  taskStatuses,
  tasks,
} from './tables.ts';

const table = tasks;

/**
 * The assignee a service read for a row (see `withAssignees`), shown in the answer. A row read by
 * no service (a new task) has none unless it has no assignee at all.
 */
const assignees = new WeakMap<TaskRow, Assignee>();

export function rememberAssignee(row: TaskRow, assignee: Assignee | undefined): TaskRow {
  if (assignee) assignees.set(row, assignee);
  return row;
}

/** Fields a generated task brings besides the create body (source, its key, default gates). */
type CreateValues = TaskCreate & { source?: TaskSource; sourceKey?: string | null };

async function beforeCreate(values: TaskCreate, { scope, tx }: HookContext) {
  const projectId = scope.projectId ?? '';
  const all: CreateValues = values;
  await checkGateIds(tx, scope.ctx.workspaceId, projectId, all.gateIds);
  await lockProjectTasks(tx, projectId);
  return {
    ...all,
    source: all.source ?? { kind: 'manual' as const },
    sourceKey: all.sourceKey ?? null,
    number: await nextNumber(tx, projectId),
    createdBy: scope.ctx.actor.userId,
  };
}

async function beforeUpdate(changes: TaskUpdate, current: TaskRow, { scope, tx }: HookContext) {
  await checkGateIds(tx, scope.ctx.workspaceId, current.projectId, changes.gateIds);
  return changes;
}

function toOutput(row: TaskRow) {
  const assignee = row.assigneeId ? (assignees.get(row) ?? null) : null;
  return { key: keyOf(row.number), assignee };
}

/**
 * Tasks of a project. The generic create and delete serve them; list, get and change are the
 * module's routes (they add each task's assignee), and claims, evidence and gates are its use cases.
 */
export const taskResource = defineResource({
  name: 'task',
  path: 'tasks',
  label: 'task',
  tag: 'Tasks',
  scope: 'project',
  table,
  operations: ['create', 'delete'],
  schemas: { create: taskCreateSchema, update: taskUpdateSchema, output: taskSchema },
  filters: {
    status: filterOn.enum(table.status, taskStatuses),
    assigneeId: filterOn.nullable(filterOn.uuid(table.assigneeId)),
    sourceKind: filterOn.custom(
      table.source,
      ['eq', 'in'],
      (operator, raw) => {
        const kinds = raw.split(',').map((kind) => kind.trim());
        const unknown = kinds.filter((kind) => !taskSourceKinds.some((known) => known === kind));
        if (unknown.length) throw new Error(`unknown source kind ${unknown.join(', ')}`);
        return operator === 'in'
          ? sql`${table.source}->>'kind' in ${kinds}`
          : sql`${table.source}->>'kind' = ${kinds[0]}`;
      },
      `Where the task came from: ${taskSourceKinds.join(', ')}`,
    ),
    number: filterOn.number(table.number),
    createdAt: filterOn.timestamp(table.createdAt),
    updatedAt: filterOn.timestamp(table.updatedAt),
  },
  sortable: { number: table.number, createdAt: table.createdAt, updatedAt: table.updatedAt },
  defaultSort: 'number',
  searchable: [table.title, table.description],
  auditedFields: [
    'number',
    'title',
    'description',
    'source',
    'sourceKey',
    'acceptanceCriteria',
    'status',
    'gateIds',
    'evidence',
    'assigneeId',
    'claimExpiresAt',
    'claimedAt',
    'attempts',
    'override',
    'completedAt',
  ],
  hooks: { beforeCreate, beforeUpdate, toOutput },
  permissions: taskPermissions,
});

/** Stored gate evaluations: written by evaluate and complete only, listed per task. */
export const taskEvaluationResource = defineResource({
  name: 'task_gate_evaluation',
  path: 'task-gate-evaluations',
  label: 'task gate evaluation',
  tag: 'Tasks',
  scope: 'project',
  table: taskGateEvaluations,
  schemas: { create: z.strictObject({}), update: z.strictObject({}), output: evaluationSchema },
  filters: { taskId: filterOn.uuid(taskGateEvaluations.taskId, ['eq']) },
  sortable: { createdAt: taskGateEvaluations.createdAt },
  defaultSort: '-createdAt',
  searchable: [],
  search: false,
  auditedFields: ['taskId', 'targetStatus', 'passed', 'conditions', 'overridden', 'evaluatedBy'],
  permissions: {
    read: taskPermissions.read,
    create: taskPermissions.work,
    update: taskPermissions.override,
    delete: taskPermissions.override,
  },
});
