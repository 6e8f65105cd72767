// A small GitLab and Jira dataset the CLI tests import and whose figures they compute by hand.
// The payloads follow the APIs' documented responses:
// https://docs.gitlab.com/api/merge_requests/#list-project-merge-requests (merge requests),
// https://docs.gitlab.com/api/merge_requests/#get-single-merge-request-commits (commits),
// https://docs.gitlab.com/api/notes/#list-all-merge-request-notes (notes),
// https://docs.gitlab.com/api/deployments/#list-project-deployments (deployments),
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get
// (issues with `expand=changelog`).

export const hour = 3_600_000;
export const alice = { id: 1, username: 'alice', name: 'Alice Author', state: 'active' };
export const bob = { id: 2, username: 'bob', name: 'Bob Reviewer', state: 'active' };
export const at = (day: number, time: string) => `2026-01-${String(day).padStart(2, '0')}T${time}:00.000Z`;
export const jiraAt = (day: number, time: string) => at(day, time).replace('Z', '+0000');

export const commit = (id: string, who: typeof alice, authored: string) => ({
  id,
  short_id: id.slice(0, 8),
  title: 'Work',
  message: 'Work',
  author_name: who.name,
  author_email: `${who.username}@example.com`,
  authored_date: authored,
  committed_date: authored,
  created_at: authored,
});
export const note = (
  id: number,
  who: typeof alice,
  created: string,
  body = 'Looks good',
  system = false,
) => ({
  id,
  body,
  author: who,
  created_at: created,
  updated_at: created,
  system,
  noteable_type: 'MergeRequest',
});
export function mergeRequest(
  iid: number,
  author: typeof alice,
  created: string,
  merged: string | null,
  extra: object,
) {
  return {
    id: 9000 + iid,
    iid,
    project_id: 42,
    title: `Change ${iid}`,
    state: merged ? 'merged' : 'opened',
    created_at: created,
    updated_at: merged ?? created,
    merged_at: merged,
    closed_at: null,
    target_branch: 'main',
    source_branch: `change-${iid}`,
    labels: [],
    author,
    web_url: `https://gitlab.example.com/pay/app/-/merge_requests/${iid}`,
    merge_commit_sha: null,
    squash_commit_sha: null,
    commits: [],
    notes: [],
    ...extra,
  };
}

// MR 1: commit 08:00, opened 10:00, bob comments 12:00 and 12:30, approves 13:00, merged 14:00,
// deployed 16:00 → coding 2 h, pickup 2 h, review 2 h, deploy 2 h, lead 6 h, to production 8 h.
// MR 2: commit 09:00, opened 10:00, alice comments 14:00, merged 18:00, deployed next day 10:00 →
// coding 1 h, pickup 4 h, review 4 h, deploy 16 h, lead 9 h, to production 25 h. MR 3 is open.
export const mergeRequests = [
  mergeRequest(1, alice, at(5, '10:00'), at(5, '14:00'), {
    commits: [commit('a1b2c3d4e5', alice, at(5, '08:00'))],
    notes: [
      note(11, bob, at(5, '12:00')),
      note(12, bob, at(5, '12:30'), 'One nit'),
      note(13, bob, at(5, '13:00'), 'approved this merge request', true),
    ],
  }),
  mergeRequest(2, bob, at(6, '10:00'), at(6, '18:00'), {
    commits: [commit('f6e5d4c3b2', bob, at(6, '09:00'))],
    notes: [note(21, alice, at(6, '14:00'))],
  }),
  mergeRequest(3, alice, at(8, '10:00'), null, {}),
];

export const deployment = (id: number, status: string, finished: string, environment = 'production') => ({
  id,
  iid: id - 100,
  ref: 'main',
  sha: 'a1b2c3d4e5',
  created_at: finished,
  updated_at: finished,
  finished_at: finished,
  status,
  user: bob,
  environment: { id: environment === 'production' ? 1 : 2, name: environment, tier: environment },
});
export const deployments = [
  deployment(101, 'success', at(5, '16:00')),
  deployment(102, 'success', at(7, '10:00')),
  deployment(103, 'failed', at(8, '12:00')),
  deployment(104, 'success', at(8, '13:00'), 'staging'),
];

export const move = (id: string, created: string, from: string, to: string) => ({
  id,
  author: { accountId: 'acc-alice', displayName: 'Alice Author', emailAddress: 'alice@example.com' },
  created,
  items: [{ field: 'status', fieldtype: 'jira', from: null, fromString: from, to: null, toString: to }],
});
export function issue(key: string, type: string, created: string, status: string, histories: object[]) {
  const category = status === 'Done' ? 'done' : status === 'To Do' ? 'new' : 'indeterminate';
  return {
    id: key.replace('PAY-', '100'),
    key,
    self: `https://acme.atlassian.net/rest/api/3/issue/${key}`,
    fields: {
      summary: `${type} ${key}`,
      created,
      updated: created,
      resolutiondate: null,
      status: { name: status, statusCategory: { key: category } },
      issuetype: { name: type },
      assignee: null,
      reporter: null,
      labels: [],
    },
    changelog: { startAt: 0, maxResults: 100, total: histories.length, histories },
  };
}
// PAY-1: to do 1 h, in progress 24 h, done (lead 25 h, cycle 24 h). PAY-2, an incident raised 2 h
// after the 7th's deployment: to do 30 min, in progress 2 h 30 min (lead 3 h, cycle 2 h 30 min).
// PAY-3 is still in progress.
export const jiraSearch = {
  startAt: 0,
  maxResults: 50,
  total: 3,
  issues: [
    issue('PAY-1', 'Story', jiraAt(5, '09:00'), 'Done', [
      move('1', jiraAt(5, '10:00'), 'To Do', 'In Progress'),
      move('2', jiraAt(6, '10:00'), 'In Progress', 'Done'),
    ]),
    issue('PAY-2', 'Incident', jiraAt(7, '12:00'), 'Done', [
      move('3', jiraAt(7, '12:30'), 'To Do', 'In Progress'),
      move('4', jiraAt(7, '15:00'), 'In Progress', 'Done'),
    ]),
    issue('PAY-3', 'Task', jiraAt(8, '09:00'), 'In Progress', [
      move('5', jiraAt(8, '10:00'), 'To Do', 'In Progress'),
    ]),
  ],
};
