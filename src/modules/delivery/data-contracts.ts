import { z } from 'zod';
import { resourceOutputFields } from '../../core/resource/schemas.ts';

// The synced rows as the API lists them: one per merge request, deployment, Jira issue, changelog
// item, and person-month. Durations are milliseconds; a stage whose end is unknown is null.

const ms = z.number().int().nullable();

export const mergeRequestSchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    sourceId: z.uuid().nullable(),
    mrKey: z.string().describe('`<GitLab project id>!<iid>`'),
    gitlabProjectId: z.number().int(),
    iid: z.number().int(),
    title: z.string(),
    webUrl: z.string().nullable(),
    state: z.string(),
    authorHandle: z.string(),
    authorName: z.string().nullable(),
    targetBranch: z.string(),
    labels: z.array(z.string()),
    openedAt: z.date(),
    mrUpdatedAt: z.date(),
    firstCommitAt: z.date().nullable(),
    firstReviewAt: z.date().nullable(),
    approvedAt: z.date().nullable(),
    mergedAt: z.date().nullable(),
    firstDeployAt: z.date().nullable(),
    codingMs: ms,
    pickupMs: ms,
    reviewMs: ms,
    deployMs: ms,
    leadMs: ms,
    changeLeadMs: ms,
    reviewerCount: z.number().int(),
    commitCount: z.number().int(),
    noteCount: z.number().int(),
  })
  .meta({ id: 'DeliveryMergeRequest' });

export const deploymentSchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    deploymentKey: z.string(),
    gitlabProjectId: z.number().int(),
    environment: z.string(),
    production: z.boolean(),
    status: z.string(),
    ref: z.string(),
    sha: z.string(),
    deployedAt: z.date(),
    finishedAt: z.date().nullable(),
  })
  .meta({ id: 'DeliveryDeployment' });

export const jiraIssueSchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    sourceId: z.uuid().nullable(),
    issueKey: z.string(),
    issueId: z.string(),
    summary: z.string(),
    issueType: z.string(),
    status: z.string(),
    statusCategory: z.enum(['new', 'in_progress', 'done']),
    assigneeHandle: z.string().nullable(),
    assigneeName: z.string().nullable(),
    resolvedByHandle: z.string().nullable(),
    resolvedByName: z.string().nullable(),
    resolvedByEmail: z.string().nullable(),
    labels: z.array(z.string()),
    openedAt: z.date(),
    issueUpdatedAt: z.date(),
    startedAt: z.date().nullable(),
    doneAt: z.date().nullable(),
    leadMs: ms,
    cycleMs: ms,
    timeInStatus: z.record(z.string(), z.number()),
  })
  .meta({ id: 'DeliveryJiraIssue' });

export const jiraHistorySchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    issueKey: z.string(),
    historyId: z.string(),
    itemIndex: z.number().int(),
    changedAt: z.date(),
    authorHandle: z.string().nullable(),
    authorName: z.string().nullable(),
    field: z.string(),
    fromValue: z.string().nullable(),
    fromString: z.string().nullable(),
    toValue: z.string().nullable(),
    toString: z.string().nullable(),
  })
  .meta({ id: 'DeliveryJiraChange' });

export const contributionSchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    personKey: z
      .string()
      .describe('The mapped person’s id, else an email, else `gitlab:<username>` or `jira:<accountId>`'),
    personName: z.string().nullable(),
    team: z.string().nullable(),
    month: z.string().describe('YYYY-MM, UTC'),
    mrsOpened: z.number().int(),
    mrsMerged: z.number().int(),
    reviews: z.number().int(),
    comments: z.number().int(),
    commits: z.number().int(),
    issuesResolved: z.number().int(),
  })
  .meta({ id: 'DeliveryMonthlyContribution' });
