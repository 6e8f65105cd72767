import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import type {
  Deployment,
  JiraHistoryItem,
  JiraLeadTime,
  MergeRequestContribution,
  MergeRequestLeadTime,
} from '../../engines/delivery/model.ts';
import {
  gitlabDeployments,
  gitlabMrContributors,
  gitlabMrLeadTimes,
  jiraLeadTimes,
  jiraTableHistory,
} from './tables.ts';

// Writes what the engine derived. Every write is an upsert on the row's natural key (an MR's key,
// a deployment's, an issue's, a changelog item's), so a page read twice changes nothing: that is
// what lets a sync resume from its last checkpoint after a crash.

export interface Target {
  workspaceId: string;
  projectId: string;
  sourceId: string | null;
}

export interface WriteCounts {
  created: number;
  updated: number;
}

const date = (iso: string | null) => (iso === null ? null : new Date(iso));
const insertedFlag = sql<boolean>`(xmax = 0)`;

function tally(rows: { inserted: boolean }[]): WriteCounts {
  const created = rows.filter((row) => row.inserted).length;
  return { created, updated: rows.length - created };
}

/** Every column but the key takes the new value: what the remote says now is the truth. */
function excludedAll(columns: readonly string[]) {
  return Object.fromEntries(columns.map((column) => [column, sql.raw(`excluded.${column}`)]));
}

function mergeRequestValues(target: Target, mr: MergeRequestLeadTime) {
  return {
    workspaceId: target.workspaceId,
    projectId: target.projectId,
    sourceId: target.sourceId,
    mrKey: mr.mrKey,
    gitlabProjectId: mr.gitlabProjectId,
    iid: mr.iid,
    title: mr.title,
    webUrl: mr.webUrl,
    state: mr.state,
    authorHandle: mr.author.handle,
    authorName: mr.author.name,
    targetBranch: mr.targetBranch,
    labels: mr.labels,
    openedAt: new Date(mr.createdAt),
    mrUpdatedAt: new Date(mr.updatedAt),
    firstCommitAt: date(mr.firstCommitAt),
    firstReviewAt: date(mr.firstReviewAt),
    approvedAt: date(mr.approvedAt),
    mergedAt: date(mr.mergedAt),
    codingMs: mr.codingMs,
    pickupMs: mr.pickupMs,
    reviewMs: mr.reviewMs,
    leadMs: mr.leadMs,
    reviewerCount: mr.reviewerCount,
    commitCount: mr.commitCount,
    noteCount: mr.noteCount,
  };
}

const mergeRequestColumns = [
  'source_id',
  'gitlab_project_id',
  'iid',
  'title',
  'web_url',
  'state',
  'author_handle',
  'author_name',
  'target_branch',
  'labels',
  'opened_at',
  'mr_updated_at',
  'first_commit_at',
  'first_review_at',
  'approved_at',
  'merged_at',
  'coding_ms',
  'pickup_ms',
  'review_ms',
  'lead_ms',
  'reviewer_count',
  'commit_count',
  'note_count',
] as const;

/**
 * Upserts merge requests and replaces their contributors. First deployments are not the MR's to
 * know: `linkDeployments` fills them from the project's deployments once a sync's pages are in.
 */
export async function writeMergeRequests(
  db: Executor,
  target: Target,
  mergeRequests: MergeRequestLeadTime[],
  contributions: MergeRequestContribution[],
): Promise<WriteCounts> {
  if (mergeRequests.length === 0) return { created: 0, updated: 0 };
  const rows = await db
    .insert(gitlabMrLeadTimes)
    .values(mergeRequests.map((mr) => mergeRequestValues(target, mr)))
    .onConflictDoUpdate({
      target: [gitlabMrLeadTimes.projectId, gitlabMrLeadTimes.mrKey],
      set: {
        ...excludedAll(mergeRequestColumns),
        updatedAt: sql`now()`,
      },
    })
    .returning({ inserted: insertedFlag });
  const keys = mergeRequests.map((mr) => mr.mrKey);
  await db
    .delete(gitlabMrContributors)
    .where(
      and(eq(gitlabMrContributors.projectId, target.projectId), inArray(gitlabMrContributors.mrKey, keys)),
    );
  if (contributions.length > 0)
    await db.insert(gitlabMrContributors).values(
      contributions.map((part) => ({
        workspaceId: target.workspaceId,
        projectId: target.projectId,
        mrKey: part.mrKey,
        role: part.role,
        handle: part.person.handle,
        name: part.person.name,
        email: part.person.email,
        count: part.count,
        firstAt: new Date(part.firstAt),
      })),
    );
  return tally(rows);
}

