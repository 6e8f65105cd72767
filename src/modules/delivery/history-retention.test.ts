// Jira history past a project's retention moves to the archive, whole and once; projects without a
// retention keep theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';
import { jiraHistoryRetentionJob } from './history-retention.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** An issue moved To Do → In Progress long ago and → Done recently. */
function issue(key: string) {
  const status = (id: string, at: string, from: string, to: string) => ({
    id,
    created: at,
    author: { accountId: 'acc-1', displayName: 'Ana' },
    items: [{ field: 'status', fieldtype: 'jira', from: '1', fromString: from, to: '2', toString: to }],
  });
  return {
    id: key,
    key,
    fields: {
      summary: key,
      created: daysAgo(400),
      updated: daysAgo(2),
      issuetype: { name: 'Task' },
      status: { name: 'Done', statusCategory: { key: 'done' } },
    },
    changelog: {
      histories: [
        status('1', daysAgo(300), 'To Do', 'In Progress'),
        status('2', daysAgo(2), 'In Progress', 'Done'),
      ],
    },
  };
}

async function project(key: string, retentionDays: number | null) {
  const created = await owner.post('/api/v1/projects', { name: key, key });
  const base = `/api/v1/projects/${created.body.id}/delivery`;
  expect(
    (await owner.post(`${base}/imports`, { jiraIssues: [issue(`${key}-1`), issue(`${key}-2`)] })).status,
  ).toBe(201);
  const saved = await owner.patch(`${base}/settings`, { historyRetentionDays: retentionDays });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return created.body.id as string;
}

async function counts(projectId: string) {
  const count = async (table: string) =>
    (
      await t.database.query<{ n: number }>(`select count(*)::int as n from ${table} where project_id = $1`, [
        projectId,
      ])
    )[0]?.n;
  return { hot: await count('jira_table_history'), archived: await count('jira_table_history_archive') };
}

describe('Jira history retention', () => {
  it('moves changes older than the retention to the archive, once', async () => {
    const kept = await project('KEEP', null);
    const trimmed = await project('TRIM', 90);
    await jiraHistoryRetentionJob.run(t.services);
    expect(await counts(trimmed)).toEqual({ hot: 2, archived: 2 });
    expect(await counts(kept)).toEqual({ hot: 4, archived: 0 });
    await jiraHistoryRetentionJob.run(t.services);
    expect(await counts(trimmed)).toEqual({ hot: 2, archived: 2 });
  });

  it('keeps the issues’ lead times, which were derived before the move', async () => {
    const trimmed = await project('LEAD', 30);
    await jiraHistoryRetentionJob.run(t.services);
    const issues = await owner.get(`/api/v1/projects/${trimmed}/delivery/jira-issues`);
    expect(issues.body.data).toHaveLength(2);
    expect(issues.body.data[0].doneAt).not.toBeNull();
  });
});
