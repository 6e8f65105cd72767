// A CI job uploads its test results with `shipshape tests upload`, waits for the import and gates
// the change with `shipshape tests gate`; people read runs, flaky tests and a test's history.
// One server, a baseline run uploaded over HTTP, then a few CLI runs that each check a lot.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { listen, runCli } from './cli-support.ts';

let t: TestApp;
let url: string;
let scratch: string;
let projectId: string;
const commit = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

type Status = 'passed' | 'failed' | 'broken' | 'skipped';

/** An Allure result as allure-js-commons writes it. */
function result(
  name: string,
  status: Status,
  start: number,
  ms: number,
  extra: Record<string, unknown> = {},
) {
  return {
    uuid: `${name}-${start}`,
    historyId: `history-${name}`,
    testCaseId: `case-${name}`,
    fullName: `checkout.spec.ts#${name}`,
    name,
    status,
    statusDetails:
      status === 'passed' || status === 'skipped'
        ? {}
        : { message: `${name} went wrong`, trace: 'at checkout.spec.ts:12' },
    stage: 'finished',
    start,
    stop: start + ms,
    labels: [
      { name: 'suite', value: 'checkout' },
      { name: 'feature', value: 'payments' },
    ],
    links: [],
    parameters: [],
    steps: [],
    attachments: [],
    ...extra,
  };
}

/** A results folder: file name → content. */
type Folder = Record<string, string>;

function folderOf(results: ReturnType<typeof result>[], extra: Folder = {}): Folder {
  const files: Folder = { ...extra };
  for (const entry of results) files[`${entry.uuid}-result.json`] = JSON.stringify(entry);
  return files;
}

function writeFolder(name: string, files: Folder): string {
  const folder = path.join(scratch, name);
  fs.mkdirSync(folder, { recursive: true });
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(folder, file), content);
  return folder;
}

const base = Date.parse('2026-12-01T10:00:00Z');

/** The branch's previous run: everything passed but `declined`, which failed. */
const baseline = folderOf([
  result('pays', 'passed', base, 120),
  result('refunds', 'passed', base + 200, 80),
  result('declined', 'failed', base + 400, 50),
  result('retries', 'passed', base + 600, 40),
]);

/** The run the CI job uploads: `refunds` fails now (a new failure), `retries` passes on its second try. */
const current = folderOf(
  [
    result('pays', 'passed', base + 10_000, 2500),
    result('refunds', 'failed', base + 13_000, 300),
    result('declined', 'broken', base + 14_000, 50),
    result('skipped', 'skipped', base + 15_000, 0),
    result('retries', 'failed', base + 16_000, 40),
    { ...result('retries', 'passed', base + 17_000, 45), uuid: 'retries-second' },
  ],
  {
    'categories.json': JSON.stringify([
      { name: 'Timeouts', matchedStatuses: ['failed'], messageRegex: '.*timed out.*' },
    ]),
    'environment.properties': 'browser=chromium\nnode=20\n',
  },
);

async function waitImported(runId: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const run = await t.owner.get(`/api/v1/projects/${projectId}/test-runs/${runId}`);
    if (run.body.status === 'imported' || run.body.status === 'failed') return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${runId} did not finish importing`);
}

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
  const project = await t.owner.post('/api/v1/projects', { name: 'Payments', key: 'PAY' });
  expect(project.status).toBe(201);
  projectId = project.body.id;
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-tests-evidence-'));
  // The baseline goes over plain HTTP, as curl would send it.
  const zip = zipSync(
    Object.fromEntries(Object.entries(baseline).map(([name, text]) => [name, Buffer.from(text)])),
  );
  const answer = await fetch(
    `${url}/api/v1/projects/${projectId}/test-runs?branch=main&commit=0123456789abcdef`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${t.owner.token}`, 'content-type': 'application/zip' },
      body: zip,
    },
  );
  expect(answer.status).toBe(202);
  const queued: { id: string } = JSON.parse(await answer.text());
  expect((await waitImported(queued.id)).status).toBe('imported');
  writeFolder('allure-results', current);
});

