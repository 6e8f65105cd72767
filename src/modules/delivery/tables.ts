import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';
import type { EncryptedValue } from '../../core/events/sensitive.ts';
import { checkOneOf, resourceColumns } from '../../core/tenancy/columns.ts';
import { projectIdColumn } from '../../core/tenancy/projects-table.ts';

// Delivery evidence: how work flows. A workspace connects GitLab and Jira; a project maps sources
// (a GitLab project, a Jira JQL filter) onto itself; syncs bring merge requests, deployments and
// issues with their changelogs, kept as the derived rows below, from which the metrics are computed.

const time = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const millis = (name: string) => bigint(name, { mode: 'number' });

export const connectionKinds = ['gitlab', 'jira'] as const;
export const authKinds = ['token', 'basic', 'bearer'] as const;

/** A GitLab or Jira instance and the credentials to read it, stored encrypted. */
export const deliveryConnections = pgTable(
  'delivery_connections',
  {
    ...resourceColumns(),
    kind: text('kind', { enum: connectionKinds }).notNull(),
    name: text('name').notNull(),
    baseUrl: text('base_url').notNull(),
    /** GitLab: `token` (PRIVATE-TOKEN). Jira: `basic` (email + API token) or `bearer` (personal access token). */
    authKind: text('auth_kind', { enum: authKinds }).notNull(),
    email: text('email'),
    /** Jira only: `cloud` (REST v3, nextPageToken) or `server` (REST v2, startAt). */
    jiraApi: text('jira_api', { enum: ['cloud', 'server'] }),
    secret: jsonb('secret').$type<EncryptedValue>().notNull(),
    syncIntervalMinutes: integer('sync_interval_minutes').notNull().default(60),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    uniqueIndex('delivery_connections_name_unique').on(table.workspaceId, table.name),
    checkOneOf('delivery_connections_kind_check', table.kind, connectionKinds),
  ],
);

/** What a project reads from a connection: a GitLab project, or the Jira issues of a JQL filter. */
export const deliverySources = pgTable(
  'delivery_sources',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => deliveryConnections.id, { onDelete: 'cascade' }),
    /** GitLab: the project's numeric id or full path (`group/sub/app`). */
    gitlabProject: text('gitlab_project'),
    /** Jira: the JQL filter whose issues belong to the project (`project = PAY`). */
    jql: text('jql'),
    enabled: boolean('enabled').notNull().default(true),
    /** The latest `updated_at` a finished sync saw: the next sync asks for changes since then. */
    syncedUpTo: time('synced_up_to'),
    lastSyncAt: time('last_sync_at'),
    lastSyncStatus: text('last_sync_status'),
  },
  (table) => [index('delivery_sources_project_idx').on(table.projectId, table.createdAt, table.id)],
);

/** One sync of one source: its progress and checkpoint, so a stopped sync resumes where it was. */
export const deliverySyncRuns = pgTable(
  'delivery_sync_runs',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => deliverySources.id, { onDelete: 'cascade' }),
    trigger: text('trigger', { enum: ['manual', 'schedule'] }).notNull(),
    status: text('status', { enum: ['queued', 'running', 'completed', 'failed'] })
      .notNull()
      .default('queued'),
    /** Changes since this time were asked for; null for a full sync. */
    since: time('since'),
    /** Which listing the checkpoint is in: merge_requests, deployments or issues. */
    phase: text('phase'),
    /** The next page to read in that listing (the remote's own cursor); null at a listing's start. */
    cursor: text('cursor'),
    /** The latest remote `updated` time read so far. */
    seenUpTo: time('seen_up_to'),
    pages: integer('pages').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    errors: jsonb('errors').$type<{ at: string; message: string }[]>().notNull().default([]),
    startedAt: time('started_at'),
    finishedAt: time('finished_at'),
    durationMs: integer('duration_ms'),
    sagaId: uuid('saga_id'),
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [index('delivery_sync_runs_project_idx').on(table.projectId, table.createdAt, table.id)],
);

