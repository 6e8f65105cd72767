import type { Executor } from '../../db/connection.ts';
import {
  deployment,
  jiraHistory,
  jiraLeadTime,
  mergeRequestContributions,
  mergeRequestLeadTime,
  type ParseError,
  parseDeployments,
  parseJiraIssues,
  parseMergeRequestBundles,
  toUtcIso,
} from '../../engines/delivery/index.ts';
import type { DeliverySettings } from './settings.ts';
import {
  type Target,
  type WriteCounts,
  writeDeployments,
  writeJiraIssues,
  writeMergeRequests,
} from './store.ts';

// One page of remote payloads (or one imported file) through the engine into the tables. A sync
// keeps what it can: an item that does not parse is reported and skipped, the rest are written.

export interface PageOutcome extends WriteCounts {
  /** The latest `updated` time among the page's items, ISO; null for an empty page. */
  latest: string | null;
  errors: ParseError[];
}

/** Parses each item on its own, so one bad item costs only itself; paths are `<index>.<field>`. */
function eachParsed<T>(
  items: unknown[],
  parse: (json: unknown) => { ok: true; value: T[] } | { ok: false; errors: ParseError[] },
) {
  const parsed: T[] = [];
  const errors: ParseError[] = [];
  items.forEach((item, index) => {
    const result = parse([item]);
    if (result.ok) parsed.push(...result.value);
    else
      errors.push(
        ...result.errors.map((error) => ({ ...error, path: `${index}${error.path.replace(/^0/, '')}` })),
      );
  });
  return { parsed, errors };
}

function latestOf(times: string[]): string | null {
  let latest: string | null = null;
  for (const time of times) if (latest === null || Date.parse(time) > Date.parse(latest)) latest = time;
  return latest;
}

export async function ingestMergeRequests(
  db: Executor,
  target: Target,
  items: unknown[],
): Promise<PageOutcome> {
  const { parsed, errors } = eachParsed(items, parseMergeRequestBundles);
  const written = await writeMergeRequests(
    db,
    target,
    parsed.map((bundle) => mergeRequestLeadTime(bundle, [])),
    parsed.flatMap((bundle) => mergeRequestContributions(bundle)),
  );
  return { ...written, errors, latest: latestOf(parsed.map((bundle) => bundle.updated_at)) };
}

export async function ingestDeployments(
  db: Executor,
  target: Target,
  /** The GitLab project of items that do not say theirs (the deployments API does not). */
  fallbackProjectId: number | null,
  items: unknown[],
  settings: DeliverySettings,
): Promise<PageOutcome> {
  const { parsed, errors } = eachParsed(items, parseDeployments);
  const written = await writeDeployments(
    db,
    target,
    parsed.map((item) =>
      deployment(item, projectIdOf(item) ?? fallbackProjectId ?? 0, settings.productionEnvironments),
    ),
  );
  return { ...written, errors, latest: latestOf(parsed.map((item) => item.updated_at)) };
}

/** An imported deployment may say its project (`project_id`). */
function projectIdOf(item: object): number | null {
  const id = 'project_id' in item ? Number(item.project_id) : Number.NaN;
  return Number.isInteger(id) ? id : null;
}

export async function ingestJiraIssues(
  db: Executor,
  target: Target,
  items: unknown[],
  settings: DeliverySettings,
  asOf: Date,
): Promise<PageOutcome> {
  const { parsed, errors } = eachParsed(items, parseJiraIssues);
  const categories = { inProgress: settings.inProgressStatuses, done: settings.doneStatuses };
  const written = await writeJiraIssues(
    db,
    target,
    parsed.map((issue) => jiraLeadTime(issue, categories, asOf)),
    parsed.flatMap((issue) => jiraHistory(issue)),
  );
  return {
    ...written,
    errors,
    latest: latestOf(parsed.flatMap((issue) => toUtcIso(issue.fields.updated) ?? [])),
  };
}
