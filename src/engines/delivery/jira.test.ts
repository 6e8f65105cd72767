import { describe, expect, it } from 'vitest';
import { jiraHistory, jiraLeadTime } from './jira.ts';
import type { JiraIssue } from './jira-shapes.ts';
import type { StatusCategories } from './model.ts';
import { fixtureIssues, nth } from './test-helpers.ts';

// Fixture shape: https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/
// (GET /rest/api/3/search/jql?expand=changelog).

const hour = 3_600_000;
const day = 24 * hour;
const asOf = new Date('2024-03-07T00:00:00.000Z');
// Names compared case-insensitively: the fixture says "Done".
const categories: StatusCategories = { inProgress: ['in progress', 'In Review'], done: ['DONE'] };
const issue = (index: number) => nth(fixtureIssues(), index);
const leadOf = (index: number, chosen = categories) => jiraLeadTime(issue(index), chosen, asOf);

describe('jiraHistory', () => {
  it('lists every item of every entry, with its position in the entry', () => {
    const items = jiraHistory(issue(0));
    expect(items.map((item) => [item.historyId, item.itemIndex, item.field])).toEqual([
      ['104', 0, 'status'],
      ['103', 0, 'status'],
      ['103', 1, 'resolution'],
      ['102', 0, 'status'],
      ['102', 1, 'resolution'],
      ['101', 0, 'status'],
    ]);
    expect(items[2]).toEqual({
      issueKey: 'SHIP-1',
      historyId: '103',
      itemIndex: 1,
      changedAt: '2024-03-05T08:00:00.000Z',
      author: {
        handle: '5b10ac8d82e05b22cc7d4ef5',
        source: 'jira',
        name: 'Bob Baker',
        email: 'bob@example.com',
      },
      field: 'resolution',
      fromValue: '10000',
      fromString: 'Done',
      toValue: null,
      toString: null,
    });
  });
});

describe('jiraLeadTime', () => {
  it('times a reopened issue from its first start to its last move into done', () => {
    expect(leadOf(0)).toMatchObject({
      issueKey: 'SHIP-1',
      status: 'Done',
      statusCategory: 'done',
      createdAt: '2024-03-01T08:00:00.000Z',
      startedAt: '2024-03-02T08:00:00.000Z',
      doneAt: '2024-03-06T08:00:00.000Z',
      leadMs: 5 * day,
      cycleMs: 4 * day,
      resolvedBy: { handle: '5b10ac8d82e05b22cc7d4ef5', name: 'Bob Baker' },
      assignee: { handle: '5b10a2844c20165700ede21g', email: 'alice@example.com' },
    });
  });

  it('sums time in each status over visits, up to done', () => {
    expect(leadOf(0).timeInStatus).toEqual({ 'To Do': day, 'In Progress': 3 * day, Done: day });
  });

  it('takes the resolution date of an issue created in done', () => {
    expect(leadOf(1)).toMatchObject({
      statusCategory: 'done',
      startedAt: null,
      doneAt: '2024-03-03T12:00:00.000Z',
      leadMs: 2 * hour,
      cycleMs: null,
      resolvedBy: null,
      timeInStatus: { Done: 2 * hour },
      assignee: null,
    });
  });

  it('times an issue in progress up to asOf', () => {
    expect(leadOf(2)).toMatchObject({
      statusCategory: 'in_progress',
      startedAt: '2024-03-05T21:00:00.000Z',
      doneAt: null,
      leadMs: null,
      cycleMs: null,
      timeInStatus: { 'To Do': hour, 'In Progress': 27 * hour },
    });
  });

  it('leaves a never-started issue new, ignoring changes to other fields', () => {
    expect(leadOf(3)).toMatchObject({
      createdAt: '2024-03-04T17:00:00.000Z',
      statusCategory: 'new',
      startedAt: null,
      doneAt: null,
      timeInStatus: { 'To Do': 55 * hour },
    });
  });

  it("uses Jira's status categories when none are configured", () => {
    const none: StatusCategories = { inProgress: [], done: [] };
    expect(leadOf(0, none)).toMatchObject({ doneAt: '2024-03-06T08:00:00.000Z', leadMs: 5 * day });
    // The payload gives the category of the current status only: a done issue's past statuses are unknown.
    expect(leadOf(0, none)).toMatchObject({ startedAt: null, cycleMs: null });
    expect(leadOf(2, none)).toMatchObject({
      statusCategory: 'in_progress',
      startedAt: '2024-03-05T21:00:00.000Z',
    });
  });

  it('has no start for an issue moved straight to done', () => {
    const neverStarted = issue(3);
    const straightToDone: JiraIssue = {
      ...neverStarted,
      fields: { ...neverStarted.fields, status: { name: 'Done', statusCategory: { key: 'done' } } },
      changelog: {
        histories: [
          {
            id: '402',
            created: '2024-03-05T17:00:00.000Z',
            items: [{ field: 'status', from: '10000', fromString: 'To Do', to: '10001', toString: 'Done' }],
          },
        ],
      },
    };
    expect(jiraLeadTime(straightToDone, categories, asOf)).toMatchObject({
      startedAt: null,
      doneAt: '2024-03-05T17:00:00.000Z',
      leadMs: day,
      cycleMs: null,
      resolvedBy: null,
      timeInStatus: { 'To Do': day },
    });
  });

  it('is not done when reopened: time runs to asOf, the first start stays', () => {
    const reopened = issue(0);
    const histories = reopened.changelog.histories.filter((history) => history.id !== '104');
    const stillOpen: JiraIssue = {
      ...reopened,
      fields: {
        ...reopened.fields,
        status: { name: 'In Progress', statusCategory: { key: 'indeterminate' } },
      },
      changelog: { histories },
    };
    expect(jiraLeadTime(stillOpen, categories, asOf)).toMatchObject({
      statusCategory: 'in_progress',
      startedAt: '2024-03-02T08:00:00.000Z',
      doneAt: null,
      resolvedBy: null,
      // In Progress: 2 days, then again from 5 March 08:00 to asOf (40 hours).
      timeInStatus: { 'To Do': day, 'In Progress': 2 * day + 40 * hour, Done: day },
    });
  });
});
