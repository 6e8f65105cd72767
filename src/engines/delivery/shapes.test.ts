import { describe, expect, it } from 'vitest';
import { parseDeployments, parseMergeRequestBundles } from './gitlab-shapes.ts';
import { parseJiraIssues } from './jira-shapes.ts';
import { fixtureBundles, fixtureDeployments, fixtureIssues, fixtureJson, nth } from './test-helpers.ts';
import { toUtcIso } from './time.ts';

// Fixture shapes: https://docs.gitlab.com/api/merge_requests/, https://docs.gitlab.com/api/notes/,
// https://docs.gitlab.com/api/deployments/,
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/

/** A copy of a fixture changed by `edit`. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into the fixture's JSON freely
function edited(name: string, edit: (json: any) => void): unknown {
  const json = fixtureJson(name);
  edit(json);
  return json;
}

describe('reading times', () => {
  it("reads Jira's offsets without a colon into UTC", () => {
    expect(toUtcIso('2024-01-15T10:30:00.000+0100')).toBe('2024-01-15T09:30:00.000Z');
    expect(toUtcIso('2024-03-04T12:00:00.000-0500')).toBe('2024-03-04T17:00:00.000Z');
    expect(toUtcIso('2024-01-15T10:30:00.000+0530')).toBe('2024-01-15T05:00:00.000Z');
  });

  it('reads colon offsets and Z, and refuses what is not a time', () => {
    expect(toUtcIso('2024-03-04T07:00:00.000+01:00')).toBe('2024-03-04T06:00:00.000Z');
    expect(toUtcIso('2024-03-04T07:00:00Z')).toBe('2024-03-04T07:00:00.000Z');
    expect(toUtcIso('yesterday')).toBeNull();
  });
});

describe('parsing GitLab payloads', () => {
  it('reads merge requests with their commits and notes, times in UTC, extra fields kept', () => {
    const bundles = fixtureBundles();
    expect(bundles).toHaveLength(3);
    const first = nth(bundles, 0);
    expect(first.commits).toHaveLength(3);
    expect(first.notes).toHaveLength(6);
    expect(nth(first.commits ?? [], 2).created_at).toBe('2024-03-04T06:00:00.000Z');
    expect(first.source_branch).toBe('feature-1');
    expect(nth(bundles, 2).commits).toBeUndefined();
  });

  it('names the path of every problem', () => {
    const bad = edited('merge-requests.json', (mrs) => {
      mrs[1].notes[0].created_at = 'yesterday';
      delete mrs[0].title;
      mrs[2].state = 'reopened';
    });
    const result = parseMergeRequestBundles(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.path).sort()).toEqual([
      '0.title',
      '1.notes.0.created_at',
      '2.state',
    ]);
    expect(result.errors.find((error) => error.path === '1.notes.0.created_at')?.message).toContain(
      'yesterday',
    );
  });

  it('refuses a file that is not an array', () => {
    const result = parseMergeRequestBundles({ id: 1 });
    expect(result).toMatchObject({ ok: false, errors: [{ path: '' }] });
  });

  it('reads deployments; finished_at may be absent', () => {
    const deployments = fixtureDeployments();
    expect(deployments.map((d) => d.finished_at)).toEqual([
      '2024-03-05T13:30:00.000Z',
      '2024-03-05T12:30:00.000Z',
      undefined,
    ]);
    const bad = parseDeployments(edited('deployments.json', (ds) => (ds[2].environment = null)));
    expect(bad).toMatchObject({ ok: false, errors: [{ path: '2.environment' }] });
  });
});

describe('parsing Jira issues', () => {
  it('reads a search response, times normalised to UTC', () => {
    const issues = fixtureIssues();
    expect(issues.map((issue) => issue.key)).toEqual(['SHIP-1', 'SHIP-2', 'SHIP-3', 'SHIP-4']);
    expect(nth(issues, 0).fields.created).toBe('2024-03-01T08:00:00.000Z');
    expect(nth(nth(issues, 0).changelog.histories, 0).created).toBe('2024-03-06T08:00:00.000Z');
  });

  it('reads a bare array of issues', () => {
    const json = edited('jira-issues.json', () => undefined);
    const bare = typeof json === 'object' && json !== null && 'issues' in json ? json.issues : null;
    const result = parseJiraIssues(bare);
    expect(result.ok && result.value.length).toBe(4);
  });

  it('names the path of a problem inside a search response', () => {
    const bad = edited('jira-issues.json', (response) => {
      response.issues[2].fields.created = '15/01/2024';
      response.issues[0].changelog.histories[1].items[0].field = 7;
    });
    const result = parseJiraIssues(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.path).sort()).toEqual([
      'issues.0.changelog.histories.1.items.0.field',
      'issues.2.fields.created',
    ]);
  });

  it('names paths from the array itself for a bare array', () => {
    const result = parseJiraIssues([{ id: '1', key: 'SHIP-9' }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.path)).toEqual(['0.fields', '0.changelog']);
  });
});
