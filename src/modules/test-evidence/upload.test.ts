import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import {
  folderOf,
  imported,
  newProject,
  result,
  rowsLeft,
  runs,
  tarGzOf,
  tarOf,
  upload,
  uploadAndImport,
  zipOf,
} from './test-helpers.ts';

let t: TestApp;
let projectId: string;

beforeAll(async () => {
  t = await createTestApp();
  projectId = await newProject(t.owner);
});
afterAll(() => t.close());

const mixed = () =>
  folderOf([
    result({ name: 'passes' }),
    result({ name: 'fails', status: 'failed', message: 'expected 1 to be 2' }),
    result({ name: 'breaks', status: 'broken', message: 'TypeError: x is undefined' }),
    result({ name: 'skips', status: 'skipped' }),
  ]);

describe('uploading a results folder', () => {
  it('imports a zipped Allure folder: 202 queued, then imported with its totals, scenarios and steps', async () => {
    const answer = await upload(t, t.owner, projectId, zipOf(mixed()), 'application/zip', {
      branch: 'main',
      commit: 'abcdef1234567',
      pipelineUrl: 'https://ci.example/jobs/1',
      environment: 'staging',
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    expect(answer.body).toMatchObject({ status: 'queued', name: 'main abcdef1', format: 'allure' });
    expect(answer.headers.location).toBe(runs(projectId, answer.body.id));
    const run = await imported(t, t.owner, projectId, answer.body.id);
    expect(run).toMatchObject({
      status: 'imported',
      branch: 'main',
      commitSha: 'abcdef1234567',
      environment: 'staging',
      totals: { total: 4, passed: 1, failed: 1, broken: 1, skipped: 1, unknown: 0 },
      progress: { filesRead: 4, filesTotal: 4 },
      importErrors: [],
    });
    expect(run.importedAt).not.toBeNull();
    expect(await rowsLeft(t, 'allure_scenarios', run.id)).toBe(4);
    expect(await rowsLeft(t, 'allure_steps', run.id)).toBe(8);
    // The upload was the import's input: gone once imported.
    expect(await rowsLeft(t, 'test_run_upload_chunks', run.id)).toBe(0);
  });

  it('imports a .tar.gz and a tar of the same folder alike', async () => {
    const gz = await uploadAndImport(t, t.owner, projectId, await tarGzOf(mixed()), 'application/gzip');
    expect(gz.totals).toEqual({ total: 4, passed: 1, failed: 1, broken: 1, skipped: 1, unknown: 0 });
    const tar = await uploadAndImport(t, t.owner, projectId, await tarOf(mixed()), 'application/x-tar');
    expect(tar.totals.total).toBe(4);
  });

  it('folds the retries of a test into one scenario, the latest attempt deciding', async () => {
    const folder = folderOf([
      result({ name: 'flaky', status: 'failed', start: 1000, stop: 2000 }),
      result({ name: 'flaky', status: 'failed', start: 3000, stop: 4000 }),
      result({ name: 'flaky', status: 'passed', start: 5000, stop: 6000 }),
      result({ name: 'steady' }),
    ]);
    const run = await uploadAndImport(t, t.owner, projectId, zipOf(folder));
    expect(run.totals).toMatchObject({ total: 2, passed: 2, failed: 0 });
    const [flaky] = await t.database.query<{ status: string; retries: { status: string }[] }>(
      `select status, retries from allure_scenarios where run_id = $1 and name = 'flaky'`,
      [run.id],
    );
    expect(flaky?.status).toBe('passed');
    expect(flaky?.retries.map((attempt) => attempt.status)).toEqual(['failed', 'failed']);
    // The steps of the folded attempts went with them.
    expect(await rowsLeft(t, 'allure_steps', run.id)).toBe(4);
  });

  it("puts failures in the folder's categories, else product and test defects", async () => {
    const categories = JSON.stringify([
      { name: 'Timeouts', matchedStatuses: ['broken', 'failed'], messageRegex: '.*timed out.*' },
    ]);
    const folder = folderOf(
      [
        result({ name: 'slow', status: 'broken', message: 'request timed out after 5s' }),
        result({ name: 'wrong', status: 'failed', message: 'expected 1 to be 2' }),
        result({ name: 'crash', status: 'broken', message: 'TypeError' }),
        result({ name: 'fine' }),
      ],
      { 'categories.json': categories },
    );
    const run = await uploadAndImport(t, t.owner, projectId, zipOf(folder));
    const rows = await t.database.query<{ name: string; category: string | null }>(
      'select name, category from allure_scenarios where run_id = $1 order by name',
      [run.id],
    );
    expect(rows).toEqual([
      { name: 'crash', category: 'Test defects' },
      { name: 'fine', category: null },
      { name: 'slow', category: 'Timeouts' },
      { name: 'wrong', category: 'Product defects' },
    ]);
  });

  it("compares each test with the branch's previous run", async () => {
    const project = await newProject(t.owner);
    const first = folderOf([result({ name: 'a' }), result({ name: 'b', status: 'failed' })]);
    const second = folderOf([
      result({ name: 'a', status: 'failed' }),
      result({ name: 'b' }),
      result({ name: 'c' }),
    ]);
    await uploadAndImport(t, t.owner, project, zipOf(first), 'application/zip', { branch: 'main' });
    const run = await uploadAndImport(t, t.owner, project, zipOf(second), 'application/zip', {
      branch: 'main',
    });
    const rows = await t.database.query<{ name: string; previous_status: string | null }>(
      'select name, previous_status from allure_scenarios where run_id = $1 order by name',
      [run.id],
    );
    expect(rows).toEqual([
      { name: 'a', previous_status: 'passed' },
      { name: 'b', previous_status: 'failed' },
      { name: 'c', previous_status: null },
    ]);
  });
});

describe('refusing bad uploads', () => {
  const nothingLeft = async (project: string) => {
    const [runsLeft] = await t.database.query<{ count: number }>(
      'select count(*)::int as count from allure_report where project_id = $1',
      [project],
    );
    expect(runsLeft?.count).toBe(0);
    expect(await rowsLeft(t, 'test_run_upload_chunks')).toBe(0);
  };

  it('refuses a path that leaves the folder with 422, leaving nothing behind', async () => {
    const project = await newProject(t.owner);
    const evil = zipOf({ ...mixed(), '../../etc/evil-result.json': '{}' });
    const answer = await upload(t, t.owner, project, evil);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ reason: 'traversal', file: '../../etc/evil-result.json' });
    await nothingLeft(project);
  });

  it('refuses a zip bomb with 422, leaving nothing behind', async () => {
    const project = await newProject(t.owner);
    const bomb = Buffer.from(zipSync({ 'bomb-attachment.txt': new Uint8Array(16 * 1024 * 1024) }));
    expect(bomb.length).toBeLessThan(100_000);
    const answer = await upload(t, t.owner, project, bomb);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ reason: 'ratio', file: 'bomb-attachment.txt' });
    await nothingLeft(project);
  });

  it('refuses a corrupt archive and another media type', async () => {
    const project = await newProject(t.owner);
    const garbage = await upload(
      t,
      t.owner,
      project,
      Buffer.from(strToU8('PK\u0003\u0004 not a zip at all')),
    );
    expect(garbage.status).toBe(422);
    const whole = zipOf(mixed());
    const truncated = await upload(t, t.owner, project, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(truncated.status).toBe(422);
    const gz = await tarGzOf(mixed());
    const truncatedGz = await upload(t, t.owner, project, gz.subarray(0, gz.length - 40), 'application/gzip');
    expect(truncatedGz.status).toBe(422);
    const other = await upload(t, t.owner, project, Buffer.from('{}'), 'application/json');
    expect(other.status).toBe(415);
    await nothingLeft(project);
  });
});

describe('a small upload limit', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await createTestApp({
      config: {
        testUploadLimits: { uploadBytes: 4096, files: 3, entryBytes: 1024 ** 2, unpackedBytes: 1024 ** 3 },
      },
    });
  });
  afterAll(() => small.close());

  it('answers 413 to an upload over TEST_UPLOAD_LIMIT_BYTES and 422 to too many files', async () => {
    const project = await newProject(small.owner);
    const big = zipOf({ 'big-attachment.bin': crypto.getRandomValues(new Uint8Array(8000)) });
    const tooLarge = await upload(small, small.owner, project, big);
    expect(tooLarge.status).toBe(413);
    const many = await upload(small, small.owner, project, zipOf(mixed()));
    expect(many.status).toBe(422);
    expect(many.body.reason).toBe('too-many-files');
    const [left] = await small.database.query<{ count: number }>(
      'select count(*)::int as count from allure_report',
    );
    expect(left?.count).toBe(0);
  });
});
