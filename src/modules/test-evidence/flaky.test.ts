// Flaky tests over a branch's last runs, ranked by flip rate, and quarantined tests listed apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { evidence, evidenceKit, runsOf } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;
const { newProject, insertRun } = evidenceKit(() => t);

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

describe('flaky tests', () => {
  it('ranks tests by flip rate, with their first and last flip and passes after retries', async () => {
    const projectId = await newProject();
    const runs = runsOf({
      steady: ['passed', 'passed', 'passed', 'passed', 'passed'],
      alternating: ['passed', 'failed', 'passed', 'broken', 'passed'],
      once: ['passed', 'passed', 'failed', 'failed', 'failed'],
      skipping: ['passed', 'skipped', 'failed', 'skipped', 'failed'],
      broken: ['failed', 'failed', 'failed', 'failed', 'failed'],
    });
    const ids: string[] = [];
    for (const run of runs) ids.push((await insertRun(projectId, run)).runId);
    // On another branch, and not imported: neither counts (and main's latest run is the newest).
    const earlier = new Date((runs[0]?.createdAt.getTime() ?? 0) - 60_000);
    await insertRun(projectId, {
      branch: 'feature',
      createdAt: earlier,
      scenarios: [{ historyId: 'steady', status: 'failed' }],
    });
    await insertRun(projectId, {
      status: 'failed',
      createdAt: earlier,
      scenarios: [{ historyId: 'steady', status: 'failed' }],
    });
    const retried = await insertRun(projectId, {
      createdAt: new Date(Date.now() - 1000),
      scenarios: [{ historyId: 'steady', status: 'passed', retries: ['failed'] }],
    });
    ids.push(retried.runId);

    const answer = await owner.get(evidence(projectId, 'flaky-tests?branch=main'));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.branch).toBe('main');
    const rows = Object.fromEntries(answer.body.data.map((row: JsonBody) => [row.historyId, row]));
    expect(answer.body.data.map((row: JsonBody) => row.historyId)).toEqual([
      'alternating',
      'skipping',
      'once',
      'steady',
    ]);
    expect(rows.alternating).toMatchObject({
      testCaseId: 'case-alternating',
      fullName: 'suite.alternating',
      runsConsidered: 5,
      flips: 4,
      flipRate: 1,
      retriedPasses: 0,
      lastStatus: 'passed',
      firstFlipAt: runs[1]?.createdAt.toISOString(),
      lastFlipAt: runs[4]?.createdAt.toISOString(),
    });
    expect(rows.skipping).toMatchObject({ runsConsidered: 3, flips: 1, flipRate: 0.5, lastStatus: 'failed' });
    expect(rows.once).toMatchObject({ flips: 1, flipRate: 0.25 });
    expect(rows.steady).toMatchObject({ flips: 0, flipRate: 0, retriedPasses: 1, firstFlipAt: null });

    // The default branch is the latest imported run's: main.
    const window = await owner.get(evidence(projectId, 'flaky-tests?runs=3'));
    expect(window.body.branch).toBe('main');
    expect(window.body.data.map((row: JsonBody) => row.historyId)).toEqual(['alternating', 'steady']);
  });

  it('pages with the resource layer cursors, and answers 400 to a forged one', async () => {
    const projectId = await newProject();
    const tests = ['t0', 't1', 't2', 't3', 't4'];
    const statuses = Object.fromEntries(tests.map((test) => [test, ['passed', 'failed', 'passed'] as const]));
    for (const run of runsOf(statuses)) await insertRun(projectId, run);
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page += 1) {
      const answer = await owner.get(evidence(projectId, `flaky-tests?limit=2${cursor}`));
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      seen.push(...answer.body.data.map((row: JsonBody) => row.historyId));
      if (!answer.body.nextCursor) break;
      cursor = `&cursor=${answer.body.nextCursor}`;
    }
    expect(seen.sort()).toEqual(tests);
    const forged = Buffer.from(JSON.stringify({ s: 'flipRate,retriedPasses', v: ['x', 1, 't'] })).toString(
      'base64url',
    );
    for (const bad of ['nope', forged])
      expect((await owner.get(evidence(projectId, `flaky-tests?cursor=${bad}`))).status, bad).toBe(400);
  });

  it('lists quarantined and muted tests apart, by their latest result', async () => {
    const projectId = await newProject();
    const start = Date.now() - 3_600_000;
    await insertRun(projectId, {
      createdAt: new Date(start),
      scenarios: [
        { historyId: 'released', status: 'failed', quarantined: true },
        { historyId: 'muted', status: 'failed' },
        { historyId: 'held', status: 'failed', quarantined: true },
      ],
    });
    await insertRun(projectId, {
      createdAt: new Date(start + 60_000),
      scenarios: [
        { historyId: 'released', status: 'passed' },
        { historyId: 'muted', status: 'broken', muted: true, fullName: 'b muted' },
        { historyId: 'held', status: 'failed', quarantined: true, fullName: 'a held' },
        { historyId: 'fine', status: 'passed' },
      ],
    });
    const answer = await owner.get(evidence(projectId, 'quarantined-tests'));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.data).toMatchObject([
      { historyId: 'held', fullName: 'a held', status: 'failed', quarantined: true, muted: false },
      { historyId: 'muted', fullName: 'b muted', status: 'broken', quarantined: false, muted: true },
    ]);
    const first = await owner.get(evidence(projectId, 'quarantined-tests?limit=1'));
    const second = await owner.get(
      evidence(projectId, `quarantined-tests?limit=1&cursor=${first.body.nextCursor}`),
    );
    expect(second.body.data.map((row: JsonBody) => row.historyId)).toEqual(['muted']);
    expect(second.body.nextCursor).toBeNull();
    expect((await owner.get(evidence(projectId, 'quarantined-tests?cursor=forged'))).status).toBe(400);
  });

  it("answers an empty list for a project without runs, and 404 for another workspace's project", async () => {
    const projectId = await newProject();
    const empty = await owner.get(evidence(projectId, 'flaky-tests'));
    expect(empty.body).toEqual({ data: [], nextCursor: null, branch: null });
    const other = await t.newWorkspace();
    const theirs = await newProject(other);
    await insertRun(
      theirs,
      { scenarios: [{ historyId: 'a', status: 'passed', retries: ['failed'] }] },
      other,
    );
    expect((await owner.get(evidence(theirs, 'flaky-tests'))).status).toBe(404);
    expect((await owner.get(evidence(theirs, 'quarantined-tests'))).status).toBe(404);
    expect((await other.get(evidence(theirs, 'flaky-tests'))).body.data).toHaveLength(1);
  });
});
