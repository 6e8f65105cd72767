import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';
import { projectWithPlan } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;
let projectId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
  projectId = await projectWithPlan(owner, 'background-jobs', {
    'job-queues': [{ ref: 'q', values: { name: 'default', system: 'pg-boss' } }],
    'job-types': [{ values: { name: 'send-receipt', queueId: '@q' } }],
  });
  const accepted = await owner.post('/api/v1/decision-logs', {
    title: 'Run jobs on pg-boss',
    decisionType: 'architecture',
    decision: 'Jobs run on the database we already have.',
    projectId,
    status: 'accepted',
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
  await owner.post('/api/v1/decision-logs', {
    title: 'Still a draft',
    decisionType: 'architecture',
    projectId,
  });
});
afterAll(() => t.close());

describe('exporting the plan', () => {
  it('answers JSON with the gaps first (lowest level first), accepted decisions and every area', async () => {
    const answer = await owner.get(`/api/v1/projects/${projectId}/plan`);
    expect(answer.status).toBe(200);
    const plan = answer.body;
    expect(plan.project).toMatchObject({ id: projectId });
    expect(plan.gaps.map((gap: { id: string }) => gap.id)).toContain('jobs.retry-policy-for-every-job-type');
    const levels = plan.gaps.map((gap: { level: string }) => ['bronze', 'silver', 'gold'].indexOf(gap.level));
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(plan.decisions.map((decision: { title: string }) => decision.title)).toEqual([
      'Run jobs on pg-boss',
    ]);
    const jobs = plan.areas.find((area: { slug: string }) => area.slug === 'background-jobs');
    const types = jobs.tables.find((table: { name: string }) => table.name === 'job_types');
    expect(types.rows[0]).toMatchObject({
      name: 'send-receipt',
      ref: expect.stringMatching(/^job_types\/[0-9a-f-]{36}$/),
      fields: { queueId: expect.stringMatching(/^job_queues\//), priority: 'normal' },
    });
  });

  it('answers Markdown shaped like an AGENTS.md section per area', async () => {
    const answer = await owner.get(`/api/v1/projects/${projectId}/plan`, { query: { format: 'md' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('text/markdown');
    const text: string = answer.body;
    expect(text.indexOf('## Readiness gaps')).toBeLessThan(text.indexOf('## 9. Background jobs'));
    expect(text).toContain('- [ ] `jobs.retry-policy-for-every-job-type` (silver)');
    expect(text).toContain('- [x] `jobs.job-types-planned` (bronze)');
    expect(text).toMatch(/- \*\*send-receipt\*\* `job_types\/[0-9a-f-]{36}` — queueId: job_queues\//);
    expect(text).toContain('ADR-');
  });

  it("answers 404 for another workspace's project and 400 for an unknown format", async () => {
    const stranger = await t.newWorkspace();
    expect((await stranger.get(`/api/v1/projects/${projectId}/plan`)).status).toBe(404);
    expect((await owner.get(`/api/v1/projects/${projectId}/plan`, { query: { format: 'pdf' } })).status).toBe(
      400,
    );
  });
});

describe("Shipshape's own data model", () => {
  it('is served as DBML with the plan schema and its references', async () => {
    const answer = await owner.get('/api/v1/schema.dbml');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Table plan.job_types {');
    expect(answer.body).toContain('Table projects {');
    expect(answer.body).toContain('Ref: plan.job_types.queue_id > plan.job_queues.id [delete: no action]');
  });

  it('is served as a Mermaid ER diagram', async () => {
    const answer = await owner.get('/api/v1/schema.mmd');
    expect(answer.status).toBe(200);
    expect(answer.body.startsWith('erDiagram\n')).toBe(true);
    expect(answer.body).toContain('plan__job_queues |o--o{ plan__job_types : "queue_id"');
    expect(answer.body).toContain('projects ||--o{ plan__job_types : "project_id"');
  });
});
