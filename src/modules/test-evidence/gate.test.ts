// Test gates on imported runs: each condition alone can fail a gate, quality gates of the plan are
// evaluated by id or name and carry the verdict (and the flaky rate) to the readiness checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { outcomesOf } from '../plan/test-helpers.ts';
import { evidence, evidenceKit, type SeedScenario } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;
const { newProject, insertRun } = evidenceKit(() => t);

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

const gate = (projectId: string, runId: string, expression: string) =>
  evidence(projectId, `test-runs/${runId}/gate?gate=${encodeURIComponent(expression)}`);

/** 50 tests in main's previous run; this run's tests as given, the rest passing in 1 ms. */
async function runWith(projectId: string, scenarios: SeedScenario[]) {
  const passing = (count: number, offset = 0): SeedScenario[] =>
    Array.from({ length: count }, (_, index) => ({
      historyId: `t${index + offset}`,
      status: 'passed',
      durationMs: 1,
    }));
  await insertRun(projectId, { createdAt: new Date(Date.now() - 60_000), scenarios: passing(50) });
  return insertRun(projectId, {
    durationMs: 90_000,
    scenarios: [...scenarios, ...passing(50 - scenarios.length, scenarios.length)],
  });
}

describe('test gates', () => {
  it('passes a run that meets every condition, and stores the evaluation', async () => {
    const projectId = await newProject();
    const { runId } = await runWith(projectId, []);
    const answer = await owner.get(
      gate(
        projectId,
        runId,
        'failures = 0, passRate >= 98%, newFailures = 0; maxDuration <= 30s and flaky == 0',
      ),
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ passed: true, failures: [], qualityGateId: null });
    const events = await owner.get('/api/v1/audit/events', {
      query: { aggregateType: 'test_gate_evaluation', limit: '50' },
    });
    expect(events.body.data.map((event: JsonBody) => event.aggregateId)).toContain(answer.body.evaluationId);
  });

  it('fails on each condition alone, saying which and with the figure', async () => {
    // A broken test that is new to the branch fails `failures = 0` but not `newFailures = 0`.
    const fresh = await newProject();
    const { runId: freshRun } = await runWith(fresh, [{ historyId: 'brand-new', status: 'broken' }]);
    expect((await owner.get(gate(fresh, freshRun, 'newFailures = 0, passRate >= 98%'))).body.passed).toBe(
      true,
    );
    const cases: [SeedScenario[], string, number][] = [
      [[{ historyId: 'brand-new', status: 'broken' }], 'failures = 0', 1],
      [[{ historyId: 't0', status: 'failed' }], 'newFailures = 0', 1],
      [[{ historyId: 'new', status: 'failed' }], 'passRate >= 99%', 98],
      [[{ historyId: 't0', status: 'passed', durationMs: 45_000 }], 'maxDuration <= 30s', 45_000],
      [[{ historyId: 't0', status: 'passed', retries: ['failed'] }], 'flaky = 0', 1],
      [[], 'duration < 1m', 90_000],
      [[{ historyId: 't0', status: 'skipped' }], 'skipped = 0', 1],
    ];
    for (const [scenarios, condition, actual] of cases) {
      const projectId = await newProject();
      const { runId } = await runWith(projectId, scenarios);
      const answer = await owner.get(gate(projectId, runId, condition));
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body.passed, condition).toBe(false);
      expect(answer.body.failures, condition).toEqual([
        { condition, actual, message: expect.stringContaining(condition.split(' ')[0] ?? '') },
      ]);
    }
  });

  it('answers 422 with the position for conditions that do not parse', async () => {
    const projectId = await newProject();
    const { runId } = await runWith(projectId, []);
    const answer = await owner.get(gate(projectId, runId, 'failures = 0, slowness < 3'));
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'test_gate.syntax', position: 14 });
    expect(answer.body.errors[0].path).toBe('query.gate');
  });

  it("evaluates a plan quality gate's threshold by name or id and feeds the readiness checks", async () => {
    const projectId = await newProject();
    const gates = `/api/v1/projects/${projectId}/plan/code-review-automation/quality-gates`;
    const created = await owner.post(gates, {
      name: 'tests',
      stage: 'pre-merge',
      command: 'npm test',
      threshold: 'failures = 0',
      maxFlakyRate: 5,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const before = await outcomesOf(owner, projectId, 'code-review-automation');
    expect(before.byId.get('review.gates-evaluated-on-tests').status).toBe('fail');

    const { runId } = await runWith(projectId, [{ historyId: 't0', status: 'passed', retries: ['failed'] }]);
    const agent = await t.newMember(owner, 'agent');
    const byName = await agent.get(gate(projectId, runId, 'tests'));
    expect(byName.status, JSON.stringify(byName.body)).toBe(200);
    expect(byName.body).toMatchObject({
      passed: true,
      expression: 'failures = 0',
      qualityGateId: created.body.id,
    });
    const row = (await owner.get(`${gates}/${created.body.id}`)).body;
    // One test of the 50 passed only after a retry: 2% flaky.
    expect(row).toMatchObject({ lastResult: 'passed', flakyRate: 2, maxFlakyRate: 5 });
    expect(Date.parse(row.lastTestRunAt)).toBe(Date.parse(row.lastRunAt));
    const after = await outcomesOf(owner, projectId, 'code-review-automation');
    expect(after.byId.get('review.gates-evaluated-on-tests').status).toBe('pass');
    expect(after.byId.get('review.flaky-rate-within-threshold').status).toBe('pass');
    expect(after.byId.get('review.gates-passing').status).toBe('pass');

    await owner.patch(`${gates}/${created.body.id}`, { threshold: 'flaky = 0', maxFlakyRate: 0.5 });
    const byId = await agent.get(gate(projectId, runId, created.body.id));
    expect(byId.body).toMatchObject({ passed: false, expression: 'flaky = 0' });
    const failing = await outcomesOf(owner, projectId, 'code-review-automation');
    expect(failing.byId.get('review.gates-passing').status).toBe('fail');
    expect(failing.byId.get('review.flaky-rate-within-threshold').status).toBe('fail');

    const viewer = await t.newMember(owner, 'viewer');
    expect((await viewer.get(gate(projectId, runId, 'tests'))).status).toBe(403);
    const unknown = await owner.get(gate(projectId, runId, '01900000-0000-7000-8000-000000000000'));
    expect(unknown.status).toBe(422);
  });

  it("answers 404 for another workspace's run", async () => {
    const other = await t.newWorkspace();
    const theirs = await newProject(other);
    const { runId } = await insertRun(theirs, { scenarios: [{ historyId: 'a', status: 'passed' }] }, other);
    expect((await owner.get(gate(theirs, runId, 'failures = 0'))).status).toBe(404);
    const mine = await newProject();
    expect((await owner.get(gate(mine, runId, 'failures = 0'))).status).toBe(404);
  });
});