afterAll(async () => {
  await t?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

// Each test starts the CLI once, and an upload waits for its import: seconds on a busy machine.
describe('shipshape tests', { timeout: 90_000 }, () => {
  let runId: string;

  it('uploads a results folder, waits for the import and prints the run', async () => {
    const upload = await runCli(
      url,
      t.owner,
      [
        'tests',
        'upload',
        'allure-results',
        '--project',
        'pay',
        '--commit',
        commit,
        '--branch',
        'main',
        '--pipeline-url',
        'https://ci.example/jobs/42',
        '--environment',
        'staging',
        '--json',
      ],
      scratch,
    );
    expect(upload.code, upload.stderr).toBe(0);
    expect(upload.json).toMatchObject({
      status: 'imported',
      format: 'allure',
      branch: 'main',
      commitSha: commit,
      pipelineUrl: 'https://ci.example/jobs/42',
      environment: 'staging',
      environmentProperties: { browser: 'chromium', node: '20' },
      totals: { total: 5, passed: 2, failed: 1, broken: 1, skipped: 1, unknown: 0 },
      importErrors: [],
    });
    runId = upload.json.id;
  });

  it('shows the run: categories, the new failure, nothing fixed, the slowest first', async () => {
    const show = await runCli(url, t.owner, ['tests', 'show', runId, '--top', '3', '--json']);
    expect(show.code, show.stderr).toBe(0);
    const { categories, newFailures, fixed, slowest } = show.json;
    expect(categories).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Product defects', count: 1 }),
        expect.objectContaining({ name: 'Test defects', count: 1 }),
      ]),
    );
    expect(
      newFailures.map((s: { name: string; previousStatus: string }) => [s.name, s.previousStatus]),
    ).toEqual([['refunds', 'passed']]);
    expect(fixed).toEqual([]);
    expect(slowest).toHaveLength(3);
    expect(slowest[0]).toMatchObject({ name: 'pays', durationMs: 2500 });
  });

  it('fails a gate on the run with each failed condition, and exits 1', async () => {
    const gate = await runCli(url, t.owner, [
      'tests',
      'gate',
      '--run',
      runId,
      '--gate',
      'failures = 0, newFailures = 0, passRate >= 50%',
    ]);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toMatch(/^Gate FAILED: failures = 0, newFailures = 0, passRate >= 50%/);
    expect(gate.stdout).toMatch(/✗ failures = 0: failures is 2/);
    expect(gate.stdout).toMatch(/✗ newFailures = 0: newFailures is 1/);
    expect(gate.stdout).not.toMatch(/✗ passRate/);
    expect(gate.stderr.trim()).toBe('shipshape: gate failed: failures = 0, newFailures = 0');
    const stored = await t.database.query<{ n: number }>(
      'select count(*)::int as n from test_gate_evaluations',
    );
    expect(stored).toEqual([{ n: 1 }]);
  });

  it('evaluates a gate offline on the folder, saying that new failures need the server', async () => {
    const gate = await runCli(
      url,
      null,
      [
        'tests',
        'gate',
        '--results',
        'allure-results',
        '--gate',
        'failures <= 2, flaky = 1, newFailures = 0',
        '--json',
      ],
      scratch,
    );
    expect(gate.code, gate.stderr).toBe(0);
    expect(gate.json).toMatchObject({ passed: true, failures: [] });
    expect(gate.json.notes).toEqual([
      expect.stringMatching(/^newFailures = 0 not evaluated: new failures are known only/),
    ]);
  });

  it('ranks the flaky tests of the branch', async () => {
    const flaky = await runCli(url, t.owner, [
      'tests',
      'flaky',
      '--project',
      'PAY',
      '--branch',
      'main',
      '--json',
    ]);
    expect(flaky.code, flaky.stderr).toBe(0);
    expect(flaky.json.branch).toBe('main');
    const byName = Object.fromEntries(
      flaky.json.data.map((test: { fullName: string }) => [test.fullName.split('#')[1], test]),
    );
    expect(byName.refunds).toMatchObject({ flips: 1, runsConsidered: 2, lastStatus: 'failed' });
    expect(byName.retries).toMatchObject({ retriedPasses: 1, lastStatus: 'passed' });
    expect(byName.pays).toBeUndefined();
  });

  it("shows a test's result in each run, newest first", async () => {
    const history = await runCli(url, t.owner, ['tests', 'history', 'history-refunds', '--project', 'PAY']);
    expect(history.code, history.stderr).toBe(0);
    const lines = history.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/failed .*main .*a1b2c3d4/);
    expect(lines[1]).toMatch(/passed .*main .*01234567/);
  });

  it('exits 1 with a reason per file when the import fails, and keeps none of its results', async () => {
    writeFolder('broken-results', {
      ...folderOf([result('pays', 'passed', base, 10)]),
      'bad-result.json': '{"uuid": "cut short',
      'wrong-result.json': JSON.stringify({ ...result('wrong', 'passed', base, 10), start: 'yesterday' }),
    });
    const upload = await runCli(
      url,
      t.owner,
      ['tests', 'upload', 'broken-results', '--project', 'PAY'],
      scratch,
    );
    expect(upload.code).toBe(1);
    expect(upload.stdout).toMatch(/failed to import:\n {2}bad-result\.json: not JSON/);
    expect(upload.stdout).toMatch(/\n {2}wrong-result\.json: start must be a number/);
    expect(upload.stderr.trim().split('\n').at(-1)).toMatch(
      /^shipshape: test run \S+ failed to import: bad-result\.json: not JSON.* \(and 1 more\)$/,
    );
    const runs = await t.owner.get(`/api/v1/projects/${projectId}/test-runs`, {
      query: { 'filter[status]': 'failed' },
    });
    expect(runs.body.data).toHaveLength(1);
    const left = await t.database.query<{ n: number }>(
      'select count(*)::int as n from allure_scenarios where run_id = $1',
      [runs.body.data[0].id],
    );
    expect(left).toEqual([{ n: 0 }]);
  });
});
