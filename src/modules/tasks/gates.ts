import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { evaluateGate, GateSyntaxError, parseGate } from '../../engines/test-results/gate.ts';
import { openFindingsOf, severities } from '../findings/open-findings.ts';
import { qualityGates } from '../plan/areas/code-review-automation.ts';
import { evaluateReadiness } from '../plan/readiness.ts';
import { factsOf } from '../test-evidence/gate.ts';
import { allureReport } from '../test-evidence/tables.ts';
import type { GateCondition, TaskRow } from './tables.ts';

// The conditions a task must meet to move to review or done: for each of its quality gates, the
// test gate on the newest imported run of its evidence, the open findings of its finding sets,
// or else the gate's last result; and for each acceptance criterion that names a readiness check,
// that check.

type QualityGate = typeof qualityGates.$inferSelect;

/** The gate's threshold as test-gate conditions, or null when it is not one. */
function testConditionsOf(gate: QualityGate) {
  const threshold = gate.threshold?.trim();
  if (!threshold) return null;
  try {
    return parseGate(threshold);
  } catch (error) {
    if (error instanceof GateSyntaxError) return null;
    throw error;
  }
}

/** The newest imported run among the evidence's runs, if any. */
async function newestRun(db: Executor, task: TaskRow) {
  if (task.evidence.testRunIds.length === 0) return null;
  const [run] = await db
    .select()
    .from(allureReport)
    .where(
      and(
        eq(allureReport.workspaceId, task.workspaceId),
        eq(allureReport.projectId, task.projectId),
        inArray(allureReport.id, task.evidence.testRunIds),
        eq(allureReport.status, 'imported'),
      ),
    )
    .orderBy(desc(allureReport.createdAt), desc(allureReport.id))
    .limit(1);
  return run ?? null;
}

async function gateConditions(db: Executor, task: TaskRow, gate: QualityGate): Promise<GateCondition[]> {
  const named = { gateId: gate.id, gateName: gate.name };
  const conditions: GateCondition[] = [];
  const tests = testConditionsOf(gate);
  if (tests) {
    const run = await newestRun(db, task);
    if (!run)
      conditions.push({ ...named, kind: 'tests', passed: false, message: 'no test run in the evidence' });
    else {
      const verdict = evaluateGate(tests, await factsOf(db, run));
      conditions.push({
        ...named,
        kind: 'tests',
        passed: verdict.passed,
        message: verdict.passed
          ? `${gate.threshold}: passed on run ${run.name}`
          : `${verdict.failures.map((failure) => failure.message).join('; ')} (run ${run.name})`,
      });
    }
  }
  const severity = severities.find((candidate) => candidate === gate.blockingSeverity);
  if (severity) {
    const open = await openFindingsOf(db, task.workspaceId, task.evidence.findingSetIds, severity);
    const shown = open
      .slice(0, 5)
      .map(
        (finding) => `${finding.ruleId ?? finding.name}${finding.location ? ` at ${finding.location}` : ''}`,
      );
    conditions.push({
      ...named,
      kind: 'findings',
      passed: open.length === 0,
      message:
        open.length === 0
          ? `no open finding at or above ${severity}`
          : `${open.length} open finding${open.length === 1 ? '' : 's'} at or above ${severity} or blocking: ${shown.join(', ')}${open.length > shown.length ? ', …' : ''}`,
    });
  }
  if (!tests && !severity) {
    const passed = gate.lastResult === 'passed';
    conditions.push({
      ...named,
      kind: 'tests',
      passed,
      message: passed ? 'last run passed' : `last run ${gate.lastResult ?? 'not reported'}`,
    });
  }
  return conditions;
}

async function checkConditions(db: Executor, task: TaskRow, now: Date): Promise<GateCondition[]> {
  const checks = task.acceptanceCriteria.filter((criterion) => criterion.kind === 'check');
  if (checks.length === 0) return [];
  const scorecard = await evaluateReadiness(
    db,
    { workspaceId: task.workspaceId, projectId: task.projectId },
    { now },
  );
  return checks.map((criterion): GateCondition => {
    for (const area of scorecard.areas) {
      if (!area.applicable) {
        const inArea = [...area.passing, ...area.failing, ...area.disabled].some(
          (o) => o.id === criterion.ref,
        );
        if (inArea)
          return {
            kind: 'check',
            passed: true,
            message: `${criterion.ref}: area ${area.slug} not applicable`,
          };
        continue;
      }
      const passing = area.passing.find((outcome) => outcome.id === criterion.ref);
      if (passing) return { kind: 'check', passed: true, message: `${criterion.ref}: ${passing.status}` };
      const disabled = area.disabled.find((outcome) => outcome.id === criterion.ref);
      if (disabled) return { kind: 'check', passed: true, message: `${criterion.ref}: disabled` };
      const failing = area.failing.find((outcome) => outcome.id === criterion.ref);
      if (failing)
        return {
          kind: 'check',
          passed: false,
          message: `${criterion.ref}: ${failing.status}${failing.message ? ` — ${failing.message}` : ''}`,
        };
    }
    return { kind: 'check', passed: false, message: `${criterion.ref}: no such readiness check` };
  });
}

/** Every condition of the task, passed or not. */
export async function conditionsOf(db: Executor, task: TaskRow, now: Date): Promise<GateCondition[]> {
  const gates = task.gateIds.length
    ? await db
        .select()
        .from(qualityGates)
        .where(
          and(
            eq(qualityGates.workspaceId, task.workspaceId),
            eq(qualityGates.projectId, task.projectId),
            inArray(qualityGates.id, task.gateIds),
          ),
        )
    : [];
  const conditions: GateCondition[] = [];
  for (const gateId of task.gateIds) {
    const gate = gates.find((candidate) => candidate.id === gateId);
    if (!gate) {
      conditions.push({ gateId, kind: 'tests', passed: false, message: 'the quality gate no longer exists' });
      continue;
    }
    conditions.push(...(await gateConditions(db, task, gate)));
  }
  conditions.push(...(await checkConditions(db, task, now)));
  return conditions;
}
