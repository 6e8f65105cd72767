// Release workflows through the API, run against a local HTTP server that plays the deploy,
// rollback and health endpoints: retries, timeouts, rollbacks in reverse, refused hosts and
// redirects, secrets that reach the server but not the saved output, and an approval.

import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../../core/events/schema.ts';
import { systemScope } from '../../../core/resource/scope.ts';
import { decideApproval } from '../../../core/sagas/actions.ts';
import type { JsonBody } from '../../../test-support/app.ts';
import { createFlag, putConfig, rule } from '../../flags/test-helpers.ts';
import { releaseSecrets } from '../tables.ts';
import {
  base,
  defineAndRun,
  deployStep,
  hits,
  owner,
  paths,
  project,
  scripted,
  settle,
  stepsOf,
  t,
  useReleaseHarness,
} from './test-helpers.ts';

useReleaseHarness();

describe('release runs', () => {
  it('deploy, retry a 5xx, poll health, and save responses with secrets redacted', async () => {
    const projectId = await project();
    const secret = await owner.post(`/api/v1/projects/${projectId}/release-secrets`, {
      name: 'DEPLOY_TOKEN',
      value: 's3cr3t-token-value',
    });
    expect(secret.status).toBe(201);
    expect(JSON.stringify(secret.body)).not.toContain('s3cr3t');
    const secretEvents = await t.services.tenancy
      .bind(owner.workspaceId)
      .read((db) => db.select().from(auditEvents).where(eq(auditEvents.aggregateId, secret.body.id)));
    expect(secretEvents.map((event) => event.eventType)).toEqual(['release_secret.created']);
    expect(JSON.stringify(secretEvents)).not.toContain('s3cr3t');
    const listed = await owner.get(`/api/v1/projects/${projectId}/release-secrets`);
    expect(listed.body.data.map((row: JsonBody) => row.name)).toEqual(['DEPLOY_TOKEN']);
    expect(JSON.stringify(listed.body)).not.toContain('s3cr3t');
    const [stored] = await t.services.tenancy
      .bind(owner.workspaceId)
      .read((db) => db.select().from(releaseSecrets).where(eq(releaseSecrets.projectId, projectId)));
    expect(JSON.stringify(stored?.value)).not.toContain('s3cr3t');

    scripted.set('/deploy/one', [502, 200]);
    scripted.set('/health', [503, 503, 200]);
    const run = await defineAndRun(
      projectId,
      [
        deployStep('one', { headers: { authorization: 'Bearer {{secrets.DEPLOY_TOKEN}}' } }),
        {
          name: 'healthy',
          kind: 'health_check',
          url: `${base}/health`,
          intervalSeconds: 0.01,
          timeoutMinutes: 0.1,
        },
      ],
      { version: '3.1.4' },
    );
    expect(run).toMatchObject({
      sagaType: 'release',
      title: expect.stringMatching(/^Workflow/),
      stepNames: ['deploy-one', 'healthy'],
    });
    expect(run.context).toMatchObject({ workflowVersion: 1, inputs: { version: '3.1.4' } });

    const saga = await settle(run.id, ['completed']);
    const deploys = hits.filter((hit) => hit.path === '/deploy/one');
    expect(deploys).toHaveLength(2);
    expect(deploys.map((hit) => hit.headers.authorization)).toEqual([
      'Bearer s3cr3t-token-value',
      'Bearer s3cr3t-token-value',
    ]);
    expect(deploys[0]?.body).toEqual({ wave: 'one', version: '3.1.4' });
    // The same idempotency key on each try of the step.
    expect(deploys[0]?.headers['idempotency-key']).toBeTruthy();
    expect(deploys[1]?.headers['idempotency-key']).toBe(deploys[0]?.headers['idempotency-key']);
    expect(hits.filter((hit) => hit.path === '/health')).toHaveLength(3);

    expect(saga.outputs['deploy-one']).toMatchObject({
      status: 200,
      headers: { 'x-deploy-id': 'd-1' },
      body: { ok: true, echo: 'Bearer [redacted]' },
    });
    const steps = await stepsOf(run.id);
    expect(JSON.stringify(steps)).not.toContain('s3cr3t');
    expect(JSON.stringify(saga)).not.toContain('s3cr3t');
  });

  it('roll back the earlier waves in reverse, each once, when a wave keeps failing', async () => {
    const projectId = await project();
    scripted.set('/deploy/three', [500]);
    const run = await defineAndRun(projectId, [deployStep('one'), deployStep('two'), deployStep('three')]);
    const saga = await settle(run.id, ['failed']);
    expect(saga.errorMessage).toContain('answered 500');
    expect(paths()).toEqual([
      'POST /deploy/one',
      'POST /deploy/two',
      'POST /deploy/three',
      'POST /deploy/three',
      'POST /rollback/two',
      'POST /rollback/one',
    ]);
    const rollback = hits.find((hit) => hit.path === '/rollback/two');
    const deploy = hits.find((hit) => hit.path === '/deploy/two');
    // The rollback carries its own key, the same on each of its tries.
    expect(rollback?.headers['idempotency-key']).toBeTruthy();
    expect(rollback?.headers['idempotency-key']).not.toBe(deploy?.headers['idempotency-key']);
  });

  it('fail a call past its time bound, and compensate', async () => {
    const projectId = await project();
    const run = await defineAndRun(projectId, [
      deployStep('one'),
      {
        name: 'slow',
        kind: 'http',
        method: 'GET',
        url: `${base}/slow`,
        timeoutMs: 200,
        retry: { attempts: 1 },
      },
    ]);
    const saga = await settle(run.id, ['failed']);
    expect(saga.errorMessage).toContain('took longer than 200 ms');
    expect(paths()).toEqual(['POST /deploy/one', 'GET /slow', 'POST /rollback/one']);
  });

  it('never follow a redirect to another host', async () => {
    const projectId = await project();
    const run = await defineAndRun(projectId, [
      deployStep('one'),
      { name: 'moved', kind: 'http', url: `${base}/moved`, retry: { attempts: 1 } },
    ]);
    const saga = await settle(run.id, ['failed']);
    expect(saga.errorMessage).toContain('redirecting to http://elsewhere.example/deploy');
    expect(paths()).toEqual(['POST /deploy/one', 'POST /moved', 'POST /rollback/one']);
  });

  it('refuse a host the project does not allow, without a request', async () => {
    const projectId = await project(owner, false);
    const run = await defineAndRun(projectId, [deployStep('one', { retry: { attempts: 1 } })]);
    const saga = await settle(run.id, ['failed']);
    expect(saga.errorMessage).toContain("is not among the project's release allowed hosts");
    expect(hits).toHaveLength(0);

    // A wildcard entry admits names, but not one that resolves to an internal address.
    await owner.post(`/api/v1/projects/${projectId}/release-allowed-hosts`, { host: '*.localhost' });
    const again = await defineAndRun(projectId, [
      deployStep('one', { url: 'http://deploy.localhost:1/x', retry: { attempts: 1 } }),
    ]);
    const refused = await settle(again.id, ['failed']);
    expect(refused.errorMessage).toMatch(/resolves to the internal address|ENOTFOUND|EAI_AGAIN/);
    expect(hits).toHaveLength(0);
  });

  it('move a flag rollout, and switch it back when a later step fails', async () => {
    const projectId = await project();
    await createFlag(owner, projectId, 'checkout');
    await putConfig(owner, projectId, 'checkout', 'production', {
      enabled: false,
      rules: [rule(10, { id: 'everyone' })],
      defaultValue: false,
    });
    const config = async () =>
      (await owner.get(`/api/v1/projects/${projectId}/flags/checkout`)).body.environments.find(
        (entry: JsonBody) => entry.environment === 'production',
      );
    scripted.set('/deploy/one', [500]);
    const run = await defineAndRun(projectId, [
      {
        name: 'canary',
        kind: 'flag_rollout',
        flagKey: 'checkout',
        environment: 'production',
        enabled: true,
        ruleId: 'everyone',
        percentage: 50,
      },
      { name: 'check', kind: 'wait', seconds: 0.01 },
      deployStep('one', { retry: { attempts: 1 } }),
    ]);
    const saga = await settle(run.id, ['failed']);
    const steps = await stepsOf(run.id);
    const canary = steps.find((step) => step.stepName === 'canary' && step.phase === 'action');
    expect(canary?.output).toMatchObject({
      previous: { enabled: false, percentage: 10 },
      applied: { enabled: true, percentage: 50 },
    });
    expect(steps.filter((step) => step.stepName === 'canary' && step.phase === 'compensation')).toHaveLength(
      1,
    );
    expect(saga.status).toBe('failed');
    const after = await config();
    expect(after.enabled).toBe(false);
    expect(after.rules[0].rollout).toBe(10);
  });

  it('wait for an approval, then go on once approved', async () => {
    const projectId = await project();
    const run = await defineAndRun(
      projectId,
      [
        { name: 'sign-off', kind: 'approval', role: 'admin', prompt: 'Ship {{inputs.version}}?' },
        deployStep('one'),
      ],
      { version: 2 },
    );
    const waiting = await settle(run.id, ['waiting']);
    expect(waiting.waitingFor).toMatchObject({ kind: 'approval', role: 'admin', prompt: 'Ship 2?' });
    expect(hits).toHaveLength(0);
    await decideApproval(systemScope(t.services, owner.workspaceId, owner.userId), t.services.sagas, run.id, {
      approved: true,
    });
    await settle(run.id, ['completed']);
    expect(paths()).toEqual(['POST /deploy/one']);
  });

  it('check a named quality gate: its last result must have passed', async () => {
    const projectId = await project();
    const gates = `/api/v1/projects/${projectId}/plan/code-review-automation/quality-gates`;
    const gate = await owner.post(gates, { name: 'pre-deploy', stage: 'pre-deploy', lastResult: 'failed' });
    expect(gate.status, JSON.stringify(gate.body)).toBe(201);
    const steps = [{ name: 'gate', kind: 'check_readiness', gate: 'pre-deploy' }, deployStep('one')];
    const failing = await defineAndRun(projectId, steps);
    expect((await settle(failing.id, ['failed'])).errorMessage).toContain(
      'quality gate pre-deploy has last failed',
    );
    expect(hits).toHaveLength(0);
    const passed = await owner.patch(`${gates}/${gate.body.id}`, { lastResult: 'passed' });
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    const passing = await defineAndRun(projectId, steps);
    const saga = await settle(passing.id, ['completed']);
    expect(saga.outputs.gate).toMatchObject({ gate: 'pre-deploy', lastResult: 'passed' });
    expect(paths()).toEqual(['POST /deploy/one']);
  });

  it('stop at a readiness level the project has not reached', async () => {
    const projectId = await project();
    const run = await defineAndRun(projectId, [
      { name: 'ready', kind: 'check_readiness', level: 'gold' },
      deployStep('one'),
    ]);
    const saga = await settle(run.id, ['failed']);
    expect(saga.errorMessage).toMatch(/readiness \w+, below gold/);
    expect(hits).toHaveLength(0);
    const [started] = await t.services.tenancy.bind(owner.workspaceId).read((db) =>
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.aggregateId, run.id), eq(auditEvents.eventType, 'saga.started'))),
    );
    expect(started).toBeTruthy();
  });
});
