import fs from 'node:fs';
import path from 'node:path';
import { parseDeployments, parseMergeRequestBundles } from './gitlab-shapes.ts';
import { parseJiraIssues } from './jira-shapes.ts';
import type { ParseResult } from './parse-result.ts';

// The fixtures follow the example responses of the APIs' own docs:
// https://docs.gitlab.com/api/merge_requests/ (merge requests, their commits),
// https://docs.gitlab.com/api/notes/ (notes), https://docs.gitlab.com/api/deployments/ (deployments),
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/ (issues with changelog).

export const fixtureJson = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8'));

export function parsedValue<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

export const fixtureBundles = () => parsedValue(parseMergeRequestBundles(fixtureJson('merge-requests.json')));
export const fixtureDeployments = () => parsedValue(parseDeployments(fixtureJson('deployments.json')));
export const fixtureIssues = () => parsedValue(parseJiraIssues(fixtureJson('jira-issues.json')));

/** Reads the n-th item of a fixture list, failing the test when it is missing. */
export function nth<T>(items: T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`fixture has no item ${index}`);
  return item;
}
