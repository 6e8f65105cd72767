import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { recordEvaluations } from './evaluation-counts.ts';
import { createFlag, flags, newProject, putConfig, rule } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

const day = 86_400_000;

async function environmentId(projectId: string, key: string, environment: string): Promise<string> {
  const detail = await owner.get(flags(projectId, key));
  return detail.body.environments.find((entry: JsonBody) => entry.environment === environment).environmentId;
}

/** Moves a flag's creation and its configs' last change back in time, as if they had aged. */
async function age(flagId: string, days: number): Promise<void> {
  const then = new Date(Date.now() - days * day).toISOString();
  await t.database.query('update plan.feature_flags set created_at = $1 where id = $2', [then, flagId]);
  await t.database.query('update flag_configs set updated_at = $1 where flag_id = $2', [then, flagId]);
}

describe('metrics', () => {
  it('count evaluations per bucket and variant, in one environment or all', async () => {
    const projectId = await newProject(owner);
    await createFlag(owner, projectId, 'checkout-v2');
    const production = await environmentId(projectId, 'checkout-v2', 'production');
    const staging = await environmentId(projectId, 'checkout-v2', 'staging');
    const target = { workspaceId: owner.workspaceId, projectId };
    const morning = new Date('2030-03-01T09:15:00Z');
    const noon = new Date('2030-03-01T12:40:00Z');
    await recordEvaluations(t.database.db, { ...target, environmentId: production }, [
      { flagKey: 'checkout-v2', yes: 3, no: 1, at: morning },
      { flagKey: 'checkout-v2', yes: 2, no: 0, at: morning },
      { flagKey: 'checkout-v2', yes: 5, no: 5, at: noon },
    ]);
    await recordEvaluations(t.database.db, { ...target, environmentId: staging }, [
      { flagKey: 'checkout-v2', yes: 7, no: 0, at: noon },
    ]);
    const window = { from: '2030-03-01T00:00:00Z', to: '2030-03-02T00:00:00Z' };
    const hourly = await owner.get(flags(projectId, 'checkout-v2/metrics'), {
      query: { ...window, environment: 'production' },
    });
    expect(hourly.status, JSON.stringify(hourly.body)).toBe(200);
    expect(hourly.body.series).toEqual([
      { time: '2030-03-01T09:00:00.000Z', variant: '', yes: 5, no: 1 },
      { time: '2030-03-01T12:00:00.000Z', variant: '', yes: 5, no: 5 },
    ]);
    expect(hourly.body.totals).toEqual([{ variant: '', yes: 10, no: 6 }]);
    expect(hourly.body.lastEvaluatedAt).toBe(noon.toISOString());
    const daily = await owner.get(flags(projectId, 'checkout-v2/metrics'), {
      query: { ...window, bucket: 'day' },
    });
    expect(daily.body.series).toEqual([{ time: '2030-03-01T00:00:00.000Z', variant: '', yes: 17, no: 6 }]);
    const listed = await owner.get(flags(projectId));
    expect(listed.body.data[0].lastEvaluatedAt).toBe(noon.toISOString());
    const backwards = await owner.get(flags(projectId, 'checkout-v2/metrics'), {
      query: { from: window.to, to: window.from },
    });
    expect(backwards.status).toBe(400);
  });
});

