import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { hashSdkSecret } from './sdk-keys.ts';
import { loadSnapshot, snapshotStamp } from './snapshot.ts';
import { createFlag, flags, newProject, putConfig, rule } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

const environmentPath = (projectId: string, key: string, environment: string) =>
  flags(projectId, `${key}/environments/${environment}`);

describe('environment configs', () => {
  it('answers 422 listing each problem the engine finds, with its path', async () => {
    const projectId = await newProject(owner);
    await createFlag(owner, projectId, 'checkout-v2');
    const answer = await owner.put(environmentPath(projectId, 'checkout-v2', 'staging'), {
      enabled: true,
      rules: [
        rule(100, { segments: [42] }),
        rule(50, {
          constraints: [{ contextName: 'appVersion', operator: 'SEMVER_GT', value: 'not-a-version' }],
        }),
      ],
      defaultValue: false,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(422);
    const paths = answer.body.errors.map((error: JsonBody) => error.path);
    expect(paths.some((path: string) => path.startsWith('rules.0'))).toBe(true);
    expect(paths.some((path: string) => path.startsWith('rules.1.constraints.0'))).toBe(true);
  });

  it('answers 412 to a write at a stale version, and changes nothing', async () => {
    const projectId = await newProject(owner);
    await createFlag(owner, projectId, 'checkout-v2');
    const body = { enabled: true, rules: [rule(25, { id: 'ramp' })], defaultValue: false };
    const first = await owner.put(environmentPath(projectId, 'checkout-v2', 'production'), body, {
      headers: { 'if-match': '"v1"' },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.headers.etag).toBe('"v2"');
    const stale = await owner.put(
      environmentPath(projectId, 'checkout-v2', 'production'),
      { ...body, enabled: false },
      {
        headers: { 'if-match': '"v1"' },
      },
    );
    expect(stale.status).toBe(412);
    const slider = await owner.patch(environmentPath(projectId, 'checkout-v2', 'production'), {
      rollout: { ruleId: 'ramp', percentage: 60 },
      version: 2,
    });
    expect(slider.status, JSON.stringify(slider.body)).toBe(200);
    expect(slider.body).toMatchObject({ enabled: true, rollout: 60, version: 3 });
    const unknownRule = await owner.patch(environmentPath(projectId, 'checkout-v2', 'production'), {
      rollout: { ruleId: 'nope', percentage: 10 },
    });
    expect(unknownRule.status).toBe(422);
    expect(unknownRule.body.errors[0].path).toBe('rollout.ruleId');
  });

  it('serves the configs, prerequisites and segments through the snapshot, whose stamp moves with them', async () => {
    const projectId = await newProject(owner);
    await createFlag(owner, projectId, 'payments-v3');
    await createFlag(owner, projectId, 'checkout-v2');
    const segment = await owner.post(`/api/v1/projects/${projectId}/flag-segments`, {
      name: 'staff',
      constraints: [{ contextName: 'email', operator: 'STR_ENDS_WITH', values: ['@example.com'] }],
    });
    expect(segment.status, JSON.stringify(segment.body)).toBe(201);
    expect(segment.body.number).toBe(1);
    await putConfig(owner, projectId, 'checkout-v2', 'production', {
      enabled: true,
      rules: [rule(100, { id: 'staff', segments: [1] })],
      defaultValue: false,
    });
    const detail = await owner.get(flags(projectId, 'checkout-v2'));
    const production = detail.body.environments.find((entry: JsonBody) => entry.environment === 'production');
    const before = await snapshotStamp(t.database.db, production.environmentId);
    const prerequisites = await owner.put(flags(projectId, 'checkout-v2/prerequisites'), {
      prerequisites: [{ flagKey: 'payments-v3', value: true }],
    });
    expect(prerequisites.status, JSON.stringify(prerequisites.body)).toBe(200);
    expect(prerequisites.body.prerequisites).toEqual([{ flagKey: 'payments-v3', value: true }]);
    const after = await snapshotStamp(t.database.db, production.environmentId);
    expect(after).not.toBe(before);
    expect(await snapshotStamp(t.database.db, production.environmentId)).toBe(after);
    const snapshot = await loadSnapshot(t.database.db, production.environmentId);
    expect(snapshot.environment).toBe('production');
    expect(snapshot.segments).toEqual([expect.objectContaining({ id: 1, name: 'staff' })]);
    expect(snapshot.flags.find((flag) => flag.key === 'checkout-v2')).toMatchObject({
      type: 'boolean',
      enabled: true,
      rules: [expect.objectContaining({ id: 'staff', segments: [1] })],
      prerequisites: [{ flagKey: 'payments-v3', value: true }],
    });
    const inUse = await owner.delete(`/api/v1/projects/${projectId}/flag-segments/${segment.body.id}`);
    expect(inUse.status).toBe(409);
  });
});

describe('prerequisites', () => {
  it('refuse a cycle with 409 naming it, through the flags API and through the plan', async () => {
    const projectId = await newProject(owner);
    const checkout = await createFlag(owner, projectId, 'checkout-v2');
    const payments = await createFlag(owner, projectId, 'payments-v3');
    const needs = await owner.put(flags(projectId, 'checkout-v2/prerequisites'), {
      prerequisites: [{ flagKey: 'payments-v3' }],
    });
    expect(needs.status, JSON.stringify(needs.body)).toBe(200);
    const cycle = await owner.put(flags(projectId, 'payments-v3/prerequisites'), {
      prerequisites: [{ flagKey: 'checkout-v2' }],
    });
    expect(cycle.status).toBe(409);
    expect(cycle.body.detail).toContain('payments-v3 → checkout-v2 → payments-v3');
    const throughPlan = await owner.post(
      `/api/v1/projects/${projectId}/plan/feature-flags/flag-dependencies`,
      {
        flagId: payments.id,
        dependsOnFlagId: checkout.id,
      },
    );
    expect(throughPlan.status).toBe(409);
    expect(throughPlan.body.detail).toMatch(
      /checkout-v2 → payments-v3 → checkout-v2|payments-v3 → checkout-v2 → payments-v3/,
    );
    const unknown = await owner.put(flags(projectId, 'payments-v3/prerequisites'), {
      prerequisites: [{ flagKey: 'missing' }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('prerequisites.0.flagKey');
  });
});

describe('the kill switch', () => {
  it('turns the flag off everywhere, sets lastKilledAt, and is audited with the reason', async () => {
    const projectId = await newProject(owner);
    const flag = await createFlag(owner, projectId, 'checkout-v2', { critical: true });
    await putConfig(owner, projectId, 'checkout-v2', 'production', {
      enabled: true,
      rules: [],
      defaultValue: false,
    });
    await putConfig(owner, projectId, 'checkout-v2', 'staging', {
      enabled: true,
      rules: [],
      defaultValue: false,
    });
    const pending = await owner.post(flags(projectId, 'checkout-v2/schedule'), {
      environment: 'production',
      runAt: new Date(Date.now() + 86_400_000).toISOString(),
      change: { enabled: true },
    });
    expect(pending.status, JSON.stringify(pending.body)).toBe(201);
    const killed = await owner.post(flags(projectId, 'checkout-v2/kill'), {
      reason: 'INC-42: payments failing',
    });
    expect(killed.status, JSON.stringify(killed.body)).toBe(200);
    expect(killed.body.environments.every((entry: JsonBody) => entry.enabled === false)).toBe(true);
    expect(killed.body.lastKilledAt).toEqual(expect.any(String));
    const events = await owner.get('/api/v1/audit/events', {
      query: { eventType: 'plan_feature_flags.killed', aggregateId: flag.id },
    });
    expect(events.body.data).toHaveLength(1);
    expect(events.body.data[0].metadata.reason).toBe('INC-42: payments failing');
    const schedule = await owner.get(flags(projectId, 'checkout-v2/schedule'));
    expect(schedule.body.data[0]).toMatchObject({ id: pending.body.id, status: 'cancelled' });
    const missingReason = await owner.post(flags(projectId, 'checkout-v2/kill'), {});
    expect(missingReason.status).toBe(400);
  });
});

describe('SDK keys', () => {
  it('show the secret once, keep only its hash, list without it, and revoke', async () => {
    const projectId = await newProject(owner);
    await createFlag(owner, projectId, 'checkout-v2');
    const url = `/api/v1/projects/${projectId}/flag-sdk-keys`;
    const created = await owner.post(url, {
      environment: 'production',
      kind: 'server',
      name: 'checkout service',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.secret).toMatch(/^shp_srv_[A-Za-z0-9_-]{43}$/);
    expect(created.body.secret.startsWith(created.body.prefix)).toBe(true);
    const stored = await t.database.query<{ secret_hash: string }>(
      'select secret_hash from flag_sdk_keys where id = $1',
      [created.body.id],
    );
    expect(stored[0]?.secret_hash).toBe(hashSdkSecret(created.body.secret));
    const client = await owner.post(url, { environment: 'staging', kind: 'client', name: 'web app' });
    expect(client.body.secret).toMatch(/^shp_cli_/);
    const list = await owner.get(url);
    expect(list.body.data).toHaveLength(2);
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    expect(
      list.body.data.every((key: JsonBody) => key.secret === undefined && key.secretHash === undefined),
    ).toBe(true);
    expect((await owner.delete(`${url}/${created.body.id}`)).status).toBe(204);
    const revoked = (await owner.get(url)).body.data.find((key: JsonBody) => key.id === created.body.id);
    expect(revoked.revokedAt).toEqual(expect.any(String));
    const unknownEnvironment = await owner.post(url, { environment: 'moon', kind: 'server', name: 'x' });
    expect(unknownEnvironment.status).toBe(404);
  });
});
