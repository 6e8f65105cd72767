import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { outcomesOf } from '../plan/test-helpers.ts';

let t: TestApp;
let owner: Caller;
let keys = 0;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

async function newProject(caller: Caller = owner): Promise<string> {
  keys += 1;
  const project = await caller.post('/api/v1/projects', { name: `Migrations ${keys}`, key: `MIG${keys}` });
  expect(project.status, JSON.stringify(project.body)).toBe(201);
  return project.body.id;
}

const plan = (projectId: string, table: string) =>
  `/api/v1/projects/${projectId}/plan/database-migrations/${table}`;
const migrations = (projectId: string, rest: string) => `/api/v1/projects/${projectId}/migrations/${rest}`;

/** A strategy that meets every other check of the area, so the lint check decides the gold level. */
async function newStrategy(projectId: string, name = 'split amount', caller = owner): Promise<string> {
  const strategy = await caller.post(plan(projectId, 'migration-strategies'), {
    name,
    pattern: 'expand-contract',
    rollbackPlan: 'keep both columns until the contract step',
    lockTimeoutMs: 2000,
  });
  expect(strategy.status, JSON.stringify(strategy.body)).toBe(201);
  return strategy.body.id;
}

const unsafeIndex = {
  path: 'drizzle/0007_orders.sql',
  sql: "SET lock_timeout = '2s'; SET statement_timeout = '5min'; -- orders by customer\nCREATE INDEX IF NOT EXISTS orders_customer_idx ON orders (customer_id);\nDROP INDEX IF EXISTS orders_old_idx;\n",
};
const addColumnWithDefault = {
  path: 'drizzle/0008_flags.sql',
  sql: "SET lock_timeout = '2s'; SET statement_timeout = '5min';\nALTER TABLE orders ADD COLUMN IF NOT EXISTS flagged bigint DEFAULT 0;\n",
};
const broken = { path: 'drizzle/0009_broken.sql', sql: 'SELECT 1;\nCREATE TABLE (\n  id int\n);\n' };

function findingsOf(report: JsonBody): JsonBody[] {
  return report.files.flatMap((file: JsonBody) => file.findings);
}

