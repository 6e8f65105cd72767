// A run's scenarios: what changed since the branch's previous run, filters, sorts, paging, a
// scenario's steps and attachments, failures by category, and runs that are not evidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { evidence, evidenceKit } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;
const { newProject, insertRun } = evidenceKit(() => t);

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

const scenarios = (projectId: string, runId: string, query = '') =>
  evidence(projectId, `test-runs/${runId}/scenarios${query}`);
const names = (body: JsonBody) => body.data.map((scenario: JsonBody) => scenario.historyId);

/** Two runs of main: the second has a new failure, a fix, a test still failing and a retried pass. */
async function twoRuns() {
  const projectId = await newProject();
  const day = Date.now() - 86_400_000;
  await insertRun(projectId, {
    createdAt: new Date(day),
    scenarios: [
      { historyId: 'a', status: 'passed' },
      { historyId: 'b', status: 'failed' },
      { historyId: 'c', status: 'broken' },
      { historyId: 'd', status: 'passed' },
    ],
  });
  const { runId, scenarioIds } = await insertRun(projectId, {
    createdAt: new Date(day + 60_000),
    scenarios: [
      { historyId: 'a', status: 'failed', durationMs: 300, statusMessage: 'expected 1 to be 2' },
      { historyId: 'b', status: 'passed', durationMs: 50 },
      { historyId: 'c', status: 'failed', durationMs: 900, owner: 'payments', tags: ['smoke'] },
      { historyId: 'd', status: 'passed', retries: ['failed'], durationMs: null },
      { historyId: 'e', status: 'skipped', quarantined: true, durationMs: 10 },
    ],
  });
  return { projectId, runId, scenarioIds };
}

