import { monthOf } from './metrics.ts';
import type { Identity, JiraLeadTime, MergeRequestContribution, MergeRequestLeadTime } from './model.ts';

// Each person's contributions per month. The server computes the same in SQL; this is the offline
// report's version and the reference its tests compare against.

export interface MonthlyContribution {
  personKey: string;
  /** `YYYY-MM`, UTC. */
  month: string;
  mrsOpened: number;
  mrsMerged: number;
  /** Merge requests the person reviewed or approved, counted once each, in the month they first did. */
  reviews: number;
  /** Notes on others' merge requests and on their own. */
  comments: number;
  commits: number;
  issuesResolved: number;
}

type Counter = Exclude<keyof MonthlyContribution, 'personKey' | 'month'>;

export function monthlyContributions(
  contributions: MergeRequestContribution[],
  leadTimes: MergeRequestLeadTime[],
  jira: JiraLeadTime[],
  personKey: (identity: Identity) => string,
): MonthlyContribution[] {
  const rows = new Map<string, MonthlyContribution>();
  const add = (person: Identity, at: string, counter: Counter, amount: number) => {
    const key = personKey(person);
    const month = monthOf(at);
    const rowKey = `${key}\u0000${month}`;
    const row = rows.get(rowKey) ?? {
      personKey: key,
      month,
      mrsOpened: 0,
      mrsMerged: 0,
      reviews: 0,
      comments: 0,
      commits: 0,
      issuesResolved: 0,
    };
    row[counter] += amount;
    rows.set(rowKey, row);
  };

  for (const mr of leadTimes) {
    add(mr.author, mr.createdAt, 'mrsOpened', 1);
    if (mr.mergedAt !== null) add(mr.author, mr.mergedAt, 'mrsMerged', 1);
  }
  for (const part of contributions) {
    if (part.role === 'reviewer' || part.role === 'commenter')
      add(part.person, part.firstAt, 'comments', part.count);
    if (part.role === 'committer') add(part.person, part.firstAt, 'commits', part.count);
  }
  for (const review of firstReviews(contributions, personKey))
    add(review.person, review.firstAt, 'reviews', 1);
  for (const issue of jira) {
    if (issue.resolvedBy !== null && issue.doneAt !== null)
      add(issue.resolvedBy, issue.doneAt, 'issuesResolved', 1);
  }
  return [...rows.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || a.personKey.localeCompare(b.personKey),
  );
}

/** Each person's earliest review or approval of each merge request. */
function firstReviews(contributions: MergeRequestContribution[], personKey: (identity: Identity) => string) {
  const first = new Map<string, MergeRequestContribution>();
  for (const part of contributions) {
    if (part.role !== 'reviewer' && part.role !== 'approver') continue;
    const key = `${personKey(part.person)}\u0000${part.mrKey}`;
    const seen = first.get(key);
    if (seen === undefined || Date.parse(part.firstAt) < Date.parse(seen.firstAt)) first.set(key, part);
  }
  return [...first.values()];
}