describe('POST …/migrations/lint', () => {
  it("answers the engine's report: findings with their recipe, locks, and parse errors with line and column", async () => {
    const projectId = await newProject();
    const answer = await owner.post(migrations(projectId, 'lint'), { files: [unsafeIndex, broken] });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const [indexFile, brokenFile] = answer.body.files;
    expect(indexFile.findings.map((finding: JsonBody) => [finding.ruleId, finding.line])).toEqual([
      ['require-concurrent-index-creation', 2],
      ['require-concurrent-index-deletion', 3],
    ]);
    expect(indexFile.findings[0]).toMatchObject({
      severity: 'error',
      path: 'drizzle/0007_orders.sql',
      recipe: expect.stringContaining('CONCURRENTLY'),
    });
    expect(indexFile.statements[2].locks).toEqual([
      expect.objectContaining({ table: 'orders', mode: 'SHARE', blocks: 'writes' }),
    ]);
    expect(brokenFile.parseError).toMatchObject({ line: 2, column: expect.any(Number) });
    expect(brokenFile.parseError.message).toMatch(/syntax error/);
    expect(answer.body.summary).toMatchObject({ files: 2, errors: 2, parseErrors: 1 });
    // Linting stores nothing.
    expect((await owner.get(migrations(projectId, 'lint-runs'))).body.data).toEqual([]);
  });

  it('lets anyone who reads the plan lint, agents and viewers included', async () => {
    const projectId = await newProject();
    for (const role of ['agent', 'viewer'] as const) {
      const member = await t.newMember(owner, role);
      const answer = await member.post(migrations(projectId, 'lint'), { files: [unsafeIndex] });
      expect(answer.status, role).toBe(200);
    }
  });

  it("follows the project's settings, which the request may override", async () => {
    const projectId = await newProject();
    const lint = (extra: object = {}) =>
      owner.post(migrations(projectId, 'lint'), { files: [unsafeIndex, addColumnWithDefault], ...extra });
    const rewrites = (report: JsonBody) => report.files[1].statements[2].locks[0].rewrite;

    const before = await lint();
    expect(before.body.pgVersion).toBe(16);
    expect(rewrites(before.body)).toBe(false);
    expect(findingsOf(before.body).map((finding) => finding.ruleId)).toContain(
      'require-concurrent-index-creation',
    );

    const saved = await owner.put(migrations(projectId, 'lint-settings'), {
      pgVersion: 10,
      disabledRules: ['require-concurrent-index-creation'],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const after = await lint();
    expect(after.body.pgVersion).toBe(10);
    // Before PostgreSQL 11 a constant default rewrote the whole table.
    expect(rewrites(after.body)).toBe(true);
    expect(findingsOf(after.body).map((finding) => finding.ruleId)).toEqual([
      'require-concurrent-index-deletion',
      'adding-field-with-default',
    ]);

    const overridden = await lint({ pgVersion: 17, disabledRules: [] });
    expect(overridden.body.pgVersion).toBe(17);
    expect(rewrites(overridden.body)).toBe(false);
    expect(findingsOf(overridden.body)).toHaveLength(2);
  });

  it('refuses bad input with a problem naming each field', async () => {
    const projectId = await newProject();
    const cases: [object, string][] = [
      [{ files: [] }, 'files'],
      [{ files: [unsafeIndex], pgVersion: 9 }, 'pgVersion'],
      [{ files: [unsafeIndex], pgVersion: 19 }, 'pgVersion'],
      [{ files: [{ path: '', sql: 'SELECT 1;' }] }, 'files.0.path'],
      [{ files: [{ path: 'a.sql' }] }, 'files.0.sql'],
      [{ files: [unsafeIndex], extra: true }, 'extra'],
    ];
    for (const [body, path] of cases) {
      const answer = await owner.post(migrations(projectId, 'lint'), body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(answer.body.errors.map((error: JsonBody) => error.path)).toContain(path);
    }
    const unknownRule = await owner.post(migrations(projectId, 'lint'), {
      files: [unsafeIndex],
      disabledRules: ['require-concurrent-index-creation', 'no-such-rule'],
    });
    expect(unknownRule.status).toBe(400);
    expect(unknownRule.body).toMatchObject({
      code: 'migrations.unknown_rule',
      errors: [{ path: 'disabledRules.1', message: 'no rule no-such-rule' }],
    });
  });

  it('answers 413 beyond 2,000 files, 1 MiB a file or 10 MiB in all, naming what is too large', async () => {
    const projectId = await newProject();
    const lint = (files: object[]) => owner.post(migrations(projectId, 'lint'), { files });
    const many = Array.from({ length: 2001 }, (_, index) => ({ path: `m/${index}.sql`, sql: 'SELECT 1;' }));
    const tooMany = await lint(many);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ code: 'migrations.too_large', errors: [{ path: 'files' }] });

    const big = `SELECT 1;\n${'-- padding\n'.repeat(100_000)}`;
    const tooBig = await lint([unsafeIndex, { path: 'big.sql', sql: big }]);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.errors).toEqual([
      { path: 'files.1.sql', message: expect.stringContaining('big.sql is 1100010 bytes') },
    ]);

    const almost = `SELECT 1;\n${'-- padding\n'.repeat(95_000)}`;
    const tooMuch = await lint(
      Array.from({ length: 11 }, (_, index) => ({ path: `${index}.sql`, sql: almost })),
    );
    expect(tooMuch.status).toBe(413);
    expect(tooMuch.body.errors).toEqual([
      { path: 'files', message: expect.stringMatching(/bytes of SQL in all/) },
    ]);

    // Just within the limits, the same files are linted.
    const within = await lint(
      Array.from({ length: 10 }, (_, index) => ({ path: `${index}.sql`, sql: almost })),
    );
    expect(within.status).toBe(200);
    expect(within.body.summary.files).toBe(10);
  });
});