const deploymentColumns = [
  'gitlab_project_id',
  'environment',
  'production',
  'status',
  'ref',
  'sha',
  'deployed_at',
  'finished_at',
] as const;

export async function writeDeployments(
  db: Executor,
  target: Target,
  deployments: Deployment[],
): Promise<WriteCounts> {
  if (deployments.length === 0) return { created: 0, updated: 0 };
  const rows = await db
    .insert(gitlabDeployments)
    .values(
      deployments.map((deployment) => ({
        workspaceId: target.workspaceId,
        projectId: target.projectId,
        deploymentKey: deployment.deploymentKey,
        gitlabProjectId: deployment.gitlabProjectId,
        environment: deployment.environment,
        production: deployment.production,
        status: deployment.status,
        ref: deployment.ref,
        sha: deployment.sha,
        deployedAt: new Date(deployment.createdAt),
        finishedAt: date(deployment.finishedAt),
      })),
    )
    .onConflictDoUpdate({
      target: [gitlabDeployments.projectId, gitlabDeployments.deploymentKey],
      set: { ...excludedAll(deploymentColumns), updatedAt: sql`now()` },
    })
    .returning({ inserted: insertedFlag });
  return tally(rows);
}

function issueValues(target: Target, issue: JiraLeadTime) {
  return {
    workspaceId: target.workspaceId,
    projectId: target.projectId,
    sourceId: target.sourceId,
    issueKey: issue.issueKey,
    issueId: issue.issueId,
    summary: issue.summary,
    issueType: issue.issueType,
    status: issue.status,
    statusCategory: issue.statusCategory,
    assigneeHandle: issue.assignee?.handle ?? null,
    assigneeName: issue.assignee?.name ?? null,
    resolvedByHandle: issue.resolvedBy?.handle ?? null,
    resolvedByName: issue.resolvedBy?.name ?? null,
    resolvedByEmail: issue.resolvedBy?.email ?? null,
    labels: issue.labels,
    openedAt: new Date(issue.createdAt),
    issueUpdatedAt: new Date(issue.updatedAt),
    startedAt: date(issue.startedAt),
    doneAt: date(issue.doneAt),
    leadMs: issue.leadMs,
    cycleMs: issue.cycleMs,
    timeInStatus: issue.timeInStatus,
  };
}

const issueColumns = [
  'source_id',
  'issue_id',
  'summary',
  'issue_type',
  'status',
  'status_category',
  'assignee_handle',
  'assignee_name',
  'resolved_by_handle',
  'resolved_by_name',
  'resolved_by_email',
  'labels',
  'opened_at',
  'issue_updated_at',
  'started_at',
  'done_at',
  'lead_ms',
  'cycle_ms',
  'time_in_status',
] as const;

/** Upserts issues; changelog items are immutable, so a seen one is left as it is. */
export async function writeJiraIssues(
  db: Executor,
  target: Target,
  issues: JiraLeadTime[],
  history: JiraHistoryItem[],
): Promise<WriteCounts> {
  if (issues.length === 0) return { created: 0, updated: 0 };
  const rows = await db
    .insert(jiraLeadTimes)
    .values(issues.map((issue) => issueValues(target, issue)))
    .onConflictDoUpdate({
      target: [jiraLeadTimes.projectId, jiraLeadTimes.issueKey],
      set: {
        ...excludedAll(issueColumns),
        updatedAt: sql`now()`,
      },
    })
    .returning({ inserted: insertedFlag });
  for (let start = 0; start < history.length; start += 1000) {
    const batch = history.slice(start, start + 1000);
    await db
      .insert(jiraTableHistory)
      .values(
        batch.map((item) => ({
          workspaceId: target.workspaceId,
          projectId: target.projectId,
          issueKey: item.issueKey,
          historyId: item.historyId,
          itemIndex: item.itemIndex,
          changedAt: new Date(item.changedAt),
          authorHandle: item.author?.handle ?? null,
          authorName: item.author?.name ?? null,
          field: item.field,
          fromValue: item.fromValue,
          fromString: item.fromString,
          toValue: item.toValue,
          toString: item.toString,
        })),
      )
      .onConflictDoNothing();
  }
  return tally(rows);
}
