// A test's history over every imported run, and pass-rate and duration trends by branch.
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

const day = 86_400_000;

describe("a test's history", () => {
  it('gives every imported run, beyond 20, newest first, across pages and by branch', async () => {
    const projectId = await newProject();
    const start = Date.now() - 30 * day;
    const expected: string[] = [];
    for (let index = 0; index < 25; index += 1) {
      const status = index % 3 === 0 ? 'failed' : 'passed';
      const branch = index % 5 === 0 ? 'release' : 'main';
      const { runId } = await insertRun(projectId, {
        branch,
        commitSha: `abc${index}`,
        createdAt: new Date(start + index * day),
        scenarios: [
          { historyId: 'checkout', status, durationMs: 100 + index },
          { historyId: 'other', status: 'passed' },
        ],
      });
      expected.unshift(runId);
    }
    await insertRun(projectId, {
      status: 'importing',
      scenarios: [{ historyId: 'checkout', status: 'passed' }],
    });

    const seen: JsonBody[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page += 1) {
      const answer = await owner.get(evidence(projectId, `tests/checkout/history?limit=10${cursor}`));
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      seen.push(...answer.body.data);
      if (!answer.body.nextCursor) break;
      cursor = `&cursor=${answer.body.nextCursor}`;
    }
    expect(seen.map((entry) => entry.runId)).toEqual(expected);
    expect(seen[0]).toMatchObject({ branch: 'main', commitSha: 'abc24', status: 'failed', durationMs: 124 });
    expect(seen[1]).toMatchObject({ commitSha: 'abc23', status: 'passed' });
    expect(seen[24]).toMatchObject({ branch: 'release', status: 'failed', durationMs: 100 });

    const release = await owner.get(evidence(projectId, 'tests/checkout/history?filter[branch]=release'));
    expect(release.body.data.map((entry: JsonBody) => entry.commitSha)).toEqual([
      'abc20',
      'abc15',
      'abc10',
      'abc5',
      'abc0',
    ]);
    expect((await owner.get(evidence(projectId, 'tests/checkout/history?cursor=forged'))).status).toBe(400);
    expect((await owner.get(evidence(projectId, 'tests/unknown/history'))).status).toBe(404);
  });

  it("answers 404 for another workspace's test", async () => {
    const other = await t.newWorkspace();
    const theirs = await newProject(other);
    await insertRun(theirs, { scenarios: [{ historyId: 'secret', status: 'passed' }] }, other);
    expect((await owner.get(evidence(theirs, 'tests/secret/history'))).status).toBe(404);
    expect((await other.get(evidence(theirs, 'tests/secret/history'))).body.data).toHaveLength(1);
  });
});

describe('trends', () => {
  it('buckets imported runs by day or week and branch, with pass rate over the tests that ran', async () => {
    const projectId = await newProject();
    const monday = Date.UTC(2026, 10, 2, 12);
    const scenarios = (passed: number, failed: number, skipped: number) => [
      ...Array.from({ length: passed }, (_, i) => ({ historyId: `p${i}`, status: 'passed' as const })),
      ...Array.from({ length: failed }, (_, i) => ({ historyId: `f${i}`, status: 'failed' as const })),
      ...Array.from({ length: skipped }, (_, i) => ({ historyId: `s${i}`, status: 'skipped' as const })),
    ];
    await insertRun(projectId, {
      createdAt: new Date(monday),
      durationMs: 1000,
      scenarios: scenarios(3, 1, 1),
    });
    await insertRun(projectId, {
      createdAt: new Date(monday + 3_600_000),
      durationMs: 3000,
      scenarios: scenarios(4, 0, 1),
    });
    await insertRun(projectId, {
      createdAt: new Date(monday + 2 * day),
      durationMs: 2000,
      scenarios: scenarios(1, 1, 0),
    });
    await insertRun(projectId, {
      branch: 'release',
      createdAt: new Date(monday + day),
      scenarios: scenarios(2, 0, 0),
    });
    await insertRun(projectId, {
      status: 'failed',
      createdAt: new Date(monday),
      scenarios: scenarios(0, 9, 0),
    });
    const window = 'from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z';

    const daily = await owner.get(evidence(projectId, `test-trends?branch=main&${window}`));
    expect(daily.status, JSON.stringify(daily.body)).toBe(200);
    expect(daily.body.data).toEqual([
      {
        period: '2026-11-02T00:00:00.000Z',
        branch: 'main',
        runs: 2,
        passRate: 7 / 8,
        avgDurationMs: 2000,
        tests: 5,
      },
      {
        period: '2026-11-04T00:00:00.000Z',
        branch: 'main',
        runs: 1,
        passRate: 0.5,
        avgDurationMs: 2000,
        tests: 2,
      },
    ]);
    const weekly = await owner.get(evidence(projectId, `test-trends?interval=week&${window}`));
    expect(weekly.body.data).toMatchObject([
      { period: '2026-11-02T00:00:00.000Z', branch: 'main', runs: 3, passRate: 8 / 10 },
      { period: '2026-11-02T00:00:00.000Z', branch: 'release', runs: 1, passRate: 1 },
    ]);
  });

  it('refuses a window of more than 366 buckets, or one that ends before it starts', async () => {
    const projectId = await newProject();
    const long = await owner.get(
      evidence(projectId, 'test-trends?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z'),
    );
    expect(long.status).toBe(400);
    const weekly = await owner.get(
      evidence(projectId, 'test-trends?interval=week&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z'),
    );
    expect(weekly.status).toBe(200);
    const backwards = await owner.get(
      evidence(projectId, 'test-trends?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z'),
    );
    expect(backwards.status).toBe(400);
  });
});
