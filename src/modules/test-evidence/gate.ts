import { and, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { defineResource } from '../../core/resource/define.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { changeRow, createRow } from '../../core/resource/writes.ts';
import type { Executor, Transaction } from '../../db/connection.ts';
import {
  evaluateGate,
  type GateCondition,
  type GateFacts,
  GateSyntaxError,
  parseGate,
} from '../../engines/test-results/gate.ts';
import { codeReviewAutomation, qualityGates } from '../plan/areas/code-review-automation.ts';
import { planPermissions } from '../plan/permissions.ts';
import type { GateAnswer, GateQuery } from './analysis-contracts.ts';
import { flakyShare, runWindow } from './flaky-store.ts';
import { changeConditions, flakyCondition } from './scenarios-filters.ts';
import { importedRun, projectOf } from './scenarios-store.ts';
import { allureScenarios, type RunRow, testGateEvaluations } from './tables.ts';

// A test gate evaluated on an imported run: the conditions written in the request or held by one
// of the plan's quality gates, the run's figures, the verdict stored (audited) and, when a quality
// gate was named, its last result written onto the plan, where the readiness checks read it.

/** How many of the branch's last runs the flaky rate written onto a quality gate looks at. */
const flakyWindowRuns = 30;

const evaluationOutput = z.object({
  id: z.uuid(),
  runId: z.uuid(),
  qualityGateId: z.uuid().nullable(),
  expression: z.string(),
  passed: z.boolean(),
  failures: z.array(z.object({ condition: z.string(), actual: z.number().nullable(), message: z.string() })),
  createdAt: z.date(),
});

/** Evaluations are written by the gate route only: no generic routes, but audited rows. */
export const gateEvaluationResource = defineResource({
  name: 'test_gate_evaluation',
  path: 'test-gate-evaluations',
  label: 'test gate evaluation',
  tag: 'Test evidence',
  scope: 'project',
  table: testGateEvaluations,
  schemas: { create: z.strictObject({}), update: z.strictObject({}), output: evaluationOutput },
  filters: {},
  sortable: { createdAt: testGateEvaluations.createdAt },
  defaultSort: '-createdAt',
  searchable: [],
  search: false,
  auditedFields: ['runId', 'qualityGateId', 'expression', 'passed', 'failures'],
  permissions: {
    read: planPermissions.read,
    create: planPermissions.contribute,
    update: planPermissions.write,
    delete: planPermissions.write,
  },
});

const qualityGateResource = (() => {
  const table = codeReviewAutomation.tables.find((candidate) => candidate.key === 'qualityGates');
  if (!table) throw new Error('the code review area has no quality gates table');
  return table.resource;
})();

type QualityGate = typeof qualityGates.$inferSelect;

interface ResolvedGate {
  expression: string;
  conditions: GateCondition[];
  qualityGate: QualityGate | null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function unparsable(error: GateSyntaxError, what: string): AppError {
  return new AppError('unprocessable', `${what} does not parse: ${error.message}`, {
    code: 'test_gate.syntax',
    errors: [{ path: 'query.gate', message: error.message }],
    extensions: { position: error.position },
  });
}

function parsed(expression: string, what: string): GateCondition[] {
  try {
    return parseGate(expression);
  } catch (error) {
    if (error instanceof GateSyntaxError) throw unparsable(error, what);
    throw error;
  }
}

/** The project's quality gate with this id or name, locked for the transaction, if there is one. */
async function qualityGateNamed(tx: Transaction, scope: Scope, gate: string): Promise<QualityGate | null> {
  const byId = uuidPattern.test(gate);
  const [row] = await tx
    .select()
    .from(qualityGates)
    .where(
      and(
        eq(qualityGates.workspaceId, scope.ctx.workspaceId),
        eq(qualityGates.projectId, projectOf(scope)),
        byId ? eq(qualityGates.id, gate) : eq(qualityGates.name, gate),
      ),
    )
    .limit(1)
    .for('update');
  if (!row && byId)
    throw new AppError('unprocessable', `This project has no quality gate ${gate}.`, {
      code: 'plan.reference_not_found',
      errors: [{ path: 'query.gate', message: `no quality gate ${gate} in this project` }],
    });
  return row ?? null;
}

/** The gate asked for: a quality gate's threshold (by id or name), else the conditions as written. */
async function resolveGate(tx: Transaction, scope: Scope, gate: string): Promise<ResolvedGate> {
  const qualityGate = await qualityGateNamed(tx, scope, gate.trim());
  if (!qualityGate) return { expression: gate, conditions: parsed(gate, 'The gate'), qualityGate: null };
  const threshold = qualityGate.threshold?.trim();
  if (!threshold)
    throw new AppError('unprocessable', `Quality gate ${qualityGate.name} has no threshold to evaluate.`, {
      code: 'test_gate.no_threshold',
      errors: [{ path: 'query.gate', message: 'the quality gate has no threshold' }],
    });
  return {
    expression: threshold,
    conditions: parsed(threshold, `The threshold of quality gate ${qualityGate.name}`),
    qualityGate,
  };
}

const figures = z.object({
  new_failures: z.coerce.number(),
  flaky: z.coerce.number(),
  max_duration: z.coerce.number().nullable(),
});

/** The run's figures, from its totals and its scenarios (what any test gate is judged on). */
export async function factsOf(db: Executor, run: RunRow): Promise<GateFacts> {
  const s = allureScenarios;
  const count = (condition: SQL) => sql`count(*) filter (where ${condition})`;
  const answer = await db.execute(sql`select ${count(changeConditions['new-failure'])} as new_failures,
      ${count(flakyCondition)} as flaky, max(${s.durationMs}) as max_duration
    from ${s} where ${s.runId} = ${run.id} and ${s.workspaceId} = ${run.workspaceId}`);
  const [row] = z.array(figures).parse(answer.rows);
  return {
    ...run.totals,
    newFailures: row?.new_failures ?? 0,
    flaky: row?.flaky ?? 0,
    maxDurationMs: row?.max_duration ?? undefined,
    durationMs: run.durationMs ?? undefined,
  };
}

/** The flaky share (in %) of the run's branch over its last runs up to this one. */
async function flakyRateOf(tx: Transaction, scope: Scope, run: RunRow): Promise<number> {
  const window = await runWindow(tx, scope, run.branch, flakyWindowRuns, run.createdAt);
  return Math.round((await flakyShare(tx, scope, window)) * 10_000) / 100;
}

/** GET …/test-runs/{runId}/gate: evaluates, stores the verdict and tells the plan's quality gate. */
export async function evaluateTestGate(scope: Scope, runId: string, query: GateQuery): Promise<GateAnswer> {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const run = await importedRun(tx, scope, runId);
    const gate = await resolveGate(tx, scope, query.gate);
    const verdict = evaluateGate(gate.conditions, await factsOf(tx, run));
    const evaluation = await createRow(tx, gateEvaluationResource, scope, {
      runId: run.id,
      qualityGateId: gate.qualityGate?.id ?? null,
      expression: gate.expression,
      passed: verdict.passed,
      failures: verdict.failures,
      createdBy: scope.ctx.actor.userId,
    });
    if (gate.qualityGate)
      await changeRow(tx, qualityGateResource, scope, gate.qualityGate, {
        values: {
          lastResult: verdict.passed ? 'passed' : 'failed',
          lastRunAt: evaluation.createdAt,
          lastTestRunAt: evaluation.createdAt,
          flakyRate: await flakyRateOf(tx, scope, run),
        },
        data: { testRunId: run.id, evaluationId: evaluation.id },
      });
    return {
      passed: verdict.passed,
      expression: gate.expression,
      qualityGateId: gate.qualityGate?.id ?? null,
      failures: verdict.failures,
      evaluationId: evaluation.id,
    };
  });
}
