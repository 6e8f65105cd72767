import { and, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Scope } from '../../core/resource/scope.ts';
import { type DoraKeys, doraKeys } from '../../engines/delivery/dora.ts';
import type { Deployment, MergeRequestLeadTime } from '../../engines/delivery/model.ts';
import { analyticalRead, windowOf } from './metrics.ts';
import { settingsOf } from './settings.ts';
import { gitlabDeployments, gitlabMrLeadTimes, jiraLeadTimes } from './tables.ts';

// DORA's four keys for a project: the engine's definitions over the rows of the window (deployments
// finished in it, MRs first deployed in it, incidents raised or resolved in it).

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

function asDeployment(row: typeof gitlabDeployments.$inferSelect): Deployment {
  return {
    deploymentKey: row.deploymentKey,
    gitlabProjectId: row.gitlabProjectId,
    environment: row.environment,
    production: row.production,
    status: deploymentStatus(row.status),
    ref: row.ref,
    sha: row.sha,
    createdAt: row.deployedAt.toISOString(),
    finishedAt: iso(row.finishedAt),
  };
}

const statuses = ['success', 'failed', 'canceled', 'running', 'created', 'blocked', 'skipped'] as const;
function deploymentStatus(status: string): Deployment['status'] {
  return statuses.find((known) => known === status) ?? 'created';
}

function asLeadTime(row: typeof gitlabMrLeadTimes.$inferSelect): MergeRequestLeadTime {
  return {
    mrKey: row.mrKey,
    gitlabProjectId: row.gitlabProjectId,
    iid: row.iid,
    title: row.title,
    webUrl: row.webUrl,
    state: row.state === 'merged' || row.state === 'closed' || row.state === 'locked' ? row.state : 'opened',
    author: { handle: row.authorHandle, source: 'gitlab', name: row.authorName, email: null },
    targetBranch: row.targetBranch,
    labels: row.labels,
    createdAt: row.openedAt.toISOString(),
    updatedAt: row.mrUpdatedAt.toISOString(),
    firstCommitAt: iso(row.firstCommitAt),
    firstReviewAt: iso(row.firstReviewAt),
    approvedAt: iso(row.approvedAt),
    mergedAt: iso(row.mergedAt),
    firstDeployAt: iso(row.firstDeployAt),
    codingMs: row.codingMs,
    pickupMs: row.pickupMs,
    reviewMs: row.reviewMs,
    deployMs: row.deployMs,
    leadMs: row.leadMs,
    changeLeadMs: row.changeLeadMs,
    reviewerCount: row.reviewerCount,
    commitCount: row.commitCount,
    noteCount: row.noteCount,
  };
}

export async function doraOf(
  scope: Scope,
  projectId: string,
  query: { from?: string; to?: string },
): Promise<DoraKeys> {
  const { from, to } = windowOf(query);
  return analyticalRead(scope, async (db) => {
    const settings = await settingsOf(db, projectId);
    // A day of deployments after the window too: whether the last ones were followed by an incident.
    const deployments = await db
      .select()
      .from(gitlabDeployments)
      .where(
        and(
          eq(gitlabDeployments.projectId, projectId),
          eq(gitlabDeployments.production, true),
          gte(gitlabDeployments.finishedAt, from),
          lt(gitlabDeployments.finishedAt, new Date(to.getTime() + 86_400_000)),
        ),
      );
    const leadTimes = await db
      .select()
      .from(gitlabMrLeadTimes)
      .where(
        and(
          eq(gitlabMrLeadTimes.projectId, projectId),
          gte(gitlabMrLeadTimes.firstDeployAt, from),
          lt(gitlabMrLeadTimes.firstDeployAt, to),
        ),
      );
    const incidentTypes = settings.incidentIssueTypes.map((type) => type.toLowerCase());
    const incidents =
      incidentTypes.length === 0
        ? []
        : await db
            .select({ createdAt: jiraLeadTimes.openedAt, doneAt: jiraLeadTimes.doneAt })
            .from(jiraLeadTimes)
            .where(
              and(
                eq(jiraLeadTimes.projectId, projectId),
                inArray(sql`lower(${jiraLeadTimes.issueType})`, incidentTypes),
                or(
                  and(
                    gte(jiraLeadTimes.openedAt, from),
                    lt(jiraLeadTimes.openedAt, new Date(to.getTime() + 86_400_000)),
                  ),
                  and(
                    isNotNull(jiraLeadTimes.doneAt),
                    gte(jiraLeadTimes.doneAt, from),
                    lt(jiraLeadTimes.doneAt, to),
                  ),
                ),
              ),
            );
    return doraKeys({
      deployments: deployments.map(asDeployment),
      leadTimes: leadTimes.map(asLeadTime),
      incidents: incidents.map((incident) => ({
        createdAt: incident.createdAt.toISOString(),
        doneAt: iso(incident.doneAt),
      })),
      from: from.toISOString(),
      to: to.toISOString(),
    });
  });
}
