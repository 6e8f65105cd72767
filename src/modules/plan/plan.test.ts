import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';
import { recordDailyScores } from './history.ts';
import { readinessRecordingJob } from './job.ts';
import { readinessWaivers } from './tables.ts';
import { outcomesOf, projectWithPlan } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

let keys = 0;
async function newProject(caller: Caller = owner): Promise<string> {
  keys += 1;
  const answer = await caller.post('/api/v1/projects', { name: `Project ${keys}`, key: `PJ${keys}` });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
}

const jobs = (projectId: string, table: string) =>
  `/api/v1/projects/${projectId}/plan/background-jobs/${table}`;
const inAYear = () => new Date(Date.now() + 300 * 86_400_000).toISOString();

describe('plan tables', () => {
  it('create, read, filter, change and delete rows under the project, with ETags', async () => {
    const projectId = await newProject();
    const created = await owner.post(jobs(projectId, 'job-queues'), { name: 'default', system: 'pg-boss' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'default',
      system: 'pg-boss',
      description: '',
      owner: null,
      version: 1,
    });
    expect(created.headers.location).toBe(`${jobs(projectId, 'job-queues')}/${created.body.id}`);
    await owner.post(jobs(projectId, 'job-queues'), { name: 'bulk', system: 'sqs' });

    const filtered = await owner.get(jobs(projectId, 'job-queues'), { query: { 'filter[system]': 'sqs' } });
    expect(filtered.body.data.map((queue: { name: string }) => queue.name)).toEqual(['bulk']);
    const searched = await owner.get(jobs(projectId, 'job-queues'), { query: { q: 'defa' } });
    expect(searched.body.data.map((queue: { name: string }) => queue.name)).toEqual(['default']);

    const changed = await owner.patch(
      `${jobs(projectId, 'job-queues')}/${created.body.id}`,
      { owner: 'payments team' },
      { headers: { 'if-match': '"v1"' } },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ owner: 'payments team', version: 2 });
    const stale = await owner.patch(
      `${jobs(projectId, 'job-queues')}/${created.body.id}`,
      { owner: 'someone' },
      { headers: { 'if-match': '"v1"' } },
    );
    expect(stale.status).toBe(412);
    expect((await owner.delete(`${jobs(projectId, 'job-queues')}/${created.body.id}`)).status).toBe(204);
  });

  it('refuses a value outside an enumeration and unknown fields, naming them, and creates nothing', async () => {
    const projectId = await newProject();
    const answer = await owner.post(jobs(projectId, 'job-queues'), {
      name: 'q',
      system: 'carrier-pigeon',
      color: 1,
    });
    expect(answer.status).toBe(400);
    const paths = answer.body.errors.map((error: { path: string }) => error.path).sort();
    expect(paths).toEqual(['color', 'system']);
    expect((await owner.get(jobs(projectId, 'job-queues'))).body.data).toEqual([]);
  });

  it("refuses a reference to another project's row as if it did not exist", async () => {
    const first = await newProject();
    const second = await newProject();
    const queue = await owner.post(jobs(first, 'job-queues'), { name: 'default', system: 'pg-boss' });
    const answer = await owner.post(jobs(second, 'job-types'), { name: 'send', queueId: queue.body.id });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'plan.reference_not_found', errors: [{ path: 'queueId' }] });
  });

  it('refuses to delete a row others point to, naming who points to it', async () => {
    const projectId = await newProject();
    const queue = await owner.post(jobs(projectId, 'job-queues'), { name: 'default', system: 'pg-boss' });
    await owner.post(jobs(projectId, 'job-types'), { name: 'send', queueId: queue.body.id });
    const answer = await owner.delete(`${jobs(projectId, 'job-queues')}/${queue.body.id}`);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'plan.still_referenced', referencedBy: ['job_types.queueId'] });
  });

  it("answers 404 for another workspace's project and its rows", async () => {
    const projectId = await newProject();
    const queue = await owner.post(jobs(projectId, 'job-queues'), { name: 'default', system: 'pg-boss' });
    const stranger = await t.newWorkspace();
    expect((await stranger.get(jobs(projectId, 'job-queues'))).status).toBe(404);
    expect((await stranger.get(`${jobs(projectId, 'job-queues')}/${queue.body.id}`)).status).toBe(404);
    expect((await stranger.get(`/api/v1/projects/${projectId}/readiness`)).status).toBe(404);
  });

  it('lets viewers read but not write the plan', async () => {
    const projectId = await newProject();
    const viewer = await t.newMember(owner, 'viewer');
    expect((await viewer.get(jobs(projectId, 'job-queues'))).status).toBe(200);
    expect((await viewer.post(jobs(projectId, 'job-queues'), { name: 'q', system: 'sqs' })).status).toBe(403);
  });

  it('records every change in the audit trail', async () => {
    const projectId = await newProject();
    const queue = await owner.post(jobs(projectId, 'job-queues'), { name: 'audited', system: 'sqs' });
    const events = await owner.get('/api/v1/audit/events', {
      query: { aggregateType: 'plan_job_queues', aggregateId: queue.body.id },
    });
    expect(events.status).toBe(200);
    expect(events.body.data.map((event: { eventType: string }) => event.eventType)).toEqual([
      'plan_job_queues.created',
    ]);
  });
});