/** How a project's delivery data is read: status categories, incidents, production, targets, retention. */
export const deliverySettings = pgTable(
  'delivery_settings',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    inProgressStatuses: text('in_progress_statuses').array().notNull(),
    doneStatuses: text('done_statuses').array().notNull(),
    incidentIssueTypes: text('incident_issue_types').array().notNull(),
    productionEnvironments: text('production_environments').array().notNull(),
    pickupTargetHours: integer('pickup_target_hours'),
    historyRetentionDays: integer('history_retention_days'),
  },
  (table) => [uniqueIndex('delivery_settings_project_unique').on(table.projectId)],
);

/** One person across sources: merge requests and issues are counted under them by these handles. */
export const deliveryPeople = pgTable(
  'delivery_people',
  {
    ...resourceColumns(),
    name: text('name').notNull(),
    email: text('email'),
    team: text('team'),
    gitlabUsernames: text('gitlab_usernames').array().notNull().default([]),
    jiraAccountIds: text('jira_account_ids').array().notNull().default([]),
  },
  (table) => [uniqueIndex('delivery_people_email_unique').on(table.workspaceId, table.email)],
);

/** Per merge request: when each stage began and ended, and how long it took. */
export const gitlabMrLeadTimes = pgTable(
  'gitlab_mr_lead_times',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    sourceId: uuid('source_id').references(() => deliverySources.id, { onDelete: 'set null' }),
    mrKey: text('mr_key').notNull(),
    gitlabProjectId: integer('gitlab_project_id').notNull(),
    iid: integer('iid').notNull(),
    title: text('title').notNull(),
    webUrl: text('web_url'),
    state: text('state').notNull(),
    authorHandle: text('author_handle').notNull(),
    authorName: text('author_name'),
    targetBranch: text('target_branch').notNull(),
    labels: text('labels').array().notNull().default([]),
    openedAt: time('opened_at').notNull(),
    mrUpdatedAt: time('mr_updated_at').notNull(),
    firstCommitAt: time('first_commit_at'),
    firstReviewAt: time('first_review_at'),
    approvedAt: time('approved_at'),
    mergedAt: time('merged_at'),
    firstDeployAt: time('first_deploy_at'),
    codingMs: millis('coding_ms'),
    pickupMs: millis('pickup_ms'),
    reviewMs: millis('review_ms'),
    deployMs: millis('deploy_ms'),
    leadMs: millis('lead_ms'),
    changeLeadMs: millis('change_lead_ms'),
    reviewerCount: integer('reviewer_count').notNull().default(0),
    commitCount: integer('commit_count').notNull().default(0),
    noteCount: integer('note_count').notNull().default(0),
  },
  (table) => [
    uniqueIndex('gitlab_mr_lead_times_unique').on(table.projectId, table.mrKey),
    index('gitlab_mr_lead_times_merged_idx').on(table.projectId, table.mergedAt),
  ],
);

/** Per merge request and person: author, reviewer, commenter, committer or approver, with counts. */
export const gitlabMrContributors = pgTable(
  'gitlab_mr_contributors',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    mrKey: text('mr_key').notNull(),
    role: text('role', { enum: ['author', 'reviewer', 'commenter', 'committer', 'approver'] }).notNull(),
    handle: text('handle').notNull(),
    name: text('name'),
    email: text('email'),
    count: integer('count').notNull(),
    firstAt: time('first_at').notNull(),
  },
  (table) => [
    uniqueIndex('gitlab_mr_contributors_unique').on(table.projectId, table.mrKey, table.role, table.handle),
    index('gitlab_mr_contributors_first_idx').on(table.projectId, table.firstAt),
  ],
);

/** GitLab deployments: what DORA's deployment frequency and change failure rate count. */
export const gitlabDeployments = pgTable(
  'gitlab_deployments',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    deploymentKey: text('deployment_key').notNull(),
    gitlabProjectId: integer('gitlab_project_id').notNull(),
    environment: text('environment').notNull(),
    production: boolean('production').notNull(),
    status: text('status').notNull(),
    ref: text('ref').notNull(),
    sha: text('sha').notNull(),
    deployedAt: time('deployed_at').notNull(),
    finishedAt: time('finished_at'),
  },
  (table) => [
    uniqueIndex('gitlab_deployments_unique').on(table.projectId, table.deploymentKey),
    index('gitlab_deployments_finished_idx').on(table.projectId, table.finishedAt),
    // A merge request's first production deployment of its branch after the merge: one seek.
    index('gitlab_deployments_link_idx')
      .on(
        table.projectId,
        table.gitlabProjectId,
        table.ref,
        sql`coalesce(${table.finishedAt}, ${table.deployedAt})`,
      )
      .where(sql`${table.production} and ${table.status} = 'success'`),
  ],
);

