import { and, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Scope } from '../../core/resource/scope.ts';
import { type DoraKeys, doraKeys } from '../../engines/delivery/dora.ts';
import type { Deployment } from '../../engines/delivery/model.ts';
import { analyticalRead, windowOf } from './metrics.ts';
import { settingsOf } from './settings.ts';
import { gitlabDeployments, gitlabMrLeadTimes, jiraLeadTimes } from './tables.ts';

// DORA's four keys for a project: the engine's definitions over the rows of the window (deployments
// finished in it, MRs first deployed in it, incidents raised or resolved in it).

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

const statuses = ['success', 'failed', 'canceled', 'running', 'created', 'blocked', 'skipped'] as const;
function deploymentStatus(status: string): Deployment['status'] {
  return statuses.find((known) => known === status) ?? 'created';
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
      .select({
        production: gitlabDeployments.production,
        status: gitlabDeployments.status,
        finishedAt: gitlabDeployments.finishedAt,
      })
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
      .select({
        changeLeadMs: gitlabMrLeadTimes.changeLeadMs,
        firstDeployAt: gitlabMrLeadTimes.firstDeployAt,
      })
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
      deployments: deployments.map((row) => ({
        production: row.production,
        status: deploymentStatus(row.status),
        finishedAt: iso(row.finishedAt),
      })),
      leadTimes: leadTimes.map((row) => ({
        changeLeadMs: row.changeLeadMs,
        firstDeployAt: iso(row.firstDeployAt),
      })),
      incidents: incidents.map((incident) => ({
        createdAt: incident.createdAt.toISOString(),
        doneAt: iso(incident.doneAt),
      })),
      from: from.toISOString(),
      to: to.toISOString(),
    });
  });
}
