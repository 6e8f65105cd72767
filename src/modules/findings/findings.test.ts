// SARIF uploads through the public API: findings appear once per fingerprint, re-uploads see them
// again, what is gone is fixed (with its auto-fix), what comes back reopens; bad logs write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { openFindingsOf } from './open-findings.ts';
import { findingsPath, type ResultSpec, sarifLog, uploadSarifBody } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;
let keys = 0;

beforeAll(async () => {
  t = await createTestApp({ config: { sarifUploadLimitBytes: 64 * 1024 } });
  owner = t.owner;
});
afterAll(() => t.close());

async function newProject(caller: Caller = owner): Promise<string> {
  keys += 1;
  const project = await caller.post('/api/v1/projects', { name: `Findings ${keys}`, key: `FND${keys}` });
  expect(project.status, JSON.stringify(project.body)).toBe(201);
  return project.body.id;
}

const commit = 'a1b2c3d4e5f6';

async function upload(projectId: string, results: ResultSpec[], caller: Caller = owner, tool = 'ESLint') {
  const answer = await uploadSarifBody(t, caller, projectId, sarifLog({ tool, results }), {
    query: { commit, branch: 'main' },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.data[0];
}

async function findings(projectId: string, query: Record<string, string> = {}): Promise<JsonBody[]> {
  const answer = await owner.get(findingsPath(projectId, 'plan/code-review-automation/review-findings'), {
    query: { limit: '200', ...query },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.data;
}

async function count(table: string, projectId: string): Promise<number> {
  const [row] = await t.database.query<{ count: number }>(
    `select count(*)::int as count from ${table} where project_id = $1`,
    [projectId],
  );
  return row?.count ?? 0;
}

const evalRule: ResultSpec = { rule: 'no-eval', level: 'error', file: 'src/pay.ts', code: 'eval(input)' };
const unused: ResultSpec = { rule: 'no-unused-vars', file: 'src/cart.ts', code: 'const total = 0' };
const sqlInjection: ResultSpec = {
  rule: 'js/sql-injection',
  level: 'warning',
  file: 'src/db.ts',
  lineHash: '39fa2ee980eb94b0:1',
  securitySeverity: '9.1',
  fixFiles: ['src/db.ts', 'src/db.test.ts'],
};

describe('SARIF uploads', () => {
  it('turns results into review findings with severity, place, fingerprint and stream', async () => {
    const projectId = await newProject();
    const set = await upload(projectId, [evalRule, unused, sqlInjection, { ...unused, line: 40 }]);
    expect(set).toMatchObject({
      projectId,
      tool: 'ESLint',
      toolVersion: '9.1.0',
      stream: 'ESLint',
      commitSha: commit,
      branch: 'main',
      counts: { results: 4, opened: 3, seenAgain: 0, reopened: 0, closed: 0, suppressed: 0 },
      createdBy: owner.userId,
    });
    const rows = await findings(projectId, { sort: 'name' });
    expect(rows.map((row) => [row.ruleId, row.severity, row.disposition, row.status, row.location])).toEqual([
      ['js/sql-injection', 'critical', 'warns', 'open', 'src/db.ts:3:3'],
      ['no-eval', 'major', 'warns', 'open', 'src/pay.ts:1:3'],
      ['no-unused-vars', 'minor', 'warns', 'open', 'src/cart.ts:2:3'],
    ]);
    expect(rows[0]).toMatchObject({
      source: 'ESLint',
      stream: 'ESLint',
      commit,
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const listed = await owner.get(findingsPath(projectId, `finding-sets/${set.id}/findings`));
    expect(listed.body.data).toHaveLength(3);
    expect((await owner.get(findingsPath(projectId, `finding-sets/${set.id}`))).body).toMatchObject({
      id: set.id,
    });
    const events = await owner.get('/api/v1/audit/events', {
      query: { aggregateType: 'finding_set', limit: '10' },
    });
    expect(events.body.data.map((event: JsonBody) => event.eventType)).toEqual(
      expect.arrayContaining(['finding_set.created', 'finding_set.ingested']),
    );
  });

  it('makes no duplicates when the same results come again, and counts them seen again', async () => {
    const projectId = await newProject();
    await upload(projectId, [evalRule, unused]);
    // Moved code keeps its finding: another line, same code.
    const again = await upload(projectId, [{ ...evalRule, line: 80 }, unused]);
    expect(again.counts).toMatchObject({ opened: 0, seenAgain: 2, closed: 0 });
    const rows = await findings(projectId);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.ruleId === 'no-eval').location).toBe('src/pay.ts:80:3');
  });

  it('fixes what an upload no longer reports (with its auto-fix), and reopens it when it comes back', async () => {
    const projectId = await newProject();
    await upload(projectId, [evalRule, sqlInjection]);
    const fixed = await upload(projectId, [evalRule]);
    expect(fixed.counts).toMatchObject({ opened: 0, seenAgain: 1, closed: 1 });
    const gone = (await findings(projectId)).find((row) => row.ruleId === 'js/sql-injection');
    expect(gone.status).toBe('fixed');
    const fixes = await owner.get(findingsPath(projectId, 'plan/code-review-automation/auto-fix-history'));
    expect(fixes.body.data).toEqual([
      expect.objectContaining({ findingId: gone.id, tool: 'ESLint', filesChanged: 2, outcome: 'applied' }),
    ]);
    // Another tool's upload is another stream: it closes nothing of ESLint's.
    const other = await upload(
      projectId,
      [{ rule: 'lint/style/useConst', file: 'src/a.ts' }],
      owner,
      'Biome',
    );
    expect(other.counts).toMatchObject({ opened: 1, closed: 0 });
    const back = await upload(projectId, [evalRule, sqlInjection]);
    expect(back.counts).toMatchObject({ opened: 0, seenAgain: 1, reopened: 1, closed: 0 });
    expect((await findings(projectId)).find((row) => row.id === gone.id).status).toBe('open');
    expect(await count('plan.review_findings', projectId)).toBe(3);
  });

  it('takes concurrent uploads of one stream in turn: one row per fingerprint, no error', async () => {
    const projectId = await newProject();
    const log = sarifLog({ results: [evalRule, unused, sqlInjection] });
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => uploadSarifBody(t, owner, projectId, log, { query: { commit } })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
    const opened = answers.map((answer) => answer.body.data[0].counts.opened).sort();
    expect(opened).toEqual([0, 0, 0, 3]);
    expect(await count('plan.review_findings', projectId)).toBe(3);
  });

  it('counts suppressed results without opening them, and accepts an open finding once suppressed', async () => {
    const projectId = await newProject();
    const first = await upload(projectId, [evalRule, { ...unused, suppressed: true }]);
    expect(first.counts).toMatchObject({ results: 2, opened: 1, suppressed: 1 });
    const second = await upload(projectId, [{ ...evalRule, suppressed: true }]);
    expect(second.counts).toMatchObject({ opened: 0, closed: 0, suppressed: 1 });
    expect((await findings(projectId)).map((row) => row.status)).toEqual(['accepted']);
  });

  it('blocks by checklist rule and by the blocking gates’ severity, else warns', async () => {
    const projectId = await newProject();
    const plan = (table: string) => findingsPath(projectId, `plan/code-review-automation/${table}`);
    const checklist = await owner.post(plan('code-review-checklists'), {
      name: 'Security',
      scope: 'security',
      blockingRules: ['no-unused-vars'],
    });
    expect(checklist.status, JSON.stringify(checklist.body)).toBe(201);
    const gate = await owner.post(plan('quality-gates'), {
      name: 'No major findings',
      stage: 'pre-merge',
      blocking: true,
      blockingSeverity: 'major',
    });
    expect(gate.status, JSON.stringify(gate.body)).toBe(201);
    await owner.post(plan('quality-gates'), {
      name: 'Advisory',
      stage: 'pre-merge',
      blocking: false,
      blockingSeverity: 'info',
    });
    const set = await upload(projectId, [
      evalRule,
      unused,
      { rule: 'prefer-const', level: 'note', file: 'src/x.ts' },
    ]);
    const rows = await findings(projectId, { sort: 'name' });
    expect(rows.map((row) => [row.ruleId, row.disposition, row.gateId, row.checklistId])).toEqual([
      ['no-eval', 'blocks', gate.body.id, null],
      ['no-unused-vars', 'blocks', null, checklist.body.id],
      ['prefer-const', 'warns', null, null],
    ]);
    // What a task's gate asks: open, at or above the severity, or blocking whatever it is.
    const open = await openFindingsOf(t.database.db, owner.workspaceId, [set.id], 'major');
    expect(open.map((row) => row.ruleId).sort()).toEqual(['no-eval', 'no-unused-vars']);
    expect(await openFindingsOf(t.database.db, owner.workspaceId, [set.id], 'info')).toHaveLength(3);
    await upload(projectId, [unused]);
    const after = await openFindingsOf(t.database.db, owner.workspaceId, [set.id], 'major');
    expect(after.map((row) => row.ruleId)).toEqual(['no-unused-vars']);
  });
});

describe('refused uploads', () => {
  it('answers 422 with the paths in the log, and writes nothing', async () => {
    const projectId = await newProject();
    const log = sarifLog({ results: [evalRule, unused] });
    const bad = JSON.parse(JSON.stringify(log));
    bad.runs[0].results[1].level = 'fatal';
    delete bad.runs[0].tool.driver.name;
    const answer = await uploadSarifBody(t, owner, projectId, bad);
    expect(answer.status).toBe(422);
    expect(answer.body.errors.map((error: JsonBody) => error.path).sort()).toEqual([
      'runs.0.results.1.level',
      'runs.0.tool.driver.name',
    ]);
    expect((await uploadSarifBody(t, owner, projectId, { ...log, version: '2.0.0' })).status).toBe(422);
    expect((await uploadSarifBody(t, owner, projectId, '{"version": "2.1.0", "runs": [')).status).toBe(422);
    expect(await count('plan.review_findings', projectId)).toBe(0);
    expect(await count('finding_sets', projectId)).toBe(0);
  });

  it('answers 413 above the limit', async () => {
    const projectId = await newProject();
    const results = Array.from({ length: 400 }, (_, index) => ({ ...evalRule, code: `eval(x${index})` }));
    const answer = await uploadSarifBody(t, owner, projectId, sarifLog({ results }));
    expect(answer.status).toBe(413);
    expect(await count('finding_sets', projectId)).toBe(0);
  });

  it('lets agents and editors upload, viewers only read, and hides other workspaces', async () => {
    const projectId = await newProject();
    const agent = await t.newMember(owner, 'agent');
    const viewer = await t.newMember(owner, 'viewer');
    const set = await upload(projectId, [evalRule], agent);
    expect(set.createdBy).toBe(agent.userId);
    await upload(projectId, [evalRule], await t.newMember(owner, 'editor'));
    expect((await uploadSarifBody(t, viewer, projectId, sarifLog({ results: [evalRule] }))).status).toBe(403);
    const sets = await viewer.get(findingsPath(projectId, 'finding-sets'), {
      query: { 'filter[tool]': 'ESLint' },
    });
    expect(sets.status).toBe(200);
    expect(sets.body.data).toHaveLength(2);
    const stranger = await t.newWorkspace();
    expect((await uploadSarifBody(t, stranger, projectId, sarifLog({ results: [evalRule] }))).status).toBe(
      404,
    );
    expect((await stranger.get(findingsPath(projectId, `finding-sets/${set.id}`))).status).toBe(404);
    expect((await stranger.get(findingsPath(projectId, `finding-sets/${set.id}/findings`))).status).toBe(404);
  });

  it('answers a repeated Idempotency-Key with the first upload', async () => {
    const projectId = await newProject();
    const log = sarifLog({ results: [evalRule] });
    const headers = { 'idempotency-key': `sarif-${projectId}` };
    const first = await uploadSarifBody(t, owner, projectId, log, { headers });
    const second = await uploadSarifBody(t, owner, projectId, log, { headers });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await count('finding_sets', projectId)).toBe(1);
  });
});
