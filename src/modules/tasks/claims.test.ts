// Many agents at once: a task has one holder whatever the race, and claim-next hands each open task
// to exactly one of many callers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { taskKit, tasksOf } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;
const { newProject, newTask } = taskKit(() => t);

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

async function agents(count: number): Promise<Caller[]> {
  const made: Caller[] = [];
  for (let index = 0; index < count; index += 1) made.push(await t.newMember(owner, 'agent'));
  return made;
}

describe('concurrent claims', () => {
  it('lets exactly one of 20 agents racing for one task win', async () => {
    const projectId = await newProject();
    const task = await newTask(projectId);
    const racers = await agents(20);
    const answers = await Promise.all(
      racers.map((agent) => agent.post(tasksOf(projectId, `${task.id}/claim`))),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const winner = answers.find((answer) => answer.status === 200)?.body;
    const stored = (await owner.get(tasksOf(projectId, task.id))).body;
    expect(stored).toMatchObject({ status: 'claimed', assigneeId: winner.assigneeId, attempts: 1 });
    for (const answer of answers.filter((candidate) => candidate.status === 409))
      expect(answer.body.holder.id).toBe(winner.assigneeId);
  });

  it('hands 10 open tasks to 10 of 30 agents calling claim-next at once, each task once', async () => {
    const projectId = await newProject();
    const made: JsonBody[] = [];
    for (let index = 0; index < 10; index += 1) made.push(await newTask(projectId));
    const racers = await agents(30);
    const answers = await Promise.all(
      racers.map((agent) => agent.post(tasksOf(projectId, 'claim-next'), { leaseSeconds: 600 })),
    );
    const won = answers.filter((answer) => answer.status === 200).map((answer) => answer.body);
    expect(won).toHaveLength(10);
    expect(answers.filter((answer) => answer.status === 404)).toHaveLength(20);
    expect(new Set(won.map((task: JsonBody) => task.id)).size).toBe(10);
    expect(new Set(won.map((task: JsonBody) => task.assigneeId)).size).toBe(10);
    const listed = await owner.get(tasksOf(projectId), { query: { limit: '50' } });
    for (const task of listed.body.data) expect(task).toMatchObject({ status: 'claimed', attempts: 1 });
    const events = await owner.get('/api/v1/audit/events', {
      query: { eventType: 'task.claimed', limit: '200' },
    });
    const claimedHere = events.body.data.filter((event: JsonBody) =>
      made.some((task) => task.id === event.aggregateId),
    );
    expect(claimedHere).toHaveLength(10);
  });
});
