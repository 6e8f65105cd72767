// Jira REST as the replay server serves it. Shapes follow the docs' example responses:
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-myself/#api-rest-api-3-myself-get
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-changelog-get
// https://docs.atlassian.com/software/jira/docs/api/REST/9.12.0/#api/2/search
// Only the JQL clauses the clients write are understood: `project = KEY`, `project in (A, B)` and
// `updated >= "yyyy/MM/dd HH:mm"` (read as UTC); everything else in the query is ignored.
import {
  byUpdated,
  type DeliveryDataset,
  notFound,
  type ReplayIssue,
  type ReplayResponse,
} from './dataset.ts';

/** Jira cuts an issue's changelog short in search results; the rest comes from the changelog endpoint. */
export const searchChangelogLimit = 40;

export function jiraRoute(dataset: DeliveryDataset, segments: string[], url: URL): ReplayResponse {
  const [version, resource, key, sub] = segments;
  if (resource === 'myself') return { status: 200, body: myself(dataset, version === '2') };
  if (version === '3' && resource === 'search' && key === 'jql') return cloudSearch(dataset, url);
  if (version === '2' && resource === 'search' && key === undefined) return serverSearch(dataset, url);
  if (resource === 'issue' && sub === 'changelog') {
    const issue = dataset.jira.issues.find((candidate) => candidate.key === key || candidate.id === key);
    return issue
      ? changelogPage(issue, url)
      : { status: 404, body: { errorMessages: ['Issue does not exist'] } };
  }
  return notFound();
}

function myself(dataset: DeliveryDataset, server: boolean) {
  const email = dataset.jira.email ?? 'replay@example.com';
  const person = { displayName: 'Replay Bot', emailAddress: email, active: true, timeZone: 'UTC' };
  return server
    ? { name: 'replay', key: 'JIRAUSER10000', ...person }
    : { accountId: '5b10ac8d82e05b22cc7d4ef5', ...person };
}

function matching(dataset: DeliveryDataset, jql: string): ReplayIssue[] {
  const since = /updated\s*>=\s*"(\d{4})[/-](\d{2})[/-](\d{2})(?:\s+(\d{2}):(\d{2}))?"/i.exec(jql);
  const sinceMs = since
    ? Date.parse(`${since[1]}-${since[2]}-${since[3]}T${since[4] ?? '00'}:${since[5] ?? '00'}:00Z`)
    : null;
  const single = /project\s*=\s*"?([\w-]+)"?/i.exec(jql)?.[1];
  const listed = /project\s+in\s*\(([^)]*)\)/i.exec(jql)?.[1]?.split(',');
  const projects = (single ? [single] : (listed ?? [])).map((name) =>
    name.trim().replaceAll('"', '').toUpperCase(),
  );
  const issues = dataset.jira.issues.filter(
    (issue) =>
      (sinceMs === null || Date.parse(issue.fields.updated) >= sinceMs) &&
      (projects.length === 0 || projects.includes(issue.key.split('-')[0] ?? '')),
  );
  return byUpdated(issues, (issue) => issue.fields.updated);
}

/** The issue as search returns it: the changelog only when expanded, and cut short. */
function asSearched(issue: ReplayIssue, url: URL) {
  const { changelog, ...rest } = issue;
  if (!(url.searchParams.get('expand') ?? '').includes('changelog')) return rest;
  const histories = changelog.histories.slice(0, searchChangelogLimit);
  return {
    ...rest,
    changelog: { startAt: 0, maxResults: histories.length, total: changelog.histories.length, histories },
  };
}

const pageSize = (url: URL) => Math.min(100, Number(url.searchParams.get('maxResults') ?? 50));

function cloudSearch(dataset: DeliveryDataset, url: URL): ReplayResponse {
  const issues = matching(dataset, url.searchParams.get('jql') ?? '');
  const token = url.searchParams.get('nextPageToken');
  const offset = token ? Number(Buffer.from(token, 'base64url').toString()) : 0;
  const end = offset + pageSize(url);
  const isLast = end >= issues.length;
  const page = issues.slice(offset, end).map((issue) => asSearched(issue, url));
  const body = isLast
    ? { issues: page, isLast }
    : { issues: page, nextPageToken: Buffer.from(String(end)).toString('base64url'), isLast };
  return { status: 200, body };
}

function serverSearch(dataset: DeliveryDataset, url: URL): ReplayResponse {
  const issues = matching(dataset, url.searchParams.get('jql') ?? '');
  const startAt = Number(url.searchParams.get('startAt') ?? 0);
  const maxResults = pageSize(url);
  const page = issues.slice(startAt, startAt + maxResults).map((issue) => asSearched(issue, url));
  return {
    status: 200,
    body: { expand: 'schema,names', startAt, maxResults, total: issues.length, issues: page },
  };
}

function changelogPage(issue: ReplayIssue, url: URL): ReplayResponse {
  const startAt = Number(url.searchParams.get('startAt') ?? 0);
  const maxResults = pageSize(url);
  const all = issue.changelog.histories;
  const values = all.slice(startAt, startAt + maxResults);
  const isLast = startAt + maxResults >= all.length;
  return {
    status: 200,
    body: { self: url.toString(), maxResults, startAt, total: all.length, isLast, values },
  };
}