describe('importing a plan', () => {
  it('creates rows that point to each other by ref, in one go', async () => {
    const projectId = await projectWithPlan(owner, 'background-jobs', {
      'job-types': [{ values: { name: 'send', queueId: '@q' } }],
      'job-queues': [{ ref: 'q', values: { name: 'default', system: 'pg-boss' } }],
    });
    const types = await owner.get(jobs(projectId, 'job-types'));
    const queues = await owner.get(jobs(projectId, 'job-queues'));
    expect(types.body.data[0].queueId).toBe(queues.body.data[0].id);
  });

  it('refuses the whole import when one row is invalid, naming it', async () => {
    const projectId = await newProject();
    const answer = await owner.post(`/api/v1/projects/${projectId}/plan/import`, {
      areas: {
        'background-jobs': {
          'job-queues': [
            { values: { name: 'fine', system: 'sqs' } },
            { values: { name: '', system: 'sqs' } },
          ],
        },
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ path: 'areas.background-jobs.job-queues.1.values.name' }),
    ]);
    expect((await owner.get(jobs(projectId, 'job-queues'))).body.data).toEqual([]);
  });

  it('refuses unknown areas and tables', async () => {
    const projectId = await newProject();
    const answer = await owner.post(`/api/v1/projects/${projectId}/plan/import`, {
      areas: { 'space-travel': {}, 'background-jobs': { rockets: [] } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'areas.background-jobs.rockets',
      'areas.space-travel',
    ]);
  });
});

