import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { produceAllureSample } from '../../test-support/allure-sample.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { abandonedUploadsJob } from './abandoned-uploads.ts';
import {
  type Folder,
  folderOf,
  imported,
  newProject,
  result,
  rowsLeft,
  runs,
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

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('importing what test reporters write', () => {
  it('imports a JUnit XML report', async () => {
    const report = `<?xml version="1.0"?>
      <testsuites><testsuite name="checkout" timestamp="2026-12-01T10:00:00">
        <testcase classname="cart" name="adds" time="0.5"/>
        <testcase classname="cart" name="removes" time="0.25"><failure message="expected 1">trace</failure></testcase>
        <testcase classname="pay" name="charges" time="1"><error message="ECONNREFUSED"/></testcase>
        <testcase classname="pay" name="refunds"><skipped/></testcase>
      </testsuite></testsuites>`;
    const run = await uploadAndImport(t, t.owner, projectId, Buffer.from(report), 'application/xml', {
      name: 'nightly',
    });
    expect(run).toMatchObject({
      name: 'nightly',
      format: 'junit',
      status: 'imported',
      totals: { total: 4, passed: 1, failed: 1, broken: 1, skipped: 1, unknown: 0 },
    });
  });

  it('removes the stored upload of a settled run that a dead process left behind, at the next drain', async () => {
    const run = await uploadAndImport(t, t.owner, projectId, zipOf(folderOf([result({ name: 'kept' })])));
    expect(run.status).toBe('imported');
    // As if the process died between settling the run and deleting its chunks.
    await t.database.query(
      `insert into test_run_upload_chunks (workspace_id, run_id, sequence, bytes)
        select workspace_id, id, 0, '\\x00'::bytea from allure_report where id = $1`,
      [run.id],
    );
    expect(await rowsLeft(t, 'test_run_upload_chunks', run.id)).toBe(1);
    await abandonedUploadsJob.run(t.services);
    expect(await rowsLeft(t, 'test_run_upload_chunks', run.id)).toBe(0);
    expect(await rowsLeft(t, 'allure_scenarios', run.id)).toBe(1);
  });

  it('keeps results whose output holds what PostgreSQL stores in no text: NUL bytes and lone surrogates', async () => {
    const run = await uploadAndImport(
      t,
      t.owner,
      projectId,
      zipOf(
        folderOf([
          result({ name: 'binary output', status: 'failed', message: 'got \u0000 and \ud800 here' }),
        ]),
      ),
    );
    expect(run.status, JSON.stringify(run.importErrors)).toBe('imported');
    const scenarios = await t.owner.get(`/api/v1/projects/${projectId}/test-runs/${run.id}/scenarios`);
    expect(scenarios.body.data[0].statusMessage).toBe('got  and \ufffd here');
  });

  it('imports the folder a real Allure adapter (allure-vitest) writes, retries folded', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'allure-sample-'));
    try {
      await produceAllureSample(folder);
      const files: Folder = {};
      for (const name of fs.readdirSync(folder)) files[name] = fs.readFileSync(path.join(folder, name));
      const run = await uploadAndImport(t, t.owner, projectId, zipOf(files));
      expect(run.status, JSON.stringify(run.importErrors)).toBe('imported');
      // Six tests; "confirms the order" failed and was rerun (at the same time) and passed: one
      // scenario, whichever attempt stopped last deciding, the other kept as its retry.
      expect(run.totals).toMatchObject({ total: 6, broken: 1, skipped: 1, unknown: 0 });
      expect(run.totals.passed + run.totals.failed).toBe(4);
      const [confirms] = await t.database.query<{ status: string; retries: { status: string }[] }>(
        `select status, retries from allure_scenarios where run_id = $1 and name = 'confirms the order'`,
        [run.id],
      );
      expect([confirms?.status, ...(confirms?.retries ?? []).map(({ status }) => status)].sort()).toEqual([
        'failed',
        'passed',
      ]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('files that cannot be read', () => {
  const withBrokenFile = () =>
    folderOf([result({ name: 'fine' }), result({ name: 'also fine', status: 'failed' })], {
      'broken-result.json': '{"uuid": "x", "name": ',
    });

  it('fails the run naming the file, and leaves no scenario rows', async () => {
    const run = await uploadAndImport(t, t.owner, projectId, zipOf(withBrokenFile()));
    expect(run.status).toBe('failed');
    expect(run.importErrors).toEqual([{ file: 'broken-result.json', message: expect.any(String) }]);
    expect(run.totals.total).toBe(0);
    expect(await rowsLeft(t, 'allure_scenarios', run.id)).toBe(0);
    expect(await rowsLeft(t, 'allure_steps', run.id)).toBe(0);
    expect(await rowsLeft(t, 'test_run_upload_chunks', run.id)).toBe(0);
  });

  it('imports the rest with skipInvalid=true, listing what it skipped', async () => {
    const run = await uploadAndImport(t, t.owner, projectId, zipOf(withBrokenFile()), 'application/zip', {
      skipInvalid: 'true',
    });
    expect(run).toMatchObject({
      status: 'imported',
      totals: { total: 2, passed: 1, failed: 1 },
      skippedFiles: [{ file: 'broken-result.json', message: expect.any(String) }],
    });
  });
});

describe('attachments', () => {
  const page = '<html><script>alert(1)</script></html>';
  const screenshot = 'PNG-bytes';
  let runId: string;

  beforeAll(async () => {
    const folder = folderOf(
      [
        result({
          name: 'with attachments',
          attachments: [
            { name: 'page', source: 'a-attachment.html', type: 'text/html' },
            { name: 'screen', source: 'b-attachment.png', type: 'image/png' },
          ],
        }),
      ],
      { 'a-attachment.html': page, 'b-attachment.png': screenshot, 'c-attachment.bin': 'raw' },
    );
    runId = (await uploadAndImport(t, t.owner, projectId, zipOf(folder))).id;
  });

  it('serves them with headers that keep a browser from running them', async () => {
    const html = await t.owner.get(runs(projectId, `${runId}/attachments/${sha256(page)}`));
    expect(html.status).toBe(200);
    expect(html.body).toBe(page);
    expect(html.headers).toMatchObject({
      'content-type': 'text/plain; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
    });
    const png = await t.owner.get(runs(projectId, `${runId}/attachments/${sha256(screenshot)}`));
    expect(png.headers['content-type']).toBe('image/png');
    const bin = await t.owner.get(runs(projectId, `${runId}/attachments/${sha256('raw')}`));
    expect(bin.headers).toMatchObject({
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="${sha256('raw')}"`,
    });
  });

  it('stores them once per workspace, and steps name them by hash', async () => {
    const again = folderOf([result({ name: 'again' })], { 'a-attachment.html': page });
    await uploadAndImport(t, t.owner, projectId, zipOf(again));
    const [stored] = await t.database.query<{ count: number }>(
      'select count(*)::int as count from test_attachments where workspace_id = $1 and sha256 = $2',
      [t.owner.workspaceId, sha256(page)],
    );
    expect(stored?.count).toBe(1);
  });

  it('answers 404 for a hash the run does not have, and to another workspace', async () => {
    const missing = await t.owner.get(runs(projectId, `${runId}/attachments/${sha256('nope')}`));
    expect(missing.status).toBe(404);
    const other = await t.newWorkspace();
    expect((await other.get(runs(projectId, `${runId}/attachments/${sha256(page)}`))).status).toBe(404);
    expect((await other.get(runs(projectId, runId))).status).toBe(404);
    const otherProject = await newProject(other);
    expect((await upload(t, other, projectId, zipOf(folderOf([result({ name: 'x' })])))).status).toBe(404);
    expect((await other.get(runs(otherProject))).body.data).toEqual([]);
  });
});

describe('runs as a resource', () => {
  it('lists, filters, searches and deletes runs; failures are found by their message', async () => {
    const project = await newProject(t.owner);
    const folder = folderOf([
      result({ name: 'renders invoice', status: 'failed', message: 'quokka overflow' }),
    ]);
    const run = await uploadAndImport(t, t.owner, project, zipOf(folder), 'application/zip', {
      branch: 'release-7',
    });
    const listed = await t.owner.get(runs(project), { query: { 'filter[branch]': 'release-7' } });
    expect(listed.body.data.map((item: { id: string }) => item.id)).toEqual([run.id]);
    const byText = await t.owner.get(runs(project), { query: { q: 'release' } });
    expect(byText.body.data).toHaveLength(1);
    const found = await t.owner.get('/api/v1/search', { query: { q: 'quokka' } });
    expect(found.body.data).toEqual([expect.objectContaining({ type: 'test_run', id: run.id })]);
    expect((await t.owner.delete(runs(project, run.id))).status).toBe(204);
    expect((await t.owner.get(runs(project, run.id))).status).toBe(404);
    expect(await rowsLeft(t, 'allure_scenarios', run.id)).toBe(0);
    expect(await rowsLeft(t, 'test_run_attachments', run.id)).toBe(0);
    expect((await t.owner.get('/api/v1/search', { query: { q: 'quokka' } })).body.data).toEqual([]);
  });

  it('has no generic create or update', async () => {
    const project = await newProject(t.owner);
    const run = await uploadAndImport(t, t.owner, project, zipOf(folderOf([result({ name: 'x' })])));
    expect((await t.owner.patch(runs(project, run.id), { name: 'renamed' })).status).toBe(404);
    expect((await imported(t, t.owner, project, run.id)).name).toBe(run.name);
  });
});
