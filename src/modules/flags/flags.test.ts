import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { createFlag, flags, newProject, putConfig, rule } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

describe('flags', () => {
  it('are created with the three usual environments, each serving the flag off, then listed and read', async () => {
    const projectId = await newProject(owner);
    const created = await createFlag(owner, projectId, 'checkout-v2', {
      description: 'The new checkout',
      owner: 'payments team',
      removalDate: '2031-01-31',
      critical: true,
    });
    expect(created).toMatchObject({
      key: 'checkout-v2',
      kind: 'release',
      valueType: 'boolean',
      status: 'planned',
      owner: 'payments team',
      critical: true,
      prerequisites: [],
      lastEvaluatedAt: null,
    });
    expect(
      created.environments.map((entry: JsonBody) => [entry.environment, entry.production, entry.enabled]),
    ).toEqual([
      ['development', false, false],
      ['staging', false, false],
      ['production', true, false],
    ]);
    const environments = await owner.get(`/api/v1/projects/${projectId}/flag-environments`);
    expect(environments.body.data.map((entry: JsonBody) => entry.key)).toEqual([
      'development',
      'staging',
      'production',
    ]);

    await createFlag(owner, projectId, 'search.ranking', { kind: 'experiment' });
    const list = await owner.get(flags(projectId));
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.data.map((flag: JsonBody) => flag.key)).toEqual(['checkout-v2', 'search.ranking']);
    expect(list.body.data[0].environments[2]).toMatchObject({
      environment: 'production',
      rulesCount: 0,
      rollout: 100,
      version: 1,
    });
    const searched = await owner.get(flags(projectId), { query: { q: 'checkout' } });
    expect(searched.body.data.map((flag: JsonBody) => flag.key)).toEqual(['checkout-v2']);

    const read = await owner.get(flags(projectId, 'checkout-v2'));
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(created.id);
    expect(read.headers.etag).toBe('"v1"');
  });

  it('refuses a key taken, a key that is not one, an unknown field, and an unknown flag', async () => {
    const projectId = await newProject(owner);
    await createFlag(owner, projectId, 'checkout-v2');
    const duplicate = await owner.post(flags(projectId), { key: 'checkout-v2', kind: 'release' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.detail).toContain('checkout-v2');
    const badKey = await owner.post(flags(projectId), { key: 'no spaces', kind: 'release' });
    expect(badKey.status).toBe(400);
    const unknownField = await owner.post(flags(projectId), { key: 'other', kind: 'release', colour: 'red' });
    expect(unknownField.status).toBe(400);
    expect((await owner.get(flags(projectId, 'missing'))).status).toBe(404);
    const throughPlan = await owner.post(`/api/v1/projects/${projectId}/plan/feature-flags/feature-flags`, {
      name: 'checkout-v2',
      kind: 'release',
    });
    expect(throughPlan.status).toBe(409);
  });

  it('creates disabled configs for existing flags when an environment is added', async () => {
    const projectId = await newProject(owner);
    await createFlag(owner, projectId, 'checkout-v2');
    const added = await owner.post(`/api/v1/projects/${projectId}/flag-environments`, {
      key: 'qa',
      name: 'QA',
      sortOrder: 5,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const read = await owner.get(flags(projectId, 'checkout-v2'));
    expect(
      read.body.environments.map((entry: JsonBody) => [entry.environment, entry.version]),
    ).toContainEqual(['qa', 1]);
  });

  it('filters by the state in an environment, and marks a flag active once production serves it', async () => {
    const projectId = await newProject(owner);
    await createFlag(owner, projectId, 'on-in-prod');
    await createFlag(owner, projectId, 'off-everywhere');
    await putConfig(owner, projectId, 'on-in-prod', 'production', {
      enabled: true,
      rules: [],
      defaultValue: false,
    });
    const on = await owner.get(flags(projectId), {
      query: { 'filter[environment]': 'production', 'filter[enabled]': 'true' },
    });
    expect(on.body.data.map((flag: JsonBody) => flag.key)).toEqual(['on-in-prod']);
    expect(on.body.data[0].status).toBe('active');
  });

  it('changes plan fields with PATCH at the version read, and deletes', async () => {
    const projectId = await newProject(owner);
    await createFlag(owner, projectId, 'checkout-v2');
    const changed = await owner.patch(
      flags(projectId, 'checkout-v2'),
      { owner: 'web team' },
      { headers: { 'if-match': '"v1"' } },
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ owner: 'web team', version: 2 });
    const stale = await owner.patch(
      flags(projectId, 'checkout-v2'),
      { owner: 'nobody' },
      { headers: { 'if-match': '"v1"' } },
    );
    expect(stale.status).toBe(412);
    expect((await owner.delete(flags(projectId, 'checkout-v2'))).status).toBe(204);
    expect((await owner.get(flags(projectId, 'checkout-v2'))).status).toBe(404);
  });

  it("keeps another workspace's flags out of reach, and lets agents read but not change", async () => {
    const projectId = await newProject(owner);
    await createFlag(owner, projectId, 'checkout-v2');
    const stranger = await t.newWorkspace();
    expect((await stranger.get(flags(projectId, 'checkout-v2'))).status).toBe(404);
    expect((await stranger.get(flags(projectId))).status).toBe(404);
    const agent = await t.newMember(owner, 'agent');
    expect((await agent.get(flags(projectId, 'checkout-v2'))).status).toBe(200);
    const write = await agent.post(flags(projectId), { key: 'agent-flag', kind: 'release' });
    expect(write.status).toBe(403);
    const toggle = await agent.patch(flags(projectId, 'checkout-v2/environments/production'), {
      enabled: true,
    });
    expect(toggle.status).toBe(403);
  });

  it('generates rule ids, keeps those sent, and is found by the plan search', async () => {
    const projectId = await newProject(owner);
    await createFlag(owner, projectId, 'checkout-v2', { description: 'Wallet payments in the checkout' });
    const config = await putConfig(owner, projectId, 'checkout-v2', 'staging', {
      enabled: true,
      rules: [rule(50), rule(100, { id: 'staff' })],
      defaultValue: false,
    });
    expect(config.rules[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(config.rules[1].id).toBe('staff');
    expect(config).toMatchObject({ rulesCount: 2, rollout: 50, version: 2, enabled: true });
  });
});