describe('lint settings', () => {
  it('answers the defaults at version 0, then versions and audits each change (412 when stale)', async () => {
    // A workspace of its own, so that its audit trail holds only this test's settings.
    const admin = await t.newWorkspace();
    const projectId = await newProject(admin);
    const url = migrations(projectId, 'lint-settings');
    const initial = await admin.get(url);
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({
      pgVersion: 16,
      disabledRules: [],
      defaultStrategyId: null,
      version: 0,
      isDefault: true,
    });
    expect(initial.headers.etag).toBe('"v0"');

    const strategyId = await newStrategy(projectId, 'split amount', admin);
    const first = await admin.put(
      url,
      { pgVersion: 15, defaultStrategyId: strategyId },
      { headers: { 'if-match': '"v0"' } },
    );
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({
      pgVersion: 15,
      defaultStrategyId: strategyId,
      version: 1,
      isDefault: false,
    });

    const stale = await admin.put(url, { pgVersion: 14 }, { headers: { 'if-match': '"v0"' } });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('version_mismatch');

    const second = await admin.put(url, { pgVersion: 14, version: 1 });
    expect(second.status).toBe(200);
    // PUT replaces: the default strategy left out is cleared.
    expect(second.body).toMatchObject({ pgVersion: 14, defaultStrategyId: null, version: 2 });
    expect((await admin.get(url)).headers.etag).toBe('"v2"');

    const events = await admin.get('/api/v1/audit/events', {
      query: { aggregateType: 'migration_lint_settings', order: 'asc' },
    });
    expect(events.body.data.map((event: JsonBody) => event.eventType)).toEqual([
      'migration_lint_settings.created',
      'migration_lint_settings.updated',
    ]);
  });

  it('refuses unknown rules (400 naming them), versions out of range (400) and strategies of other projects (422)', async () => {
    const projectId = await newProject();
    const url = migrations(projectId, 'lint-settings');
    const unknown = await owner.put(url, {
      disabledRules: ['ban-everything', 'require-concurrent-index-creation', 'nope'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { path: 'disabledRules.0', message: 'no rule ban-everything' },
      { path: 'disabledRules.2', message: 'no rule nope' },
    ]);
    for (const pgVersion of [9, 19, 16.5]) expect((await owner.put(url, { pgVersion })).status).toBe(400);
    const elsewhere = await newStrategy(await newProject());
    const foreign = await owner.put(url, { defaultStrategyId: elsewhere });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toEqual([{ path: 'defaultStrategyId', message: expect.any(String) }]);
    expect((await owner.get(url)).body.version).toBe(0);
  });

  it('may be changed by editors but not by agents or viewers', async () => {
    const projectId = await newProject();
    const url = migrations(projectId, 'lint-settings');
    expect((await (await t.newMember(owner, 'editor')).put(url, { pgVersion: 15 })).status).toBe(200);
    expect((await (await t.newMember(owner, 'agent')).put(url, { pgVersion: 15 })).status).toBe(403);
    expect((await (await t.newMember(owner, 'viewer')).put(url, { pgVersion: 15 })).status).toBe(403);
  });
});

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

describe('GET /migrations/rules', () => {
  it('lists the catalogue with recipes, locks and examples, in one page', async () => {
    const answer = await owner.get('/api/v1/migrations/rules');
    expect(answer.status).toBe(200);
    expect(answer.body.nextCursor).toBeNull();
    const rule = answer.body.data.find(
      (candidate: JsonBody) => candidate.id === 'reindex-without-concurrently',
    );
    expect(rule).toMatchObject({
      severity: 'error',
      lock: expect.stringContaining('SHARE'),
      versions: expect.stringContaining('12'),
      examples: { unsafe: expect.any(String), safe: expect.any(String) },
    });
    expect(answer.body.data.every((candidate: JsonBody) => 'versions' in candidate)).toBe(true);
  });
});
