// The delivery part of a seeded workspace: what the route matrix addresses by real ids.
import type { Caller } from '../../src/test-support/app.ts';
import { created } from './seeding.ts';

/** A GitLab connection (never called: the address refuses), its source, a sync, and imported rows. */
export async function seedDelivery(owner: Caller, projectId: string, sequence: number) {
  const connection = await created(
    owner.post('/api/v1/delivery-connections', {
      kind: 'gitlab',
      name: `Seed GitLab ${sequence}`,
      baseUrl: 'http://127.0.0.1:9',
      secret: 'glpat-seed',
    }),
    'a delivery connection',
  );
  const base = `/api/v1/projects/${projectId}`;
  const source = await created(
    owner.post(`${base}/delivery-sources`, { connectionId: connection.id, gitlabProject: 'seed/app' }),
    'a delivery source',
  );
  const sync = await created(owner.post(`${base}/delivery/sync`, { sourceId: source.id }), 'a delivery sync');
  const author = { id: 1, username: 'seed', name: 'Seed' };
  const at = '2024-03-04T10:00:00.000Z';
  await created(
    owner.post(`${base}/delivery/imports`, {
      gitlabMergeRequests: [
        {
          id: 1,
          iid: 1,
          project_id: 7,
          title: 'Seed',
          state: 'opened',
          created_at: at,
          updated_at: at,
          merged_at: null,
          target_branch: 'main',
          labels: [],
          author,
          commits: [],
          notes: [],
        },
      ],
      jiraIssues: [
        {
          id: '1',
          key: 'SEED-1',
          fields: {
            summary: 'Seed',
            created: at,
            updated: at,
            issuetype: { name: 'Task' },
            status: { name: 'To Do', statusCategory: { key: 'new' } },
          },
          changelog: { histories: [] },
        },
      ],
    }),
    'a delivery import',
  );
  const mergeRequests = await owner.get(`${base}/delivery/merge-requests`);
  const issues = await owner.get(`${base}/delivery/jira-issues`);
  return {
    sourceId: String(source.id),
    syncRunId: String((sync.runs as { id: string }[])[0]?.id),
    mergeRequestId: String(mergeRequests.body.data[0]?.id),
    jiraIssueId: String(issues.body.data[0]?.id),
  };
}
