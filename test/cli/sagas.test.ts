// `shipshape sagas …` and `shipshape release run` against a live test server whose test module
// declares a startable saga type.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sagaApiTestModule, settleSaga, startTestSaga } from '../../src/modules/sagas/test-helpers.ts';
import { createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { listen, runCli } from './cli-support.ts';

let t: TestApp;
let url: string;

beforeAll(async () => {
  t = await createTestApp({ modules: [sagaApiTestModule] });
  url = await listen(t);
});
afterAll(() => t.close());

const run = (args: string[], caller = t.owner) => runCli(url, caller, ['sagas', ...args]);

/** `shipshape …args` whose stdout the test reads while it runs: resolves `seen` once it shows `text`. */
function runWatching(args: string[], text: string) {
  const cli = path.resolve(import.meta.dirname, '../../bin/shipshape.js');
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, SHIPSHAPE_URL: url, SHIPSHAPE_TOKEN: t.owner.token, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let markSeen: () => void = () => undefined;
  const seen = new Promise<void>((resolve) => {
    markSeen = resolve;
  });
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    if (stdout.includes(text)) markSeen();
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { seen, done };
}

describe('shipshape sagas', { timeout: 120_000 }, () => {
  it('lists with filters and shows a timeline with attempts, durations and compensations', async () => {
    const project = await t.owner.post('/api/v1/projects', { name: 'Payments', key: 'PAY' });
    const failed = await startTestSaga(t.owner, { failLast: true }, { projectId: project.body.id });
    const done = await startTestSaga(t.owner, { label: 'ok' }, { title: 'Quiet release' });
    await settleSaga(t, t.owner, failed.id, ['failed']);
    await settleSaga(t, t.owner, done.id, ['completed']);

    const listed = await run(['list']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(`${done.id}\\s+completed\\s+2/2\\s+test.api-release\\s+Quiet release`),
    );
    const inProject = await run(['list', '--project', 'PAY', '--status', 'failed,cancelled', '--json']);
    expect(inProject.json.map((saga: { id: string }) => saga.id)).toEqual([failed.id]);
    expect((await run(['list', '--type', 'release', '--json'])).json).toEqual([]);

    const shown = await run(['show', failed.id]);
    expect(shown.code, shown.stderr).toBe(0);
    const lines = shown.stdout.split('\n');
    expect(lines[0]).toBe('A test release (test.api-release) — failed');
    expect(shown.stdout).toContain('Error: Step ship failed: ship broke');
    expect(lines[1]).toMatch(/^Id: .* · 2 steps · created /);
    expect(shown.stdout).toMatch(/ {3}1 prepare\s+action\s+#1\s+succeeded\s+\d+ ms/);
    expect(shown.stdout).toMatch(/ {3}2 ship\s+action\s+#1\s+failed\s+\d+ ms {2}ship broke/);
    expect(shown.stdout).toMatch(/↩ {2}1 prepare\s+compensation\s+#1\s+succeeded/);
    const json = await run(['show', failed.id, '--json']);
    expect(json.json.steps).toHaveLength(3);
  });

  it('signals and approves sagas, with the server’s reason when refused', async () => {
    const signalled = await startTestSaga(t.owner, { waitForSignal: true });
    await settleSaga(t, t.owner, signalled.id, ['waiting']);
    const shown = await run(['show', signalled.id]);
    expect(shown.stdout).toContain(`Waiting for the signal go — shipshape sagas signal ${signalled.id} go`);
    expect(shown.stdout).toMatch(/ {3}3 ship\s+\(not run\)/);
    const sent = await run(['signal', signalled.id, 'go', '--payload', '{"build": 9}', '--json']);
    expect(sent.code, sent.stderr).toBe(0);
    expect((await settleSaga(t, t.owner, signalled.id, ['completed'])).outputs.go).toMatchObject({
      build: 9,
    });
    const badPayload = await run(['signal', signalled.id, 'go', '--payload', '{nope']);
    expect(badPayload.code).toBe(1);
    expect(badPayload.stderr).toContain('--payload is not JSON');

    const refused = await startTestSaga(t.owner, { approvalRole: 'admin' });
    await settleSaga(t, t.owner, refused.id, ['waiting']);
    const viewer = await t.newMember(t.owner, 'viewer');
    const notAllowed = await run(['approve', refused.id], viewer);
    expect(notAllowed.code).toBe(1);
    expect(notAllowed.stderr).toMatch(/^shipshape: 403 /);
    expect((await run(['approve', refused.id, '--refuse', '--comment', 'Not today'])).code).toBe(0);
    await settleSaga(t, t.owner, refused.id, ['failed']);
  });

  it('cancels, retries and resumes sagas, with the server’s reason when the saga is in no state for it', async () => {
    const cancelled = await startTestSaga(t.owner, { waitForSignal: true });
    await settleSaga(t, t.owner, cancelled.id, ['waiting']);
    const cancel = await run(['cancel', cancelled.id, '--reason', 'Wrong build']);
    expect(cancel.code, cancel.stderr).toBe(0);
    await settleSaga(t, t.owner, cancelled.id, ['cancelled']);
    const again = await run(['cancel', cancelled.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('409 A cancelled saga cannot be cancelled');

    const paused = await startTestSaga(t.owner, { pauseFailures: 1 });
    await settleSaga(t, t.owner, paused.id, ['waiting']);
    expect((await run(['retry', paused.id])).code).toBe(0);
    await settleSaga(t, t.owner, paused.id, ['completed']);

    const stuck = await startTestSaga(t.owner, { failLast: true, failUndo: true });
    await settleSaga(t, t.owner, stuck.id, ['compensation_failed']);
    const resumed = await run(['resume', stuck.id, '--skip', '--reason', 'By hand', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.json.status).toBe('compensating');
    const failed = await settleSaga(t, t.owner, stuck.id, ['failed']);
    expect(failed.steps.at(-1)).toMatchObject({ status: 'skipped', error: 'By hand' });
  });

  it('follows a saga step by step, says what it waits for, and exits 0 once it completes', async () => {
    const saga = await startTestSaga(t.owner, { approvalRole: 'admin' });
    const follower = runWatching(['sagas', 'show', saga.id, '--follow'], 'Waiting for an approval');
    await follower.seen;
    expect((await t.owner.post(`/api/v1/sagas/${saga.id}/approval`, { approved: true })).status).toBe(200);
    const { code, stdout, stderr } = await follower.done;
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(
      `Waiting for an approval by a member with the admin role: Ship it? — shipshape sagas approve ${saga.id} [--refuse]`,
    );
    expect(stdout).toMatch(/3 ship\s+action\s+#1\s+succeeded/);
    expect(stdout).toContain('A test release: completed');
  });

  it('exits 1 when a followed saga fails, with its final state as JSON', async () => {
    const saga = await startTestSaga(t.owner, { failLast: true });
    const followed = await run(['show', saga.id, '--follow', '--json']);
    expect(followed.code).toBe(1);
    expect(followed.json).toMatchObject({
      id: saga.id,
      status: 'failed',
      errorMessage: 'Step ship failed: ship broke',
    });
    expect(followed.stderr).toContain('A test release: failed — Step ship failed: ship broke');
  });

  it('answers release run for a workflow the project does not have with the reason, exit 1', async () => {
    await t.owner.post('/api/v1/projects', { name: 'Checkout', key: 'CHK' });
    const answer = await runCli(url, t.owner, [
      'release',
      'run',
      'no-such-flow',
      '--project',
      'CHK',
      '--follow',
    ]);
    expect(answer.code).toBe(1);
    expect(answer.stderr).toMatch(/^shipshape: 404 /);
  });
});
