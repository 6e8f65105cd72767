// Linting, its settings and the rule catalogue through the API; lint runs are in lint-runs.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import {
  addColumnWithDefault,
  broken,
  findingsOf,
  migrationSafetyKit,
  migrations,
  unsafeIndex,
} from './test-helpers.ts';

let t: TestApp;
let owner: Caller;
const { newProject, newStrategy } = migrationSafetyKit(() => t);

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

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