describe('readiness', () => {
  it('reports no level for an empty plan, with the failing bronze checks first to fix', async () => {
    const projectId = await newProject();
    const answer = await owner.get(`/api/v1/projects/${projectId}/readiness`);
    expect(answer.status).toBe(200);
    expect(answer.body.level).toBe('none');
    const jobsArea = answer.body.areas.find((area: { slug: string }) => area.slug === 'background-jobs');
    expect(jobsArea).toMatchObject({ applicable: true, level: 'none', nextLevel: 'bronze' });
    expect(jobsArea.failing.map((check: { id: string }) => check.id)).toContain('jobs.job-types-planned');
  });

  it('reaches a level only when every check at it and below passes', async () => {
    // Bronze is met (a job type with a queue) but silver is not (no retry policy).
    const projectId = await projectWithPlan(owner, 'background-jobs', {
      'job-queues': [{ ref: 'q', values: { name: 'default', system: 'pg-boss' } }],
      'job-types': [{ values: { name: 'send', queueId: '@q' } }],
    });
    const { score, byId } = await outcomesOf(owner, projectId, 'background-jobs');
    expect(score).toMatchObject({ level: 'bronze', nextLevel: 'silver' });
    expect(byId.get('jobs.retry-policy-for-every-job-type')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('send (no retry policy, no dead-letter handling)'),
      rows: [{ table: 'job_types', name: 'send' }],
    });
  });

  it('leaves out an area marked not applicable, showing the reason', async () => {
    const projectId = await newProject();
    const marked = await owner.post(`/api/v1/projects/${projectId}/readiness/not-applicable-areas`, {
      area: 'background-jobs',
      reason: 'A CLI tool: nothing runs in the background',
    });
    expect(marked.status).toBe(201);
    const answer = await owner.get(`/api/v1/projects/${projectId}/readiness`);
    const jobsArea = answer.body.areas.find((area: { slug: string }) => area.slug === 'background-jobs');
    expect(jobsArea).toMatchObject({
      applicable: false,
      notApplicableReason: 'A CLI tool: nothing runs in the background',
      level: null,
      failing: [],
    });
    const again = await owner.post(`/api/v1/projects/${projectId}/readiness/not-applicable-areas`, {
      area: 'background-jobs',
      reason: 'twice',
    });
    expect(again.status).toBe(409);
    const unknown = await owner.post(`/api/v1/projects/${projectId}/readiness/not-applicable-areas`, {
      area: 'space-travel',
      reason: 'none',
    });
    expect(unknown.status).toBe(422);
  });

  it('refuses an unknown area filter', async () => {
    const projectId = await newProject();
    const answer = await owner.get(`/api/v1/projects/${projectId}/readiness`, { query: { area: 'nope' } });
    expect(answer.status).toBe(400);
  });

  it('lists every check with its level', async () => {
    const answer = await owner.get('/api/v1/readiness/checks', {
      query: { area: 'background-jobs', level: 'gold' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data.map((check: { id: string }) => check.id).sort()).toEqual([
      'jobs.dead-letter-replay-tested',
      'jobs.scheduled-jobs-succeeding',
    ]);
  });
});

describe('waivers and disabled checks', () => {
  it('lets an administrator waive a failing check until an expiry, audited and listed in the scorecard', async () => {
    const projectId = await projectWithPlan(owner, 'background-jobs', {
      'job-queues': [{ ref: 'q', values: { name: 'default', system: 'pg-boss' } }],
      'job-types': [{ values: { name: 'send', queueId: '@q' } }],
    });
    const editor = await t.newMember(owner, 'editor');
    const refused = await editor.post(`/api/v1/projects/${projectId}/readiness/waivers`, {
      checkId: 'jobs.retry-policy-for-every-job-type',
      reason: 'retries come with the queue upgrade',
      expiresAt: inAYear(),
    });
    expect(refused.status).toBe(403);

    const admin = await t.newMember(owner, 'admin');
    const waiver = await admin.post(`/api/v1/projects/${projectId}/readiness/waivers`, {
      checkId: 'jobs.retry-policy-for-every-job-type',
      reason: 'retries come with the queue upgrade',
      expiresAt: inAYear(),
    });
    expect(waiver.status).toBe(201);
    expect(waiver.body).toMatchObject({ active: true });

    const { byId } = await outcomesOf(owner, projectId, 'background-jobs');
    expect(byId.get('jobs.retry-policy-for-every-job-type')).toMatchObject({
      status: 'waived',
      waiver: { id: waiver.body.id, reason: 'retries come with the queue upgrade' },
    });
    const card = await owner.get(`/api/v1/projects/${projectId}/readiness`);
    expect(card.body.waivers).toEqual([expect.objectContaining({ id: waiver.body.id })]);

    const events = await owner.get('/api/v1/audit/events', {
      query: { aggregateType: 'readiness_waiver', aggregateId: waiver.body.id },
    });
    expect(events.body.data[0]).toMatchObject({ eventType: 'readiness_waiver.created' });
  });

  it('stops counting a waiver once it has expired', async () => {
    const projectId = await projectWithPlan(owner, 'background-jobs', {
      'job-queues': [{ ref: 'q', values: { name: 'default', system: 'pg-boss' } }],
      'job-types': [{ values: { name: 'send', queueId: '@q' } }],
    });
    const waiver = await owner.post(`/api/v1/projects/${projectId}/readiness/waivers`, {
      checkId: 'jobs.retry-policy-for-every-job-type',
      reason: 'for a while',
      expiresAt: inAYear(),
    });
    // Time passes: the waiver's expiry is now behind us.
    await t.database.db
      .update(readinessWaivers)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(readinessWaivers.id, waiver.body.id));
    const { byId } = await outcomesOf(owner, projectId, 'background-jobs');
    expect(byId.get('jobs.retry-policy-for-every-job-type')).toMatchObject({ status: 'fail' });
  });

  it('refuses a waiver for an unknown check or with an expiry in the past or beyond a year', async () => {
    const projectId = await newProject();
    const path = `/api/v1/projects/${projectId}/readiness/waivers`;
    const unknown = await owner.post(path, { checkId: 'jobs.fly', reason: 'r', expiresAt: inAYear() });
    expect(unknown.status).toBe(422);
    const past = await owner.post(path, {
      checkId: 'jobs.job-types-planned',
      reason: 'r',
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past).toMatchObject({ status: 422, body: { errors: [{ path: 'expiresAt' }] } });
    const far = await owner.post(path, {
      checkId: 'jobs.job-types-planned',
      reason: 'r',
      expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString(),
    });
    expect(far.status).toBe(422);
  });

  it('lets an administrator disable a check for the workspace, so it no longer blocks a level', async () => {
    const projectId = await projectWithPlan(owner, 'background-jobs', {
      'job-queues': [{ ref: 'q', values: { name: 'default', system: 'pg-boss' } }],
      'job-types': [{ values: { name: 'send' } }],
    });
    expect((await outcomesOf(owner, projectId, 'background-jobs')).score.level).toBe('none');
    const editor = await t.newMember(owner, 'editor');
    const body = { checkId: 'jobs.queue-for-every-job-type', reason: 'one queue for everything here' };
    expect((await editor.post('/api/v1/readiness/disabled-checks', body)).status).toBe(403);
    const disabled = await owner.post('/api/v1/readiness/disabled-checks', body);
    expect(disabled.status).toBe(201);
    const { score } = await outcomesOf(owner, projectId, 'background-jobs');
    expect(score.level).toBe('bronze');
    expect(score.disabled).toEqual([
      expect.objectContaining({ id: 'jobs.queue-for-every-job-type', disabledReason: body.reason }),
    ]);
    expect((await owner.post('/api/v1/readiness/disabled-checks', body)).status).toBe(409);
    expect((await owner.delete(`/api/v1/readiness/disabled-checks/${disabled.body.id}`)).status).toBe(204);
  });
});

describe('readiness history', () => {
  it("keeps one score per day: today's from the latest evaluation, earlier days from the daily recording", async () => {
    const projectId = await newProject();
    await owner.get(`/api/v1/projects/${projectId}/readiness`);
    await owner.post(jobs(projectId, 'job-queues'), { name: 'default', system: 'pg-boss' });
    await owner.get(`/api/v1/projects/${projectId}/readiness`);
    const today = new Date().toISOString().slice(0, 10);
    const history = await owner.get(`/api/v1/projects/${projectId}/readiness/history`);
    expect(history.status).toBe(200);
    expect(history.body.data).toEqual([expect.objectContaining({ day: today, level: 'none' })]);

    // The daily recording scores the projects that have no score yet on its day.
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await recordDailyScores(t.services, tomorrow)).toBeGreaterThan(0);
    const firstPage = await owner.get(`/api/v1/projects/${projectId}/readiness/history`, {
      query: { limit: '1' },
    });
    expect(firstPage.body.data.map((entry: { day: string }) => entry.day)).toEqual([
      tomorrow.toISOString().slice(0, 10),
    ]);
    const secondPage = await owner.get(`/api/v1/projects/${projectId}/readiness/history`, {
      query: { limit: '1', cursor: firstPage.body.nextCursor },
    });
    expect(secondPage.body).toMatchObject({ data: [{ day: today }], nextCursor: null });
  });
});

