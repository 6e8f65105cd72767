import { describe, expect, it } from 'vitest';
import { jiraLeadTime } from './jira.ts';
import { deployment, mergeRequestContributions, mergeRequestLeadTime } from './merge-requests.ts';
import type { MergeRequestContribution } from './model.ts';
import { monthlyContributions } from './monthly.ts';
import { defaultPersonKey } from './report.ts';
import { fixtureBundles, fixtureDeployments, fixtureIssues } from './test-helpers.ts';

const zero = { mrsOpened: 0, mrsMerged: 0, reviews: 0, comments: 0, commits: 0, issuesResolved: 0 };

function fixtureRows() {
  const deployments = fixtureDeployments().map((d) => deployment(d, 42));
  const bundles = fixtureBundles();
  const issues = fixtureIssues().map((issue) =>
    jiraLeadTime(issue, { inProgress: ['In Progress'], done: ['Done'] }, new Date('2024-03-07T00:00:00Z')),
  );
  return monthlyContributions(
    bundles.flatMap(mergeRequestContributions),
    bundles.map((bundle) => mergeRequestLeadTime(bundle, deployments)),
    issues,
    defaultPersonKey,
  );
}

describe('monthlyContributions', () => {
  it("counts each person's merge requests, reviews, comments, commits and resolved issues", () => {
    expect(fixtureRows()).toEqual([
      // Commit emails and Jira emails meet under the email; GitLab users under source:handle.
      { ...zero, personKey: 'alice@example.com', month: '2024-03', commits: 2 },
      { ...zero, personKey: 'bob@example.com', month: '2024-03', commits: 2, issuesResolved: 1 },
      {
        ...zero,
        personKey: 'gitlab:alice',
        month: '2024-03',
        mrsOpened: 1,
        mrsMerged: 1,
        reviews: 1,
        comments: 1,
      },
      {
        ...zero,
        personKey: 'gitlab:bob',
        month: '2024-03',
        mrsOpened: 1,
        mrsMerged: 1,
        reviews: 1,
        comments: 2,
      },
      { ...zero, personKey: 'gitlab:carol', month: '2024-03', mrsOpened: 1, reviews: 1, comments: 1 },
    ]);
  });

  it('counts a merge request reviewed and approved once, in the month of the first', () => {
    const bob = { handle: 'bob', source: 'gitlab' as const, name: 'Bob', email: null };
    const parts: MergeRequestContribution[] = [
      { mrKey: '42!9', person: bob, role: 'reviewer', count: 3, firstAt: '2024-04-01T00:30:00+01:00' },
      { mrKey: '42!9', person: bob, role: 'approver', count: 1, firstAt: '2024-04-02T00:00:00Z' },
    ];
    expect(monthlyContributions(parts, [], [], (identity) => identity.handle)).toEqual([
      // 1 April 00:30 at +01:00 is still March in UTC.
      { ...zero, personKey: 'bob', month: '2024-03', reviews: 1, comments: 3 },
    ]);
  });
});
