import { describe, expect, it } from 'vitest';
import { deliveryReport } from './report.ts';
import { fixtureBundles, fixtureDeployments, fixtureIssues, nth } from './test-helpers.ts';

const hour = 3_600_000;
const day = 24 * hour;

const input = () => ({
  bundles: fixtureBundles(),
  deployments: fixtureDeployments(),
  jiraIssues: fixtureIssues(),
  categories: { inProgress: ['In Progress'], done: ['Done'] },
  incidentTypes: ['incident'],
  asOf: new Date('2024-03-07T00:00:00.000Z'),
});

describe('deliveryReport', () => {
  it('gives merge request stage percentiles over the merge requests that have them', () => {
    const report = deliveryReport(input());
    expect(report.mergeRequests).toMatchObject({ count: 3, merged: 2 });
    // Lead times 25 h and 30 h.
    expect(report.mergeRequests.stages.leadMs).toEqual({
      p50: 27.5 * hour,
      p75: 28.75 * hour,
      p90: 29.5 * hour,
      sample: 2,
    });
    expect(report.mergeRequests.stages.codingMs).toMatchObject({ p50: 2 * hour, sample: 2 });
    expect(report.mergeRequests.stages.changeLeadMs).toEqual({
      p50: 31.5 * hour,
      p75: 31.5 * hour,
      p90: 31.5 * hour,
      sample: 1,
    });
  });

  it('gives Jira lead and cycle percentiles and monthly throughput', () => {
    const { jira } = deliveryReport(input());
    expect(jira).toMatchObject({ count: 4, done: 2, throughput: [{ month: '2024-03', done: 2 }] });
    expect(jira.leadMs).toEqual({
      p50: 2.5 * day + hour,
      p75: 3.75 * day + 0.5 * hour,
      p90: 4.5 * day + 0.2 * hour,
      sample: 2,
    });
    expect(jira.cycleMs).toMatchObject({ p50: 4 * day, sample: 1 });
  });

  it('computes DORA keys over the data up to asOf, incidents by issue type', () => {
    const { dora } = deliveryReport(input());
    // From SHIP-1's creation (1 March 08:00 UTC) to asOf: 5 days 16 hours.
    expect(dora.from).toBe('2024-03-01T08:00:00.000Z');
    expect(dora.to).toBe('2024-03-07T00:00:00.000Z');
    expect(dora.deploymentFrequency.value).toBeCloseTo(1 / (5 + 16 / 24), 10);
    expect(dora.changeFailureRate).toMatchObject({ value: 1, sample: 2 });
  });

  it('lists monthly contributions by email, else source and handle', () => {
    const keys = deliveryReport(input()).contributions.map((row) => row.personKey);
    expect(keys).toEqual([
      'alice@example.com',
      'bob@example.com',
      'gitlab:alice',
      'gitlab:bob',
      'gitlab:carol',
    ]);
  });

  it('asks which project deployments belong to when merge requests span several', () => {
    const bundles = fixtureBundles();
    const other = { ...nth(bundles, 2), project_id: 7 };
    expect(() => deliveryReport({ ...input(), bundles: [...bundles, other] })).toThrow(
      /2 projects \(42, 7\)/,
    );
    const report = deliveryReport({ ...input(), bundles: [...bundles, other], gitlabProjectId: 42 });
    expect(report.dora.changeFailureRate.sample).toBe(2);
  });
});
