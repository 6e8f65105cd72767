// Jira REST (Cloud v3, Server/Data Center v2): who the token is, and issues updated since a time with
// their whole changelogs, page by page.
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get
// https://docs.atlassian.com/software/jira/docs/api/REST/9.12.0/#api/2/search
import { z } from 'zod';
import type { RemoteClientOptions } from './gitlab-client.ts';
import { createRemotePolicy, getJson } from './http.ts';
import { isObject, listIn, mapConcurrently, type RemoteGet, type RemotePage } from './paging.ts';
import { RemoteError } from './remote-error.ts';

export type JiraAuth = { kind: 'basic'; email: string; token: string } | { kind: 'bearer'; token: string };

export interface JiraConnection {
  id: string;
  baseUrl: string;
  auth: JiraAuth;
  api: 'cloud' | 'server';
}

export interface JiraPageQuery {
  jql: string;
  /** ISO 8601; only issues updated at or after it (to the minute, so a little earlier). */
  updatedSince: string | null;
  cursor: string | null;
}

const myselfSchema = z.object({
  accountId: z.string().optional(),
  name: z.string().optional(),
  displayName: z.string().nullish(),
  emailAddress: z.string().nullish(),
  timeZone: z.string().nullish(),
});
const cloudPageSchema = z.object({ nextPageToken: z.string().nullish(), isLast: z.boolean().optional() });
const serverPageSchema = z.object({ startAt: z.number(), total: z.number() });
const changelogSchema = z.object({ total: z.number(), histories: z.array(z.unknown()) });
const changelogPageSchema = z.object({ values: z.array(z.unknown()), isLast: z.boolean().optional() });

/** `yyyy/MM/dd HH:mm` in the zone JQL reads dates in, a minute early since JQL has minute precision. */
export function jqlMinute(iso: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    ...{ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
  });
  const parts = Object.fromEntries(
    format.formatToParts(Date.parse(iso) - 60_000).map((part) => [part.type, part.value]),
  );
  return `${parts.year}/${parts.month}/${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The source's JQL narrowed to updates since a minute, oldest first (its own ORDER BY dropped). */
export function incrementalJql(jql: string, since: string | null): string {
  const filter = jql.replace(/\border\s+by\b[\s\S]*$/i, '').trim();
  const clauses = [filter && `(${filter})`, since && `updated >= "${since}"`].filter(Boolean);
  return `${clauses.join(' AND ')} ORDER BY updated ASC`.trim();
}

type Api = JiraConnection['api'];
const versionOf = (api: Api) => (api === 'cloud' ? '3' : '2');

async function myself(get: RemoteGet, api: Api, signal?: AbortSignal) {
  const path = `/rest/api/${versionOf(api)}/myself`;
  const { body } = await get(path, signal);
  const user = myselfSchema.safeParse(body);
  // Server and Data Center have no accountId; the user name is their stable handle.
  const accountId = user.data?.accountId ?? user.data?.name;
  if (!user.data || !accountId)
    throw new RemoteError('malformed', `Jira answered GET ${path} without an account`);
  return { ...user.data, accountId };
}

async function searchPage(
  get: RemoteGet,
  api: Api,
  jql: string,
  cursor: string | null,
  signal?: AbortSignal,
) {
  const search = new URLSearchParams({ jql, expand: 'changelog', fields: '*navigable', maxResults: '100' });
  if (api === 'cloud') {
    if (cursor) search.set('nextPageToken', cursor);
    const { body } = await get(`/rest/api/3/search/jql?${search}`, signal);
    const page = cloudPageSchema.safeParse(body).data;
    const next = page && !page.isLast && page.nextPageToken ? page.nextPageToken : null;
    return { issues: listIn(body, 'Jira GET /rest/api/3/search/jql', 'issues'), next };
  }
  search.set('startAt', cursor ?? '0');
  const { body } = await get(`/rest/api/2/search?${search}`, signal);
  const issues = listIn(body, 'Jira GET /rest/api/2/search', 'issues');
  const page = serverPageSchema.safeParse(body).data;
  const reached = page ? page.startAt + issues.length : 0;
  return { issues, next: page && issues.length > 0 && reached < page.total ? String(reached) : null };
}

/**
 * The issue with its whole changelog. Search cuts long changelogs short; which end it keeps is not
 * documented, so a cut changelog is read again in full rather than continued.
 */
async function withWholeChangelog(get: RemoteGet, api: Api, issue: unknown, signal: AbortSignal) {
  if (!isObject(issue) || typeof issue.key !== 'string') return issue;
  const changelog = changelogSchema.safeParse(issue.changelog).data;
  if (!changelog || changelog.total <= changelog.histories.length) return issue;
  const path = `/rest/api/${versionOf(api)}/issue/${encodeURIComponent(issue.key)}/changelog`;
  const histories: unknown[] = [];
  for (let more = true; more; ) {
    const { body } = await get(`${path}?startAt=${histories.length}&maxResults=100`, signal);
    const page = changelogPageSchema.safeParse(body).data;
    if (!page) throw new RemoteError('malformed', `Jira answered GET ${path} without a "values" list`);
    histories.push(...page.values);
    more = page.values.length > 0 && page.isLast !== true && histories.length < changelog.total;
  }
  return {
    ...issue,
    changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
  };
}

const authorizationOf = (auth: JiraAuth) =>
  auth.kind === 'basic'
    ? `Basic ${Buffer.from(`${auth.email}:${auth.token}`).toString('base64')}`
    : `Bearer ${auth.token}`;

export function jiraClient(connection: JiraConnection, options: RemoteClientOptions = {}) {
  const policy = createRemotePolicy(connection.id, options.policy);
  const base = connection.baseUrl.replace(/\/+$/, '');
  const { api } = connection;
  const authorization = authorizationOf(connection.auth);
  const get: RemoteGet = (path, signal) =>
    getJson(policy, `${base}${path}`, { headers: { authorization }, signal, source: 'Jira' });

  // JQL reads dates in the token user's time zone, so the filter is written in it; asked once.
  let zone: Promise<string> | null = null;
  const userZone = (signal?: AbortSignal) => {
    if (zone) return zone;
    const pending = myself(get, api, signal).then((user) => user.timeZone ?? 'UTC');
    pending.catch(() => {
      if (zone === pending) zone = null;
    });
    zone = pending;
    return pending;
  };

  return {
    async currentUser(signal?: AbortSignal) {
      const user = await myself(get, api, signal);
      return {
        accountId: user.accountId,
        displayName: user.displayName ?? null,
        email: user.emailAddress ?? null,
      };
    },

    async issuePage(query: JiraPageQuery, signal?: AbortSignal): Promise<RemotePage> {
      const since = query.updatedSince ? jqlMinute(query.updatedSince, await userZone(signal)) : null;
      const page = await searchPage(get, api, incrementalJql(query.jql, since), query.cursor, signal);
      const items = await mapConcurrently(
        page.issues,
        options.concurrency ?? 8,
        signal,
        (issue, issueSignal) => withWholeChangelog(get, api, issue, issueSignal),
      );
      return { items, next: page.next };
    },
  };
}

export type JiraClient = ReturnType<typeof jiraClient>;