describe('the scenarios of a run', () => {
  it("says what changed since the branch's previous run", async () => {
    const { projectId, runId } = await twoRuns();
    const all = await owner.get(scenarios(projectId, runId));
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(Object.fromEntries(all.body.data.map((item: JsonBody) => [item.historyId, item.change]))).toEqual({
      a: 'new-failure',
      b: 'fixed',
      c: 'still-failing',
      d: null,
      e: null,
    });
    for (const [change, expected] of [
      ['new-failure', ['a']],
      ['fixed', ['b']],
      ['still-failing', ['c']],
    ] as const) {
      const page = await owner.get(scenarios(projectId, runId, `?filter[change]=${change}`));
      expect(names(page.body), change).toEqual(expected);
    }
    const bad = await owner.get(scenarios(projectId, runId, '?filter[change]=worse'));
    expect(bad.status).toBe(400);
  });

  it('filters by status, flakiness, quarantine, owner and tag, and searches failure messages', async () => {
    const { projectId, runId } = await twoRuns();
    const cases: [string, string[]][] = [
      ['?filter[status]=failed', ['a', 'c']],
      ['?filter[status][in]=passed,skipped', ['b', 'd', 'e']],
      ['?filter[flaky]=true', ['d']],
      ['?filter[quarantined]=true', ['e']],
      ['?filter[owner]=payments', ['c']],
      ['?filter[tag][contains]=smoke', ['c']],
      ['?filter[category]=Product%20defects', ['a', 'c']],
      ['?q=expected%202', ['a']],
    ];
    for (const [query, expected] of cases) {
      const page = await owner.get(scenarios(projectId, runId, query));
      expect(page.status, `${query}: ${JSON.stringify(page.body)}`).toBe(200);
      expect(names(page.body), query).toEqual(expected);
    }
    const flaky = await owner.get(scenarios(projectId, runId, '?filter[flaky]=true'));
    expect(flaky.body.data[0]).toMatchObject({ flaky: true, retries: [{ status: 'failed' }] });
  });

  it('lists the slowest first, tests without a duration last, across pages', async () => {
    const { projectId, runId } = await twoRuns();
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page += 1) {
      const answer = await owner.get(scenarios(projectId, runId, `?sort=-durationMs&limit=2${cursor}`));
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      seen.push(...names(answer.body));
      if (!answer.body.nextCursor) break;
      cursor = `&cursor=${answer.body.nextCursor}`;
    }
    expect(seen).toEqual(['c', 'a', 'b', 'e', 'd']);
  });

  it('answers 400 to a forged cursor, or one made for another sort', async () => {
    const { projectId, runId } = await twoRuns();
    const first = await owner.get(scenarios(projectId, runId, '?limit=1'));
    const forged = Buffer.from(JSON.stringify({ s: 'fullName', v: [1, 'x'] })).toString('base64url');
    for (const cursor of ['nonsense', forged]) {
      const answer = await owner.get(scenarios(projectId, runId, `?cursor=${cursor}`));
      expect(answer.status, cursor).toBe(400);
    }
    const otherSort = await owner.get(
      scenarios(projectId, runId, `?sort=-durationMs&cursor=${first.body.nextCursor}`),
    );
    expect(otherSort.status).toBe(400);
  });

  it('shows a scenario with its steps as a tree and attachments with their URLs', async () => {
    const projectId = await newProject();
    const shot = { name: 'screen', mediaType: 'image/png', size: 3, sha256: 'a'.repeat(64) };
    const log = { name: 'log', mediaType: 'text/plain', size: 5, sha256: 'b'.repeat(64) };
    const { runId, scenarioIds } = await insertRun(projectId, {
      scenarios: [
        {
          historyId: 'login',
          status: 'failed',
          attachments: [log],
          steps: [
            { name: 'open browser', kind: 'before' },
            {
              name: 'sign in',
              status: 'failed',
              steps: [{ name: 'type password', attachments: [shot] }, { name: 'press enter' }],
            },
            { name: 'close browser', kind: 'after' },
          ],
        },
      ],
    });
    const answer = await owner.get(evidence(projectId, `test-runs/${runId}/scenarios/${scenarioIds[0]}`));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const outline = (steps: JsonBody[]): unknown =>
      steps.map((step) => [step.kind, step.name, step.status, outline(step.steps)]);
    expect(outline(answer.body.steps)).toEqual([
      ['before', 'open browser', 'passed', []],
      [
        'step',
        'sign in',
        'failed',
        [
          ['step', 'type password', 'passed', []],
          ['step', 'press enter', 'passed', []],
        ],
      ],
      ['after', 'close browser', 'passed', []],
    ]);
    const base = `/api/v1/projects/${projectId}/test-runs/${runId}/attachments`;
    expect(answer.body.steps[1].steps[0].attachments).toEqual([{ ...shot, url: `${base}/${shot.sha256}` }]);
    expect(answer.body.attachments).toEqual([{ ...log, url: `${base}/${log.sha256}` }]);

    const elsewhere = await insertRun(projectId, { scenarios: [{ historyId: 'x', status: 'passed' }] });
    const wrongRun = await owner.get(
      evidence(projectId, `test-runs/${elsewhere.runId}/scenarios/${scenarioIds[0]}`),
    );
    expect(wrongRun.status).toBe(404);
  });

  it('groups failures by category, largest first', async () => {
    const projectId = await newProject();
    const { runId } = await insertRun(projectId, {
      scenarios: [
        { historyId: 'a', status: 'failed' },
        { historyId: 'b', status: 'failed' },
        { historyId: 'c', status: 'broken' },
        { historyId: 'd', status: 'broken', category: 'Timeouts' },
        { historyId: 'e', status: 'failed', category: 'Timeouts' },
        { historyId: 'f', status: 'failed', category: 'Timeouts' },
        { historyId: 'g', status: 'passed' },
      ],
    });
    const answer = await owner.get(evidence(projectId, `test-runs/${runId}/categories`));
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual([
      { name: 'Timeouts', count: 3, statuses: { passed: 0, failed: 2, broken: 1, skipped: 0, unknown: 0 } },
      {
        name: 'Product defects',
        count: 2,
        statuses: { passed: 0, failed: 2, broken: 0, skipped: 0, unknown: 0 },
      },
      {
        name: 'Test defects',
        count: 1,
        statuses: { passed: 0, failed: 0, broken: 1, skipped: 0, unknown: 0 },
      },
    ]);
  });

  it("answers 409 for a run not imported yet, and 404 for another workspace's run", async () => {
    const projectId = await newProject();
    const { runId } = await insertRun(projectId, {
      status: 'importing',
      scenarios: [{ historyId: 'a', status: 'passed' }],
    });
    for (const path of ['scenarios', 'categories', 'gate?gate=failures%20%3D%200']) {
      const answer = await owner.get(evidence(projectId, `test-runs/${runId}/${path}`));
      expect(answer.status, path).toBe(409);
      expect(answer.body.code).toBe('test_run.not_imported');
    }
    const other = await t.newWorkspace();
    const theirs = await newProject(other);
    const run = await insertRun(theirs, { scenarios: [{ historyId: 'a', status: 'passed' }] }, other);
    for (const path of [
      `${evidence(projectId, `test-runs/${run.runId}/scenarios`)}`,
      `${evidence(theirs, `test-runs/${run.runId}/scenarios`)}`,
      `${evidence(theirs, `test-runs/${run.runId}/scenarios/${run.scenarioIds[0]}`)}`,
    ]) {
      expect((await owner.get(path)).status, path).toBe(404);
    }
    expect((await other.get(evidence(theirs, `test-runs/${run.runId}/scenarios`))).status).toBe(200);
  });
});
