import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { appendEvent } from '../../core/events/append.ts';
import type { Scope } from '../../core/resource/scope.ts';
import type { Transaction } from '../../db/connection.ts';
import { parseDeployments, parseJiraIssues, parseMergeRequestBundles } from '../../engines/delivery/index.ts';
import { refreshDerived } from './derive.ts';
import { measureQualityGates } from './gates.ts';
import { ingestDeployments, ingestJiraIssues, ingestMergeRequests } from './ingest.ts';
import type { importAnswerSchema, importBodySchema } from './metrics-contracts.ts';
import { settingsOf } from './settings.ts';
import { gitlabMrLeadTimes } from './tables.ts';

// Offline import: the same API JSON a sync reads, sent as files by people whose Shipshape cannot
// reach their GitLab or Jira. All or nothing: any item that does not parse refuses the whole import.

type ImportBody = z.output<typeof importBodySchema>;

function validate(body: ImportBody): void {
  const checks = [
    ['gitlabMergeRequests', body.gitlabMergeRequests, parseMergeRequestBundles],
    ['gitlabDeployments', body.gitlabDeployments, parseDeployments],
    ['jiraIssues', body.jiraIssues, parseJiraIssues],
  ] as const;
  const errors = checks.flatMap(([name, items, parse]) => {
    if (!items) return [];
    const result = parse(items);
    return result.ok
      ? []
      : result.errors.map((error) => ({ path: `${name}.${error.path}`, message: error.message }));
  });
  if (errors.length > 0)
    throw new AppError('unprocessable', 'The import holds items that are not GitLab or Jira API payloads.', {
      errors: errors.slice(0, 100),
    });
}

/**
 * The GitLab project deployments without a `project_id` belong to: the one project of the imported
 * (else the stored) merge requests, when there is exactly one.
 */
async function soleGitlabProject(
  tx: Transaction,
  projectId: string,
  body: ImportBody,
): Promise<number | null> {
  const imported = new Set(
    (body.gitlabMergeRequests ?? []).flatMap((item) =>
      typeof item === 'object' && item !== null && 'project_id' in item ? [Number(item.project_id)] : [],
    ),
  );
  if (imported.size === 1) return [...imported][0] ?? null;
  if (imported.size > 1) return null;
  const stored = await tx
    .selectDistinct({ id: gitlabMrLeadTimes.gitlabProjectId })
    .from(gitlabMrLeadTimes)
    .where(eq(gitlabMrLeadTimes.projectId, projectId))
    .limit(2);
  return stored.length === 1 ? (stored[0]?.id ?? null) : null;
}

/** Writes the import in the caller's transaction (with its Idempotency-Key, when one was sent). */
export async function importDelivery(
  tx: Transaction,
  scope: Scope,
  projectId: string,
  body: ImportBody,
): Promise<z.input<typeof importAnswerSchema>> {
  validate(body);
  const target = { workspaceId: scope.ctx.workspaceId, projectId, sourceId: null };
  {
    const settings = await settingsOf(tx, projectId);
    const mergeRequests = await ingestMergeRequests(tx, target, body.gitlabMergeRequests ?? []);
    const deployments = await ingestDeployments(
      tx,
      target,
      await soleGitlabProject(tx, projectId, body),
      body.gitlabDeployments ?? [],
      settings,
    );
    const jiraIssues = await ingestJiraIssues(tx, target, body.jiraIssues ?? [], settings, new Date());
    await refreshDerived(tx, scope.ctx.workspaceId, projectId);
    await measureQualityGates(tx, scope, projectId);
    const counts = (outcome: { created: number; updated: number }) => ({
      created: outcome.created,
      updated: outcome.updated,
    });
    const answer = {
      mergeRequests: counts(mergeRequests),
      deployments: counts(deployments),
      jiraIssues: counts(jiraIssues),
    };
    await appendEvent(tx, scope, {
      eventType: 'delivery_import.created',
      aggregateType: 'delivery_import',
      aggregateId: projectId,
      changes: {},
      data: answer,
    });
    return answer;
  }
}
