import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

let sequence = 0;
async function newProject(caller: Caller = owner, fields: Record<string, unknown> = {}) {
  sequence += 1;
  const answer = await caller.post('/api/v1/projects', {
    name: `Meta ${sequence}`,
    key: `M${sequence}X`,
    ...fields,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { id: string };
}
const metadataOf = (id: string, type = 'project') => `/api/v1/entities/${type}/${id}/metadata`;

async function storedRows(entityId: string): Promise<number> {
  const result = await t.database.db.execute<{ count: string | number }>(
    sql`select count(*) as count from entity_metadata where entity_id = ${entityId}`,
  );
  return Number(result.rows[0]?.count);
}

describe('reading and writing an entity’s metadata', () => {
  it('replaces with PUT, merges with PATCH, deletes a key with null or DELETE', async () => {
    const project = await newProject();
    const empty = await owner.get(metadataOf(project.id));
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ entityType: 'project', entityId: project.id, metadata: {} });

    const put = await owner.put(metadataOf(project.id), { team: 'payments', tier: 1, labels: ['pci'] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.metadata).toEqual({ team: 'payments', tier: 1, labels: ['pci'] });

    const patched = await owner.patch(metadataOf(project.id), {
      tier: 2,
      labels: null,
      owner: { name: 'Ada' },
    });
    expect(patched.body.metadata).toEqual({ team: 'payments', tier: 2, owner: { name: 'Ada' } });

    const replaced = await owner.put(metadataOf(project.id), { team: 'checkout' });
    expect(replaced.body.metadata).toEqual({ team: 'checkout' });

    expect((await owner.delete(`${metadataOf(project.id)}/team`)).status).toBe(204);
    expect((await owner.get(metadataOf(project.id))).body.metadata).toEqual({});
    const again = await owner.delete(`${metadataOf(project.id)}/team`);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('metadata.key_not_found');
  });

  it('records every change in the audit trail with the keys before and after', async () => {
    const project = await newProject();
    await owner.put(metadataOf(project.id), { team: 'payments' });
    await owner.patch(metadataOf(project.id), { team: 'checkout' });
    const history = await owner.get(`/api/v1/audit/aggregates/entity_metadata/${project.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.data.map((event: { eventType: string }) => event.eventType)).toEqual([
      'entity_metadata.changed',
      'entity_metadata.changed',
    ]);
    expect(history.body.data[1].eventData.changes).toEqual({
      team: { before: 'payments', after: 'checkout' },
    });
  });

  it('refuses keys that are not lowercase slugs and values that are too large, changing nothing', async () => {
    const project = await newProject();
    await owner.put(metadataOf(project.id), { team: 'payments' });
    const badKey = await owner.patch(metadataOf(project.id), { Team: 'x', 'cost center': 'y' });
    expect(badKey.status).toBe(400);
    expect(badKey.body.code).toBe('validation_failed');
    const tooLarge = await owner.patch(metadataOf(project.id), { notes: 'x'.repeat(5000) });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.errors[0].path).toBe('notes');
    const nullInPut = await owner.put(metadataOf(project.id), { team: null });
    expect(nullInPut.status).toBe(400);
    expect((await owner.get(metadataOf(project.id))).body.metadata).toEqual({ team: 'payments' });
  });

  it('answers 404 for an unknown type, a missing entity and another workspace’s entity alike', async () => {
    const project = await newProject();
    await owner.put(metadataOf(project.id), { team: 'payments' });
    const stranger = await t.newWorkspace();
    const unknownType = await owner.get(metadataOf(project.id, 'spaceship'));
    expect(unknownType.status).toBe(404);
    expect(unknownType.body.entityTypes).toContain('project');
    const missing = await stranger.get(metadataOf('01900000-0000-7000-8000-000000000000'));
    const foreign = await stranger.get(metadataOf(project.id));
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe(missing.body.code);
    expect((await stranger.put(metadataOf(project.id), { team: 'stolen' })).status).toBe(404);
    expect((await stranger.delete(`${metadataOf(project.id)}/team`)).status).toBe(404);
    expect((await owner.get(metadataOf(project.id))).body.metadata).toEqual({ team: 'payments' });
  });

  it('lets a viewer read metadata but not write it', async () => {
    const project = await newProject();
    const viewer = await t.newMember(owner, 'viewer');
    expect((await viewer.get(metadataOf(project.id))).status).toBe(200);
    const write = await viewer.patch(metadataOf(project.id), { team: 'x' });
    expect(write.status).toBe(403);
  });

  it('works on every declared resource, including project-scoped ones', async () => {
    const project = await newProject();
    const prd = await owner.post(`/api/v1/projects/${project.id}/prd-reviews`, { title: 'Checkout PRD' });
    const decision = await owner.post('/api/v1/decision-logs', {
      title: 'Use queues',
      decisionType: 'technology',
    });
    expect((await owner.put(metadataOf(prd.body.id, 'prd_review'), { team: 'a' })).status).toBe(200);
    expect((await owner.put(metadataOf(decision.body.id, 'decision_log'), { team: 'b' })).status).toBe(200);
    expect((await owner.get(metadataOf(prd.body.id, 'prd_review'))).body.metadata).toEqual({ team: 'a' });
  });
});

describe('metadata schemas', () => {
  it('enforces declared types and required keys with one error per field', async () => {
    const caller = await t.newWorkspace();
    const schema = await caller.put('/api/v1/metadata/schemas/project', {
      fields: {
        team: { type: 'enum', values: ['payments', 'checkout'], required: true },
        tier: { type: 'number' },
        launch: { type: 'date' },
        regulated: { type: 'boolean' },
        labels: { type: 'string[]' },
      },
    });
    expect(schema.status, JSON.stringify(schema.body)).toBe(200);
    const project = await newProject(caller);
    const wrong = await caller.put(metadataOf(project.id), {
      tier: 'high',
      launch: '2026-13-40',
      regulated: 'yes',
      labels: [1],
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('metadata.invalid');
    const paths = wrong.body.errors.map((error: { path: string }) => error.path).sort();
    expect(paths).toEqual([
      'metadata.labels',
      'metadata.launch',
      'metadata.regulated',
      'metadata.team',
      'metadata.tier',
    ]);
    expect(wrong.body.errors.find((error: { path: string }) => error.path === 'metadata.team').message).toBe(
      'is required',
    );
    const right = await caller.put(metadataOf(project.id), {
      team: 'payments',
      tier: 1,
      launch: '2026-12-01',
      regulated: true,
      labels: ['pci'],
      extra: 'allowed by default',
    });
    expect(right.status, JSON.stringify(right.body)).toBe(200);
    const dropRequired = await caller.delete(`${metadataOf(project.id)}/team`);
    expect(dropRequired.status).toBe(422);
  });

  it('refuses undeclared keys when other keys are not allowed, and can be removed', async () => {
    const caller = await t.newWorkspace();
    await caller.put('/api/v1/metadata/schemas/project', {
      fields: { team: { type: 'string' } },
      allowOtherKeys: false,
    });
    const project = await newProject(caller);
    const refused = await caller.patch(metadataOf(project.id), { colour: 'red' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { path: 'metadata.colour', message: 'is not a declared key of this entity type' },
    ]);
    expect((await caller.get('/api/v1/metadata/schemas/project')).body.allowOtherKeys).toBe(false);
    expect((await caller.delete('/api/v1/metadata/schemas/project')).status).toBe(204);
    expect((await caller.patch(metadataOf(project.id), { colour: 'red' })).status).toBe(200);
  });

  it('refuses an enum without values and needs an administrator', async () => {
    const editor = await t.newMember(owner, 'editor');
    const denied = await editor.put('/api/v1/metadata/schemas/project', { fields: {} });
    expect(denied.status).toBe(403);
    const bad = await owner.put('/api/v1/metadata/schemas/project', { fields: { team: { type: 'enum' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('fields.team.values');
  });
});

describe('bulk metadata changes', () => {
  it('applies every operation in one go', async () => {
    const projects = [await newProject(), await newProject(), await newProject()];
    const answer = await owner.post('/api/v1/metadata/bulk', {
      operations: [
        ...projects.map((project) => ({
          op: 'set',
          entityType: 'project',
          entityId: project.id,
          key: 'team',
          value: 'core',
        })),
        { op: 'set', entityType: 'project', entityId: projects[0]?.id, key: 'tier', value: 1 },
        { op: 'delete', entityType: 'project', entityId: projects[1]?.id, key: 'team' },
      ],
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toEqual({ applied: 5, entities: 2 });
    expect((await owner.get(metadataOf(projects[0]?.id ?? ''))).body.metadata).toEqual({
      team: 'core',
      tier: 1,
    });
    expect((await owner.get(metadataOf(projects[1]?.id ?? ''))).body.metadata).toEqual({});
  });

  it('applies nothing when one operation is rejected, and names each rejected operation by index', async () => {
    const project = await newProject();
    const foreign = await newProject(await t.newWorkspace());
    const answer = await owner.post('/api/v1/metadata/bulk', {
      operations: [
        { op: 'set', entityType: 'project', entityId: project.id, key: 'team', value: 'core' },
        { op: 'set', entityType: 'spaceship', entityId: project.id, key: 'team', value: 'x' },
        { op: 'set', entityType: 'project', entityId: foreign.id, key: 'team', value: 'x' },
      ],
    });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('metadata.bulk_rejected');
    expect(answer.body.errors.map((error: { path: string }) => error.path)).toEqual([
      'operations.1.entityType',
      'operations.2.entityId',
    ]);
    expect(await storedRows(project.id)).toBe(0);
    expect(await storedRows(foreign.id)).toBe(0);
  });

  it('checks the schema against each entity’s final state', async () => {
    const caller = await t.newWorkspace();
    await caller.put('/api/v1/metadata/schemas/project', {
      fields: { tier: { type: 'number', required: true } },
    });
    const project = await newProject(caller);
    const answer = await caller.post('/api/v1/metadata/bulk', {
      operations: [
        { op: 'set', entityType: 'project', entityId: project.id, key: 'tier', value: 1 },
        { op: 'set', entityType: 'project', entityId: project.id, key: 'note', value: 'ok' },
        { op: 'set', entityType: 'project', entityId: project.id, key: 'tier', value: 'one' },
      ],
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ path: 'operations.2.value', message: 'tier must be a number' }]);
    expect(await storedRows(project.id)).toBe(0);
  });

  it('bounds the number of operations', async () => {
    const project = await newProject();
    const operations = Array.from({ length: 1001 }, (_, index) => ({
      op: 'set',
      entityType: 'project',
      entityId: project.id,
      key: `k${index}`,
      value: index,
    }));
    const answer = await owner.post('/api/v1/metadata/bulk', { operations });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].path).toBe('operations');
  });
});

describe('metadata in resource lists', () => {
  it('filters any list by a metadata key and includes metadata on request', async () => {
    const caller = await t.newWorkspace();
    const payments = await newProject(caller);
    const checkout = await newProject(caller);
    const labelled = await newProject(caller);
    await caller.put(metadataOf(payments.id), { team: 'payments', tier: 1 });
    await caller.put(metadataOf(checkout.id), { team: 'checkout', tier: 2 });
    await caller.put(metadataOf(labelled.id), { team: ['payments', 'risk'] });

    const filtered = await caller.get('/api/v1/projects', { query: { 'filter[meta.team]': 'payments' } });
    expect(filtered.status, JSON.stringify(filtered.body)).toBe(200);
    expect(filtered.body.data.map((project: { id: string }) => project.id).sort()).toEqual(
      [payments.id, labelled.id].sort(),
    );
    const both = await caller.get('/api/v1/projects', {
      query: { 'filter[meta.team]': 'payments', 'filter[meta.tier]': '1', include: 'metadata' },
    });
    expect(both.body.data).toHaveLength(1);
    expect(both.body.data[0].metadata).toEqual({ team: 'payments', tier: 1 });

    const one = await caller.get(`/api/v1/projects/${checkout.id}`, { query: { include: 'metadata' } });
    expect(one.body.metadata).toEqual({ team: 'checkout', tier: 2 });
    const plain = await caller.get(`/api/v1/projects/${checkout.id}`);
    expect(plain.body).not.toHaveProperty('metadata');
  });

  it('still refuses unknown list parameters', async () => {
    const answer = await owner.get('/api/v1/projects', { query: { colour: 'red' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].path).toContain('colour');
  });

  it('filters project-scoped lists too', async () => {
    const project = await newProject();
    const first = await owner.post(`/api/v1/projects/${project.id}/prd-reviews`, { title: 'One' });
    await owner.post(`/api/v1/projects/${project.id}/prd-reviews`, { title: 'Two' });
    await owner.put(metadataOf(first.body.id, 'prd_review'), { squad: 'alpha' });
    const list = await owner.get(`/api/v1/projects/${project.id}/prd-reviews`, {
      query: { 'filter[meta.squad]': 'alpha' },
    });
    expect(list.body.data.map((prd: { id: string }) => prd.id)).toEqual([first.body.id]);
  });
});

describe('deleting an entity', () => {
  it('removes its metadata in the same transaction, and that of what the database deletes with it', async () => {
    const project = await newProject();
    const prd = await owner.post(`/api/v1/projects/${project.id}/prd-reviews`, { title: 'Doomed' });
    await owner.put(metadataOf(project.id), { team: 'gone' });
    await owner.put(metadataOf(prd.body.id, 'prd_review'), { team: 'gone' });
    expect(await storedRows(project.id)).toBe(1);
    expect((await owner.delete(`/api/v1/projects/${project.id}`)).status).toBe(204);
    expect(await storedRows(project.id)).toBe(0);
    expect(await storedRows(prd.body.id)).toBe(0);
  });
});
