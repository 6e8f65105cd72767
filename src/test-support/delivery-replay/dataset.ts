// The in-memory data the delivery replay server serves: raw API payloads, as GitLab and Jira send them.

export type Json = Record<string, unknown>;

/** A merge request as the list endpoint returns it, plus its commits and notes (served from sub-endpoints). */
export interface ReplayMergeRequest extends Json {
  iid: number;
  updated_at: string;
  commits: Json[];
  notes: Json[];
}

export interface ReplayDeployment extends Json {
  id: number;
  updated_at: string;
}

export interface ReplayProject {
  id: number;
  mergeRequests: ReplayMergeRequest[];
  deployments: ReplayDeployment[];
}

/** A Jira issue with its whole changelog; the search endpoints cut the changelog short as Jira does. */
export interface ReplayIssue extends Json {
  id: string;
  key: string;
  fields: Json & { updated: string };
  changelog: { histories: Json[] };
}

export interface DeliveryDataset {
  /** Projects are found by the key they are stored under (an id or a full path) or by their id. */
  gitlab: { token: string; projects: Record<string, ReplayProject> };
  /** With an email, Basic email:token is accepted; Bearer token always is. */
  jira: { email?: string; token: string; issues: ReplayIssue[] };
}

export interface ReplayFaults {
  /** Every nth request answers 429 with this Retry-After. */
  rateLimit?: { everyNth: number; retryAfterSeconds: number };
  /** These requests (1-based) answer 503. */
  serverErrors?: { onRequests: number[] };
  /** Every response waits this long first. */
  slowMs?: number;
  /** These requests send their headers and half the body, then the socket is destroyed. */
  resetOnRequest?: number[];
  /** These requests answer 200 with truncated JSON. */
  malformedOnRequest?: number[];
  /** Every request answers 401. */
  revoked?: boolean;
}

/** What a route answers; the server adds faults and writes it. */
export interface ReplayResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const notFound = (message = '404 Not found'): ReplayResponse => ({ status: 404, body: { message } });

/** Newest-last order by an ISO-like timestamp; stable for equal times. */
export const byUpdated = <T>(items: T[], updatedOf: (item: T) => string): T[] =>
  items
    .map((item) => ({ item, at: Date.parse(updatedOf(item)) }))
    .sort((a, b) => a.at - b.at)
    .map(({ item }) => item);
