// The records the delivery engine derives from GitLab and Jira API payloads, and the settings that
// shape them. Times are ISO 8601 strings in UTC; durations are milliseconds. A stage whose start or
// end is unknown is null, never zero.

/** Who did something, as a source names them; people are matched across sources by these. */
export interface Identity {
  /** GitLab username, or Jira accountId (or name on Jira Server). */
  handle: string;
  source: 'gitlab' | 'jira';
  name: string | null;
  email: string | null;
}

/** One merge request's path from first commit to production. */
export interface MergeRequestLeadTime {
  /** `<gitlab project id>!<iid>`: unique within a GitLab instance. */
  mrKey: string;
  gitlabProjectId: number;
  iid: number;
  title: string;
  webUrl: string | null;
  state: 'opened' | 'closed' | 'merged' | 'locked';
  author: Identity;
  targetBranch: string;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  firstCommitAt: string | null;
  firstReviewAt: string | null;
  approvedAt: string | null;
  mergedAt: string | null;
  /** The first successful deployment to a production environment at or after the merge. */
  firstDeployAt: string | null;
  /** First commit → MR opened (0 when the first commit came after opening). */
  codingMs: number | null;
  /** MR opened → first review (a note or approval by someone other than the author). */
  pickupMs: number | null;
  /** First review → merged. */
  reviewMs: number | null;
  /** Merged → first production deployment. */
  deployMs: number | null;
  /** First commit (or opening, without commits) → merged. */
  leadMs: number | null;
  /** First commit (or opening) → first production deployment: DORA's lead time for changes. */
  changeLeadMs: number | null;
  /** Distinct people other than the author who reviewed, commented or approved. */
  reviewerCount: number;
  commitCount: number;
  noteCount: number;
}

export type ContributorRole = 'author' | 'reviewer' | 'commenter' | 'committer' | 'approver';

/** A person's part in one merge request. */
export interface MergeRequestContribution {
  mrKey: string;
  person: Identity;
  role: ContributorRole;
  /** Notes for commenters and reviewers, commits for committers, 1 otherwise. */
  count: number;
  /** When the part first happened (for monthly buckets). */
  firstAt: string;
}

/** A GitLab deployment, as DORA counts it. */
export interface Deployment {
  /** `<gitlab project id>#<deployment id>`. */
  deploymentKey: string;
  gitlabProjectId: number;
  environment: string;
  production: boolean;
  status: 'success' | 'failed' | 'canceled' | 'running' | 'created' | 'blocked' | 'skipped';
  ref: string;
  sha: string;
  createdAt: string;
  /** finished_at when given, else updated_at for a finished deployment. */
  finishedAt: string | null;
}

/** Which Jira statuses mean work has started and which mean it is done (names, case-insensitive). */
export interface StatusCategories {
  inProgress: string[];
  done: string[];
}

/** One item of a Jira changelog: a status or field change. */
export interface JiraHistoryItem {
  issueKey: string;
  historyId: string;
  /** Position of the item within its history entry. */
  itemIndex: number;
  changedAt: string;
  author: Identity | null;
  field: string;
  fromValue: string | null;
  fromString: string | null;
  toValue: string | null;
  toString: string | null;
}

/** One Jira issue's path through its statuses. */
export interface JiraLeadTime {
  issueKey: string;
  issueId: string;
  summary: string;
  issueType: string;
  status: string;
  statusCategory: 'new' | 'in_progress' | 'done';
  assignee: Identity | null;
  reporter: Identity | null;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  /** First move into an in-progress status. */
  startedAt: string | null;
  /** Last move into a done status, when the issue is in one now. */
  doneAt: string | null;
  /** Created → done. */
  leadMs: number | null;
  /** Started → done. */
  cycleMs: number | null;
  /** Milliseconds spent in each status, up to done or to `asOf`. */
  timeInStatus: Record<string, number>;
  /** Who moved it into done, for monthly "issues resolved". */
  resolvedBy: Identity | null;
}