/** Per Jira issue: created, started, done; lead and cycle time; time in each status. */
export const jiraLeadTimes = pgTable(
  'jira_lead_times',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    sourceId: uuid('source_id').references(() => deliverySources.id, { onDelete: 'set null' }),
    issueKey: text('issue_key').notNull(),
    issueId: text('issue_id').notNull(),
    summary: text('summary').notNull(),
    issueType: text('issue_type').notNull(),
    status: text('status').notNull(),
    statusCategory: text('status_category', { enum: ['new', 'in_progress', 'done'] }).notNull(),
    assigneeHandle: text('assignee_handle'),
    assigneeName: text('assignee_name'),
    resolvedByHandle: text('resolved_by_handle'),
    resolvedByName: text('resolved_by_name'),
    resolvedByEmail: text('resolved_by_email'),
    labels: text('labels').array().notNull().default([]),
    openedAt: time('opened_at').notNull(),
    issueUpdatedAt: time('issue_updated_at').notNull(),
    startedAt: time('started_at'),
    doneAt: time('done_at'),
    leadMs: millis('lead_ms'),
    cycleMs: millis('cycle_ms'),
    timeInStatus: jsonb('time_in_status').$type<Record<string, number>>().notNull().default({}),
  },
  (table) => [
    uniqueIndex('jira_lead_times_unique').on(table.projectId, table.issueKey),
    index('jira_lead_times_done_idx').on(table.projectId, table.doneAt),
  ],
);

function historyColumns() {
  return {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    issueKey: text('issue_key').notNull(),
    historyId: text('history_id').notNull(),
    itemIndex: integer('item_index').notNull(),
    changedAt: time('changed_at').notNull(),
    authorHandle: text('author_handle'),
    authorName: text('author_name'),
    field: text('field').notNull(),
    fromValue: text('from_value'),
    fromString: text('from_string'),
    toValue: text('to_value'),
    toString: text('to_string'),
  };
}

/** Every status and field change of a project's Jira issues, from their changelogs. */
export const jiraTableHistory = pgTable('jira_table_history', historyColumns(), (table) => [
  uniqueIndex('jira_table_history_unique').on(
    table.projectId,
    table.issueKey,
    table.historyId,
    table.itemIndex,
  ),
  index('jira_table_history_changed_idx').on(table.changedAt, table.id),
]);

/** Changes older than the project's history retention, moved out of the hot table. */
export const jiraTableHistoryArchive = pgTable(
  'jira_table_history_archive',
  { ...historyColumns(), archivedAt: time('archived_at').notNull().defaultNow() },
  (table) => [
    uniqueIndex('jira_table_history_archive_unique').on(
      table.projectId,
      table.issueKey,
      table.historyId,
      table.itemIndex,
    ),
  ],
);

/** Per person and calendar month: what they opened, merged, reviewed, commented, committed, resolved. */
export const monthlyContributions = pgTable(
  'monthly_contributions',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    personKey: text('person_key').notNull(),
    personName: text('person_name'),
    team: text('team'),
    month: text('month').notNull(),
    mrsOpened: integer('mrs_opened').notNull().default(0),
    mrsMerged: integer('mrs_merged').notNull().default(0),
    reviews: integer('reviews').notNull().default(0),
    comments: integer('comments').notNull().default(0),
    commits: integer('commits').notNull().default(0),
    issuesResolved: integer('issues_resolved').notNull().default(0),
  },
  (table) => [uniqueIndex('monthly_contributions_unique').on(table.projectId, table.personKey, table.month)],
);

export const deliveryTables = [
  deliveryConnections,
  deliverySources,
  deliverySyncRuns,
  deliverySettings,
  deliveryPeople,
  gitlabMrLeadTimes,
  gitlabMrContributors,
  gitlabDeployments,
  jiraLeadTimes,
  jiraTableHistory,
  jiraTableHistoryArchive,
  monthlyContributions,
];
