// Lint runs recorded as migration risks, the readiness check they feed, and other workspaces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { outcomesOf } from '../plan/test-helpers.ts';
import { broken, findingsOf, migrationSafetyKit, migrations, plan, unsafeIndex } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;
const { newProject, newStrategy } = migrationSafetyKit(() => t);

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

describe('lint runs', () => {
  it('records the run and each finding as a migration risk once: posting the same files again adds none', async () => {
    const projectId = await newProject();
    const strategyId = await newStrategy(projectId);
    const body = { files: [unsafeIndex, broken], strategyId, commitSha: 'a1b2c3d4e5f6' };
    const agent = await t.newMember(owner, 'agent');
    const first = await agent.post(migrations(projectId, 'lint-runs'), body);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      projectId,
      strategyId,
      commitSha: 'a1b2c3d4e5f6',
      pgVersion: 16,
      files: 2,
      errors: 2,
      parseErrors: 1,
      risks: { created: 2, alreadyOpen: 0 },
    });
    expect(first.headers.location).toBe(
      `/api/v1/projects/${projectId}/migrations/lint-runs/${first.body.id}`,
    );
    expect(findingsOf(first.body.report)).toHaveLength(2);

    const risks = await owner.get(plan(projectId, 'migration-risks'));
    expect(risks.body.data).toHaveLength(2);
    const [created] = risks.body.data.filter((risk: JsonBody) => risk.line === 2);
    expect(created).toMatchObject({
      name: 'require-concurrent-index-creation in drizzle/0007_orders.sql:2',
      strategyId,
      likelihood: 'high',
      impact: 'high',
      ruleId: 'require-concurrent-index-creation',
      severity: 'error',
      migrationFile: 'drizzle/0007_orders.sql',
      line: 2,
      resolvedAt: null,
      mitigation: expect.stringContaining('CONCURRENTLY'),
    });
    expect(Date.parse(created.detectedAt)).toBe(Date.parse(first.body.createdAt));
    const strategy = await owner.get(`${plan(projectId, 'migration-strategies')}/${strategyId}`);
    expect(Date.parse(strategy.body.lastLintedAt)).toBe(Date.parse(first.body.createdAt));

    const again = await agent.post(migrations(projectId, 'lint-runs'), body);
    expect(again.status).toBe(201);
    expect(again.body.risks).toEqual({ created: 0, alreadyOpen: 2 });
    expect((await owner.get(plan(projectId, 'migration-risks'))).body.data).toHaveLength(2);
    const runs = await owner.get(migrations(projectId, 'lint-runs'));
    expect(runs.body.data.map((run: JsonBody) => run.id)).toEqual([again.body.id, first.body.id]);
  });

  it('records warnings and errors with their levels, and a run with no strategy against none', async () => {
    const projectId = await newProject();
    const answer = await owner.post(migrations(projectId, 'lint-runs'), { files: [unsafeIndex] });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.strategyId).toBeNull();
    const risks = await owner.get(plan(projectId, 'migration-risks'), {
      query: { 'filter[strategyId][isNull]': 'true', 'filter[severity]': 'error' },
    });
    expect(risks.body.data).toHaveLength(2);
  });

  it("uses the project's default strategy, and refuses a strategy of another project with 422", async () => {
    const projectId = await newProject();
    const strategyId = await newStrategy(projectId);
    await owner.put(migrations(projectId, 'lint-settings'), { defaultStrategyId: strategyId });
    const run = await owner.post(migrations(projectId, 'lint-runs'), { files: [unsafeIndex] });
    expect(run.body.strategyId).toBe(strategyId);

    const elsewhere = await newStrategy(await newProject());
    const refused = await owner.post(migrations(projectId, 'lint-runs'), {
      files: [unsafeIndex],
      strategyId: elsewhere,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ path: 'strategyId', message: expect.any(String) }]);
    expect((await owner.get(migrations(projectId, 'lint-runs'))).body.data).toHaveLength(1);
  });

  it('lists runs without their reports, filtered and paged; one run comes with its report', async () => {
    const projectId = await newProject();
    const clean = { path: 'drizzle/0010_clean.sql', sql: 'CREATE TABLE notes (id bigint);\n' };
    for (const files of [[unsafeIndex], [clean], [clean]])
      expect((await owner.post(migrations(projectId, 'lint-runs'), { files })).status).toBe(201);
    const first = await owner.get(migrations(projectId, 'lint-runs'), { query: { limit: '2' } });
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data[0]).not.toHaveProperty('report');
    const next = await owner.get(migrations(projectId, 'lint-runs'), {
      query: { limit: '2', cursor: first.body.nextCursor },
    });
    expect(next.body).toMatchObject({ data: [{ errors: 2 }], nextCursor: null });
    const failing = await owner.get(migrations(projectId, 'lint-runs'), {
      query: { 'filter[errors][gte]': '1' },
    });
    expect(failing.body.data.map((run: JsonBody) => run.id)).toEqual([next.body.data[0].id]);
    const bad = await owner.get(migrations(projectId, 'lint-runs'), {
      query: { 'filter[errors][gte]': 'many' },
    });
    expect(bad.status).toBe(400);

    const one = await owner.get(migrations(projectId, `lint-runs/${next.body.data[0].id}`));
    expect(one.status).toBe(200);
    expect(findingsOf(one.body.report)).toHaveLength(2);
    const missing = await owner.get(migrations(projectId, 'lint-runs/0190a3b2-0000-7000-8000-000000000000'));
    expect(missing.status).toBe(404);
  });

  it('is audited: the run, each risk and the strategy change are events in the trail', async () => {
    const projectId = await newProject();
    const strategyId = await newStrategy(projectId);
    const run = await owner.post(migrations(projectId, 'lint-runs'), { files: [unsafeIndex], strategyId });
    const eventsOf = async (aggregateType: string) =>
      (await owner.get('/api/v1/audit/events', { query: { aggregateType, limit: '200' } })).body.data;
    const runEvents = (await eventsOf('migration_lint_run')).filter(
      (event: JsonBody) => event.aggregateId === run.body.id,
    );
    expect(runEvents).toEqual([
      expect.objectContaining({
        eventType: 'migration_lint_run.created',
        eventData: {
          changes: expect.objectContaining({
            errors: { before: null, after: 2 },
            strategyId: { before: null, after: strategyId },
          }),
        },
      }),
    ]);
    expect(runEvents[0].eventData.changes).not.toHaveProperty('report');
    const risks = (await owner.get(plan(projectId, 'migration-risks'))).body.data.map(
      (risk: JsonBody) => risk.id,
    );
    const riskEvents = (await eventsOf('plan_migration_risks')).filter((event: JsonBody) =>
      risks.includes(event.aggregateId),
    );
    expect(riskEvents.map((event: JsonBody) => event.eventType)).toEqual([
      'plan_migration_risks.created',
      'plan_migration_risks.created',
    ]);
    const strategyEvents = (await eventsOf('plan_migration_strategies')).filter(
      (event: JsonBody) => event.aggregateId === strategyId,
    );
    expect(strategyEvents.map((event: JsonBody) => event.eventType)).toEqual([
      'plan_migration_strategies.updated',
      'plan_migration_strategies.created',
    ]);
  });

  it('may be recorded by agents and editors, not by viewers or reviewers', async () => {
    const projectId = await newProject();
    for (const [role, status] of [
      ['editor', 201],
      ['agent', 201],
      ['viewer', 403],
      ['reviewer', 403],
    ] as const) {
      const member = await t.newMember(owner, role);
      const answer = await member.post(migrations(projectId, 'lint-runs'), { files: [unsafeIndex] });
      expect(answer.status, role).toBe(status);
    }
  });
});