describe('the daily readiness recording job', () => {
  const scheduleFor = (seconds: number) =>
    readinessRecordingJob.schedule({
      ...t.services,
      settings: { ...t.services.settings, readinessRecordingIntervalSeconds: seconds },
    });

  it('runs as often as the settings say, rounded up to whole minutes, and never for 0', () => {
    expect(t.registry.jobs).toContain(readinessRecordingJob);
    expect(scheduleFor(0)).toBeNull();
    expect(scheduleFor(1)).toBe('* * * * *');
    expect(scheduleFor(90)).toBe('*/2 * * * *');
    expect(scheduleFor(3600)).toBe('0 * * * *');
    expect(scheduleFor(4 * 3600)).toBe('0 */4 * * *');
    expect(scheduleFor(86_400)).toBe('0 0 * * *');
  });

  it("records today's score of every active project that has none yet, in every workspace", async () => {
    const projectId = await newProject();
    const stranger = await t.newWorkspace();
    const theirs = await newProject(stranger);
    await readinessRecordingJob.run(t.services);
    const today = new Date().toISOString().slice(0, 10);
    for (const [caller, id] of [
      [owner, projectId],
      [stranger, theirs],
    ] as const) {
      const history = await caller.get(`/api/v1/projects/${id}/readiness/history`);
      expect(history.body.data).toEqual([expect.objectContaining({ day: today, level: 'none' })]);
    }
  });
});
