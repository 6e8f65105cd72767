import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { applyDueChanges, scheduledChangesJob } from './job.ts';
import { createFlag, flags, newProject, putConfig, rule } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

const hour = 3_600_000;
const at = (base: Date, hours: number) => new Date(base.getTime() + hours * hour).toISOString();

async function productionRollout(projectId: string, key: string): Promise<JsonBody> {
  const detail = await owner.get(flags(projectId, key));
  return detail.body.environments.find((entry: JsonBody) => entry.environment === 'production');
}

describe('scheduled changes', () => {
  it('ramp a rule step by step as the job runs, each step once, audited', async () => {
    const projectId = await newProject(owner);
    await createFlag(owner, projectId, 'checkout-v2');
    await putConfig(owner, projectId, 'checkout-v2', 'production', {
      enabled: true,
      rules: [rule(0, { id: 'ramp' })],
      defaultValue: false,
    });
    const start = new Date();
    const ramp = await owner.post(flags(projectId, 'checkout-v2/schedule/ramp'), {
      environment: 'production',
      ruleId: 'ramp',
      steps: [
        { at: at(start, 2), percentage: 50 },
        { at: at(start, 1), percentage: 10 },
        { at: at(start, 3), percentage: 100 },
      ],
    });
    expect(ramp.status, JSON.stringify(ramp.body)).toBe(201);
    expect(ramp.body.data.map((step: JsonBody) => step.change.rollout.percentage)).toEqual([10, 50, 100]);

    await applyDueChanges(t.services, new Date(start.getTime() + 1.5 * hour));
    expect((await productionRollout(projectId, 'checkout-v2')).rollout).toBe(10);
    // A second run at the same time applies nothing again.
    await applyDueChanges(t.services, new Date(start.getTime() + 1.5 * hour));
    const afterFirst = await productionRollout(projectId, 'checkout-v2');
    expect(afterFirst.rollout).toBe(10);

    await applyDueChanges(t.services, new Date(start.getTime() + 4 * hour));
    expect((await productionRollout(projectId, 'checkout-v2')).rollout).toBe(100);
    const schedule = await owner.get(flags(projectId, 'checkout-v2/schedule'));
    expect(schedule.body.data.map((step: JsonBody) => step.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
    const events = await owner.get('/api/v1/audit/events', {
      query: { eventType: 'flag_config.scheduled_change_applied' },
    });
    // This file's app has no other scheduled change yet: the three steps, each applied once.
    expect(events.body.data).toHaveLength(3);
    expect(events.body.data[0].userId).toBe(owner.userId);
    expect(events.body.data[0].metadata.reason).toMatch(/^scheduled change /);
    expect(scheduledChangesJob.schedule(t.services)).toBe('* * * * *');
  });

  it('turn a flag on when due, mark a change whose rule is gone failed, and cancel pending ones', async () => {
    const projectId = await newProject(owner);
    await createFlag(owner, projectId, 'checkout-v2');
    await putConfig(owner, projectId, 'checkout-v2', 'staging', {
      enabled: true,
      rules: [rule(20, { id: 'gone-soon' })],
      defaultValue: false,
    });
    const past = new Date(Date.now() - hour).toISOString();
    const turnOn = await owner.post(flags(projectId, 'checkout-v2/schedule'), {
      environment: 'production',
      runAt: past,
      change: { enabled: true },
    });
    expect(turnOn.status, JSON.stringify(turnOn.body)).toBe(201);
    const rollout = await owner.post(flags(projectId, 'checkout-v2/schedule'), {
      environment: 'staging',
      runAt: past,
      change: { rollout: { ruleId: 'gone-soon', percentage: 80 } },
    });
    expect(rollout.status, JSON.stringify(rollout.body)).toBe(201);
    const later = await owner.post(flags(projectId, 'checkout-v2/schedule'), {
      environment: 'production',
      runAt: new Date(Date.now() + 24 * hour).toISOString(),
      change: { enabled: false },
    });
    await putConfig(owner, projectId, 'checkout-v2', 'staging', {
      enabled: true,
      rules: [],
      defaultValue: false,
    });
    expect((await owner.delete(flags(projectId, `checkout-v2/schedule/${later.body.id}`))).status).toBe(204);

    await applyDueChanges(t.services, new Date());
    const detail = await owner.get(flags(projectId, 'checkout-v2'));
    expect(
      detail.body.environments.find((entry: JsonBody) => entry.environment === 'production').enabled,
    ).toBe(true);
    expect(detail.body.status).toBe('active');
    const schedule = (await owner.get(flags(projectId, 'checkout-v2/schedule'))).body.data;
    const byId = new Map(schedule.map((change: JsonBody) => [change.id, change]));
    expect(byId.get(turnOn.body.id)).toMatchObject({ status: 'applied' });
    expect(byId.get(rollout.body.id)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('gone-soon'),
    });
    expect(byId.get(later.body.id)).toMatchObject({ status: 'cancelled' });

    const unknownRule = await owner.post(flags(projectId, 'checkout-v2/schedule'), {
      environment: 'staging',
      runAt: past,
      change: { rollout: { ruleId: 'nope', percentage: 5 } },
    });
    expect(unknownRule.status).toBe(422);
  });
});
