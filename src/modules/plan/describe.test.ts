import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { planAreas } from './areas/index.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const fieldOf = (table: JsonBody, name: string) =>
  table.fields.find((field: JsonBody) => field.name === name);

describe('GET /plan/areas/{area}', () => {
  it("describes an area's tables and each field's type, requirement, values and reference", async () => {
    const answer = await t.owner.get('/api/v1/plan/areas/background-jobs');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ number: 9, slug: 'background-jobs', title: expect.any(String) });
    const tables = new Map<string, JsonBody>(
      answer.body.tables.map((table: JsonBody) => [table.name, table]),
    );
    const jobTypes = tables.get('job-types');
    expect(jobTypes).toMatchObject({
      table: 'job_types',
      label: 'Job types',
      nameField: 'name',
      writer: 'write',
    });
    expect(fieldOf(jobTypes, 'name')).toMatchObject({ type: 'text', required: true, nullable: false });
    expect(fieldOf(jobTypes, 'description')).toMatchObject({ type: 'long-text', required: false });
    expect(fieldOf(jobTypes, 'queueId')).toMatchObject({
      label: 'Queue',
      type: 'reference',
      nullable: true,
      references: { table: 'job-queues', nameField: 'name' },
    });
    expect(fieldOf(jobTypes, 'priority')).toMatchObject({
      type: 'enum',
      enumValues: ['critical', 'high', 'normal', 'low'],
      filterable: true,
    });
    const retries = tables.get('retry-policies');
    expect(fieldOf(retries, 'maxAttempts')).toMatchObject({ type: 'integer', required: true });
    expect(fieldOf(retries, 'jitter')).toMatchObject({ type: 'boolean', nullable: false });
    expect(fieldOf(retries, 'retryOn')).toMatchObject({ type: 'array' });
    expect(fieldOf(tables.get('dead-letter-handling'), 'lastReplayTestedAt')).toMatchObject({
      type: 'datetime',
    });
  });

  it('describes every table of every area, each reference pointing to a table of its area', async () => {
    for (const area of planAreas) {
      const answer = await t.owner.get(`/api/v1/plan/areas/${area.slug}`);
      expect(answer.status, area.slug).toBe(200);
      const names = answer.body.tables.map((table: JsonBody) => table.name);
      expect(names).toEqual(area.tables.map((table) => table.slug));
      for (const table of answer.body.tables) {
        expect(table.fields.length, table.name).toBeGreaterThan(0);
        for (const field of table.fields) {
          if (field.type === 'reference') expect(names).toContain(field.references.table);
          if (field.type === 'enum') expect(field.enumValues.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('answers 404 for an unknown area and 401 without a credential', async () => {
    const unknown = await t.owner.get('/api/v1/plan/areas/no-such-area');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('plan.area_not_found');
    expect((await t.anonymous.get('/api/v1/plan/areas/background-jobs')).status).toBe(401);
  });
});

describe('GET /projects/{projectId}/plan/counts', () => {
  it("counts a project's rows per area and table, and nothing of another project", async () => {
    const project = await t.owner.post('/api/v1/projects', { name: 'Counted', key: 'CNT' });
    const other = await t.owner.post('/api/v1/projects', { name: 'Other', key: 'OTH' });
    const queues = (id: string) => `/api/v1/projects/${id}/plan/background-jobs/job-queues`;
    await t.owner.post(queues(project.body.id), { name: 'default', system: 'pg-boss' });
    await t.owner.post(queues(project.body.id), { name: 'bulk', system: 'sqs' });
    await t.owner.post(queues(other.body.id), { name: 'elsewhere', system: 'sqs' });

    const answer = await t.owner.get(`/api/v1/projects/${project.body.id}/plan/counts`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.total).toBe(2);
    expect(answer.body.areas).toHaveLength(planAreas.length);
    const jobs = answer.body.areas.find((area: JsonBody) => area.slug === 'background-jobs');
    expect(jobs.rows).toBe(2);
    expect(jobs.tables['job-queues']).toBe(2);
    expect(jobs.tables['job-types']).toBe(0);
  });

  it("answers 404 for another workspace's project", async () => {
    const project = await t.owner.post('/api/v1/projects', { name: 'Hidden', key: 'HID' });
    const stranger = await t.newWorkspace();
    expect((await stranger.get(`/api/v1/projects/${project.body.id}/plan/counts`)).status).toBe(404);
  });
});
