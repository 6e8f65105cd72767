import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible, getRow } from '../../core/resource/service.ts';
import { createRow } from '../../core/resource/writes.ts';
import type { Transaction } from '../../db/connection.ts';
import { evaluateReadiness } from '../plan/readiness.ts';
import { specItems } from '../prd-reviews/exchange.ts';
import { prdResource } from '../prd-reviews/resource.ts';
import type { GenerateInput, TaskOutput } from './contracts.ts';
import { taskResource } from './resource.ts';
import { withAssignees } from './service.ts';
import { defaultGateIds, lockProjectTasks } from './store.ts';
import { type AcceptanceCriterion, type TaskSource, tasks } from './tables.ts';

// Tasks made from what the project already says must be done: the functional requirements of an
// approved PRD (FR-001…, judged by its success criteria) and the readiness checks that fail. Each
// source has a key, so generating again makes only the tasks that are new.

interface Planned {
  title: string;
  description: string;
  source: TaskSource;
  sourceKey: string;
  acceptanceCriteria: AcceptanceCriterion[];
}

const short = (text: string, length = 120) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

async function fromPrd(tx: Transaction, scope: Scope, prdId: string): Promise<Planned[]> {
  const prd = await getRow(tx, prdResource, scope, prdId).catch(() => {
    throw new AppError('unprocessable', `This project has no PRD ${prdId}.`, {
      code: 'task.unknown_prd',
      errors: [{ path: 'prdId', message: 'no such PRD in this project' }],
    });
  });
  if (prd.status !== 'approved')
    throw new AppError(
      'unprocessable',
      `PRD "${prd.title}" is ${prd.status}: tasks come from approved PRDs only.`,
      {
        code: 'task.prd_not_approved',
        errors: [{ path: 'prdId', message: `the PRD is ${prd.status}, not approved` }],
      },
    );
  const { requirements, criteria } = specItems(prd.content);
  const acceptanceCriteria = criteria.map(
    (criterion): AcceptanceCriterion => ({ kind: 'criterion', ref: criterion.id, text: criterion.text }),
  );
  return requirements.map((requirement) => ({
    title: `${requirement.id}: ${short(requirement.text)}`,
    description: `${requirement.text}\n\nFrom PRD "${prd.title}" (${prd.id}).`,
    source: { kind: 'requirement', refId: prd.id, key: requirement.id, text: requirement.text },
    sourceKey: `requirement:${prd.id}:${requirement.id}`,
    acceptanceCriteria,
  }));
}

async function fromChecks(tx: Transaction, scope: Scope): Promise<Planned[]> {
  const scorecard = await evaluateReadiness(
    tx,
    { workspaceId: scope.ctx.workspaceId, projectId: scope.projectId ?? '' },
    { now: new Date() },
  );
  return scorecard.areas
    .filter((area) => area.applicable)
    .flatMap((area) => area.failing)
    .map((outcome) => ({
      title: `Make ${outcome.id} pass: ${short(outcome.title)}`,
      description: [outcome.message, outcome.why].filter(Boolean).join('\n\n'),
      source: { kind: 'check', key: outcome.id, text: outcome.title },
      sourceKey: `check:${outcome.id}`,
      acceptanceCriteria: [{ kind: 'check', ref: outcome.id, text: outcome.title }],
    }));
}

/**
 * POST …/tasks/generate: one task per functional requirement of the approved PRD and per failing
 * readiness check, skipping those made before. Runs under the project's task lock.
 */
export async function generateTasks(
  scope: Scope,
  input: GenerateInput,
): Promise<{ created: TaskOutput[]; existing: number }> {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    if (input.prdId === undefined && input.checks !== true)
      throw new AppError('validation_failed', 'Say what to generate from: prdId, checks: true, or both.', {
        errors: [{ path: 'body', message: 'give prdId, checks: true, or both' }],
      });
    const projectId = scope.projectId ?? '';
    await lockProjectTasks(tx, projectId);
    const planned = [
      ...(input.prdId ? await fromPrd(tx, scope, input.prdId) : []),
      ...(input.checks ? await fromChecks(tx, scope) : []),
    ];
    const keys = planned.map((task) => task.sourceKey);
    const existing = keys.length
      ? await tx
          .select({ sourceKey: tasks.sourceKey })
          .from(tasks)
          .where(
            and(
              eq(tasks.workspaceId, scope.ctx.workspaceId),
              eq(tasks.projectId, projectId),
              inArray(tasks.sourceKey, keys),
            ),
          )
      : [];
    const made = new Set(existing.map((row) => row.sourceKey));
    const gateIds = await defaultGateIds(tx, scope.ctx.workspaceId, projectId);
    const created = [];
    for (const task of planned) {
      if (made.has(task.sourceKey)) continue;
      made.add(task.sourceKey);
      created.push(await createRow(tx, taskResource, scope, { ...task, gateIds }));
    }
    return { created: await withAssignees(tx, created), existing: existing.length };
  });
}
