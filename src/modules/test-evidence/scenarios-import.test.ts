// The questions asked of runs the real import wrote: new failures against the branch's previous
// upload, a scenario's own attachments served from the URL it gives, and a gate on the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { evidence, folderOf, newProject, result, uploadAndImport, zipOf } from './test-helpers.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('runs uploaded and imported', () => {
  it('answer new failures, fixes, attachments and gates', async () => {
    const projectId = await newProject(t.owner);
    const main = { branch: 'main' };
    await uploadAndImport(
      t,
      t.owner,
      projectId,
      zipOf(
        folderOf([result({ name: 'login' }), result({ name: 'pay', status: 'failed', message: 'declined' })]),
      ),
      'application/zip',
      main,
    );
    const second = await uploadAndImport(
      t,
      t.owner,
      projectId,
      zipOf(
        folderOf(
          [
            result({
              name: 'login',
              status: 'failed',
              message: 'expected 200',
              attachments: [{ name: 'log', source: 'log-attachment.txt', type: 'text/plain' }],
            }),
            result({ name: 'pay' }),
          ],
          { 'log-attachment.txt': 'connection refused' },
        ),
      ),
      'application/zip',
      main,
    );
    expect(second.status).toBe('imported');
    const list = await t.owner.get(evidence(projectId, `test-runs/${second.id}/scenarios`));
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const byName = Object.fromEntries(list.body.data.map((item: JsonBody) => [item.name, item]));
    expect(byName.login).toMatchObject({ status: 'failed', previousStatus: 'passed', change: 'new-failure' });
    expect(byName.pay).toMatchObject({ status: 'passed', previousStatus: 'failed', change: 'fixed' });

    const detail = await t.owner.get(
      evidence(projectId, `test-runs/${second.id}/scenarios/${byName.login.id}`),
    );
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body.steps.map((step: JsonBody) => step.name)).toEqual(['step 1', 'step 2']);
    expect(detail.body.attachments).toMatchObject([{ name: 'log', mediaType: 'text/plain', size: 18 }]);
    const bytes = await t.owner.get(detail.body.attachments[0].url);
    expect(bytes.status).toBe(200);
    expect(String(bytes.body)).toBe('connection refused');

    const gate = await t.owner.get(
      evidence(projectId, `test-runs/${second.id}/gate?gate=${encodeURIComponent('newFailures = 0')}`),
    );
    expect(gate.body).toMatchObject({
      passed: false,
      failures: [{ condition: 'newFailures = 0', actual: 1 }],
    });
  });
});