describe('stale flags', () => {
  it('are listed with why and where the code reads them', async () => {
    const projectId = await newProject(owner);
    const rolledOut = await createFlag(owner, projectId, 'rolled-out');
    await putConfig(owner, projectId, 'rolled-out', 'production', {
      enabled: true,
      rules: [rule(100)],
      defaultValue: false,
    });
    await recordEvaluations(
      t.database.db,
      {
        workspaceId: owner.workspaceId,
        projectId,
        environmentId: await environmentId(projectId, 'rolled-out', 'production'),
      },
      [{ flagKey: 'rolled-out', yes: 1, no: 0, at: new Date() }],
    );
    await age(rolledOut.id, 40);
    const forgotten = await createFlag(owner, projectId, 'forgotten');
    await age(forgotten.id, 40);
    await createFlag(owner, projectId, 'overdue', { removalDate: '2020-01-01' });
    const ramping = await createFlag(owner, projectId, 'still-ramping');
    await putConfig(owner, projectId, 'still-ramping', 'production', {
      enabled: true,
      rules: [rule(30)],
      defaultValue: false,
    });
    await age(ramping.id, 40);
    await recordEvaluations(
      t.database.db,
      {
        workspaceId: owner.workspaceId,
        projectId,
        environmentId: await environmentId(projectId, 'still-ramping', 'production'),
      },
      [{ flagKey: 'still-ramping', yes: 1, no: 1, at: new Date() }],
    );
    const scan = await owner.put(flags(projectId, 'code-references'), {
      commitSha: 'abc1234',
      references: [
        {
          flagKey: 'rolled-out',
          path: 'src/checkout.ts',
          line: 12,
          excerpt: "if (flags.isOn('rolled-out'))",
        },
        { flagKey: 'forgotten', path: 'src/legacy.ts', line: 3 },
      ],
    });
    expect(scan.status, JSON.stringify(scan.body)).toBe(200);
    expect(scan.body).toEqual({ count: 2 });

    const stale = await owner.get(flags(projectId, 'stale'), { query: { unusedDays: '30' } });
    expect(stale.status, JSON.stringify(stale.body)).toBe(200);
    expect(stale.body.data.map((flag: JsonBody) => [flag.key, flag.reasons])).toEqual([
      ['forgotten', ['unused']],
      ['overdue', ['past-removal-date']],
      ['rolled-out', ['fully-rolled-out']],
    ]);
    expect(stale.body.data[2].codeReferences).toEqual([
      { path: 'src/checkout.ts', line: 12, excerpt: "if (flags.isOn('rolled-out'))" },
    ]);
    const firstPage = await owner.get(flags(projectId, 'stale'), { query: { limit: '2' } });
    expect(firstPage.body.data).toHaveLength(2);
    const secondPage = await owner.get(flags(projectId, 'stale'), {
      query: { limit: '2', cursor: firstPage.body.nextCursor },
    });
    expect(secondPage.body.data.map((flag: JsonBody) => flag.key)).toEqual(['rolled-out']);
    const summary = (await owner.get(flags(projectId))).body.data.find(
      (flag: JsonBody) => flag.key === 'still-ramping',
    );
    expect(summary.stale).toBe(false);
  });
});

describe('previews and search', () => {
  it('evaluate a flag and every flag from the live config, and find flags with the plan search', async () => {
    const projectId = await newProject(owner);
    await createFlag(owner, projectId, 'checkout-v2', { description: 'Redesigned basket and payment page' });
    await createFlag(owner, projectId, 'dark-mode');
    await putConfig(owner, projectId, 'checkout-v2', 'production', {
      enabled: true,
      rules: [
        rule(100, { id: 'staff', constraints: [{ contextName: 'userId', operator: 'IN', values: ['ada'] }] }),
      ],
      defaultValue: false,
    });
    const staff = await owner.post(flags(projectId, 'checkout-v2/evaluate'), {
      environment: 'production',
      context: { userId: 'ada' },
    });
    expect(staff.status, JSON.stringify(staff.body)).toBe(200);
    expect(staff.body).toMatchObject({
      key: 'checkout-v2',
      value: true,
      reason: 'TARGETING_MATCH',
      ruleId: 'staff',
    });
    const other = await owner.post(flags(projectId, 'checkout-v2/evaluate'), {
      environment: 'production',
      context: { targetingKey: 'bob' },
    });
    expect(other.body).toMatchObject({ value: false, reason: 'DEFAULT' });
    const all = await owner.post(flags(projectId, 'evaluate'), {
      environment: 'production',
      context: { userId: 'ada' },
    });
    expect(all.body.data.map((evaluation: JsonBody) => [evaluation.key, evaluation.reason])).toEqual([
      ['checkout-v2', 'TARGETING_MATCH'],
      ['dark-mode', 'DISABLED'],
    ]);
    const found = await owner.get('/api/v1/search', {
      query: { q: 'redesigned basket', type: 'plan_feature_flags' },
    });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body.data.map((hit: JsonBody) => hit.title)).toContain('checkout-v2');
  });
});