describe('the readiness check migrations.lint-clean', () => {
  it('fails until every strategy is linted and its errors resolved, then passes', async () => {
    const projectId = await newProject();
    const strategyId = await newStrategy(projectId, 'orders index');
    const outcome = async () =>
      (await outcomesOf(owner, projectId, 'database-migrations')).byId.get('migrations.lint-clean');

    const never = await outcome();
    expect(never).toMatchObject({
      status: 'fail',
      rows: [{ table: 'migration_strategies', id: strategyId }],
    });
    expect(never.message).toContain('orders index');

    await owner.post(migrations(projectId, 'lint-runs'), { files: [unsafeIndex], strategyId });
    const open = await outcome();
    expect(open.status).toBe('fail');
    expect(open.message).toMatch(
      /2 unresolved lint errors: require-concurrent-index-creation in drizzle\/0007_orders.sql:2/,
    );
    expect(open.rows.map((row: JsonBody) => row.table)).toEqual(['migration_risks', 'migration_risks']);

    for (const row of open.rows) {
      const resolved = await owner.patch(`${plan(projectId, 'migration-risks')}/${row.id}`, {
        resolvedAt: new Date().toISOString(),
      });
      expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    }
    expect(await outcome()).toMatchObject({ status: 'pass' });
  });

  it('is listed among the gold checks of the area', async () => {
    const answer = await owner.get('/api/v1/readiness/checks', {
      query: { area: 'database-migrations', level: 'gold' },
    });
    expect(answer.body.data.map((check: JsonBody) => check.id)).toContain('migrations.lint-clean');
  });
});

describe('another workspace', () => {
  it("answers 404 for every migration route of another workspace's project, and writes nothing there", async () => {
    const projectId = await newProject();
    const run = await owner.post(migrations(projectId, 'lint-runs'), { files: [unsafeIndex] });
    const stranger = await t.newWorkspace();
    const body = { files: [unsafeIndex] };
    const answers = [
      await stranger.post(migrations(projectId, 'lint'), body),
      await stranger.post(migrations(projectId, 'lint-runs'), body),
      await stranger.get(migrations(projectId, 'lint-runs')),
      await stranger.get(migrations(projectId, `lint-runs/${run.body.id}`)),
      await stranger.get(migrations(projectId, 'lint-settings')),
      await stranger.put(migrations(projectId, 'lint-settings'), { pgVersion: 12 }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect((await owner.get(migrations(projectId, 'lint-runs'))).body.data).toHaveLength(1);
    expect((await owner.get(migrations(projectId, 'lint-settings'))).body.version).toBe(0);
  });
});
