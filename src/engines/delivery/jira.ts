import type { JiraHistory, JiraIssue, JiraUser } from './jira-shapes.ts';
import type { Identity, JiraHistoryItem, JiraLeadTime, StatusCategories } from './model.ts';
import { msBetween } from './time.ts';

// A Jira issue's path through its statuses, read from its changelog. Status names are compared
// case-insensitively and kept as Jira spells them.

export function jiraIdentity(user: JiraUser | null | undefined): Identity | null {
  const handle = user?.accountId ?? user?.name ?? user?.displayName;
  if (user === null || user === undefined || handle === undefined) return null;
  return { handle, source: 'jira', name: user.displayName ?? null, email: user.emailAddress ?? null };
}

/** Every item of every changelog entry, in the order Jira gives them. */
export function jiraHistory(issue: JiraIssue): JiraHistoryItem[] {
  return issue.changelog.histories.flatMap((history) =>
    history.items.map((item, itemIndex) => ({
      issueKey: issue.key,
      historyId: history.id,
      itemIndex,
      changedAt: history.created,
      author: jiraIdentity(history.author),
      field: item.field,
      fromValue: item.from ?? null,
      fromString: item.fromString ?? null,
      toValue: item.to ?? null,
      toString: item.toString ?? null,
    })),
  );
}

interface StatusChange {
  at: string;
  from: string | null;
  to: string;
  author: JiraHistory['author'];
}

/** The status changes of the changelog, oldest first (entries with equal times keep their order). */
function statusChanges(issue: JiraIssue): StatusChange[] {
  const changes = issue.changelog.histories.flatMap((history) =>
    history.items
      .filter((item) => item.field.toLowerCase() === 'status' && typeof item.toString === 'string')
      .map((item) => ({
        at: history.created,
        from: item.fromString ?? null,
        to: item.toString ?? '',
        author: history.author,
      })),
  );
  return changes.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

const lower = (names: string[]) => new Set(names.map((name) => name.toLowerCase()));

/**
 * Which statuses count as started and as done. Configured names win; without them, Jira's own
 * category is used, which the payload gives for the current status only.
 */
function statusSets(issue: JiraIssue, categories: StatusCategories) {
  const current = issue.fields.status;
  const fallback = (key: string) => (current.statusCategory.key === key ? [current.name] : []);
  return {
    inProgress: lower(categories.inProgress.length > 0 ? categories.inProgress : fallback('indeterminate')),
    done: lower(categories.done.length > 0 ? categories.done : fallback('done')),
  };
}

/** Milliseconds per status from `createdAt` to `end`, summed over visits, keyed as first spelled. */
function timeInStatus(createdAt: string, initial: string, changes: StatusChange[], end: string) {
  const totals: Record<string, number> = {};
  const spelling = new Map<string, string>();
  const endMs = Date.parse(end);
  const add = (status: string, from: string, to: string | null) => {
    const key = spelling.get(status.toLowerCase()) ?? status;
    spelling.set(status.toLowerCase(), key);
    const start = Math.min(Date.parse(from), endMs);
    const stop = Math.min(to === null ? endMs : Date.parse(to), endMs);
    totals[key] = (totals[key] ?? 0) + Math.max(0, stop - start);
  };
  let status = initial;
  let since = createdAt;
  for (const change of changes) {
    add(status, since, change.at);
    status = change.to;
    since = change.at;
  }
  add(status, since, null);
  return totals;
}

export function jiraLeadTime(issue: JiraIssue, categories: StatusCategories, asOf: Date): JiraLeadTime {
  const { fields } = issue;
  const changes = statusChanges(issue);
  const sets = statusSets(issue, categories);
  const initial = changes[0]?.from ?? fields.status.name;
  const currentIsDone = sets.done.has(fields.status.name.toLowerCase());
  const intoDone = changes.filter((change) => sets.done.has(change.to.toLowerCase()));
  const lastIntoDone = intoDone.at(-1);
  // Created directly in done, there is no move to time: Jira's resolution date stands in.
  const doneAt = !currentIsDone ? null : (lastIntoDone?.at ?? fields.resolutiondate ?? null);
  // An issue created in an in-progress status started when it was created.
  const startedAt = sets.inProgress.has(initial.toLowerCase())
    ? fields.created
    : (changes.find((change) => sets.inProgress.has(change.to.toLowerCase()))?.at ?? null);
  const currentInProgress =
    sets.inProgress.has(fields.status.name.toLowerCase()) ||
    fields.status.statusCategory.key === 'indeterminate';
  return {
    issueKey: issue.key,
    issueId: issue.id,
    summary: fields.summary,
    issueType: fields.issuetype.name,
    status: fields.status.name,
    statusCategory: doneAt !== null ? 'done' : currentInProgress ? 'in_progress' : 'new',
    assignee: jiraIdentity(fields.assignee),
    reporter: jiraIdentity(fields.reporter),
    labels: fields.labels ?? [],
    createdAt: fields.created,
    updatedAt: fields.updated,
    startedAt,
    doneAt,
    leadMs: msBetween(fields.created, doneAt),
    cycleMs: msBetween(startedAt, doneAt),
    timeInStatus: timeInStatus(fields.created, initial, changes, doneAt ?? asOf.toISOString()),
    resolvedBy: doneAt !== null && lastIntoDone !== undefined ? jiraIdentity(lastIntoDone.author) : null,
  };
}
