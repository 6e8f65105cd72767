import { describe, expect, it } from 'vitest';
import { doraKeys, type Incident } from './dora.ts';
import { jiraLeadTime } from './jira.ts';
import { deployment, mergeRequestLeadTime } from './merge-requests.ts';
import type { Deployment } from './model.ts';
import { fixtureBundles, fixtureDeployments, fixtureIssues, nth } from './test-helpers.ts';

const hour = 3_600_000;
const from = '2024-03-01T00:00:00.000Z';
const to = '2024-03-08T00:00:00.000Z';

function production(id: number, status: Deployment['status'], finishedAt: string): Deployment {
  return {
    deploymentKey: `42#${id}`,
    gitlabProjectId: 42,
    environment: 'production',
    production: true,
    status,
    ref: 'main',
    sha: 'd'.repeat(40),
    createdAt: finishedAt,
    finishedAt,
  };
}

describe('doraKeys', () => {
  it('computes the four keys from the fixtures', () => {
    const deployments = fixtureDeployments().map((d) => deployment(d, 42));
    const leadTimes = fixtureBundles().map((bundle) => mergeRequestLeadTime(bundle, deployments));
    const incidents = fixtureIssues()
      .map((issue) => jiraLeadTime(issue, { inProgress: ['In Progress'], done: ['Done'] }, new Date(to)))
      .filter((issue) => issue.issueType === 'Incident');
    const keys = doraKeys({ deployments, leadTimes, incidents, from, to });
    expect(keys.deploymentFrequency).toMatchObject({
      value: 1 / 7,
      deploysPerWeek: 1,
      tier: 'high',
      sample: 1,
    });
    expect(keys.leadTimeForChanges).toMatchObject({ value: 31.5 * hour, tier: 'high', sample: 1 });
    // The failed deployment, and the successful one followed 6.5 h later by SHIP-3.
    expect(keys.changeFailureRate).toMatchObject({ value: 1, tier: 'low', sample: 2 });
    expect(keys.timeToRestore).toMatchObject({ value: null, tier: null, sample: 0 });
  });

  it('counts a deployment as failed when an incident follows within 24 h, before the next success', () => {
    const deployments = [
      production(1, 'success', '2024-02-28T23:00:00.000Z'), // before the range
      production(2, 'success', '2024-03-01T10:00:00.000Z'),
      production(3, 'success', '2024-03-01T10:30:00.000Z'),
      { ...production(4, 'success', '2024-03-01T10:45:00.000Z'), production: false },
      production(5, 'success', '2024-03-03T00:00:00.000Z'),
      production(6, 'failed', '2024-03-04T00:00:00.000Z'),
      production(7, 'canceled', '2024-03-04T01:00:00.000Z'),
    ];
    const incidents: Incident[] = [
      { createdAt: '2024-03-01T09:00:00.000Z', doneAt: null }, // after #1, which is out of range
      { createdAt: '2024-03-01T11:00:00.000Z', doneAt: null }, // after #3, the latest success
      { createdAt: '2024-03-04T00:00:00.000Z', doneAt: null }, // 24 h after #5: too late
    ];
    const keys = doraKeys({ deployments, leadTimes: [], incidents, from, to });
    expect(keys.changeFailureRate).toMatchObject({ value: 0.5, tier: 'low', sample: 4 });
    expect(keys.deploymentFrequency).toMatchObject({
      value: 3 / 7,
      deploysPerWeek: 3,
      tier: 'high',
      sample: 3,
    });
  });

  it('takes the median lead time of merge requests first deployed within [from, to)', () => {
    const base = mergeRequestLeadTime(nth(fixtureBundles(), 0), []);
    const deployedAt = (firstDeployAt: string | null, changeLeadMs: number | null) => ({
      ...base,
      firstDeployAt,
      changeLeadMs,
    });
    const leadTimes = [
      deployedAt('2024-03-02T00:00:00.000Z', 2 * hour),
      deployedAt('2024-03-03T00:00:00.000Z', 10 * hour),
      deployedAt('2024-03-04T00:00:00.000Z', 30 * hour),
      deployedAt('2024-03-08T00:00:00.000Z', 100 * hour), // `to` is excluded
      deployedAt(null, null),
    ];
    const keys = doraKeys({ deployments: [], leadTimes, incidents: [], from, to });
    expect(keys.leadTimeForChanges).toMatchObject({ value: 10 * hour, tier: 'elite', sample: 3 });
  });

  it('takes the median time to restore of incidents resolved in the range', () => {
    const incidents: Incident[] = [
      { createdAt: '2024-03-02T00:00:00.000Z', doneAt: '2024-03-02T00:30:00.000Z' },
      { createdAt: '2024-03-03T00:00:00.000Z', doneAt: '2024-03-03T02:00:00.000Z' },
      { createdAt: '2024-03-04T00:00:00.000Z', doneAt: null },
      { createdAt: '2024-02-20T00:00:00.000Z', doneAt: '2024-02-21T00:00:00.000Z' },
    ];
    const keys = doraKeys({ deployments: [], leadTimes: [], incidents, from, to });
    expect(keys.timeToRestore).toMatchObject({ value: 1.25 * hour, tier: 'high', sample: 2 });
  });

  it('gives null values and tiers when there is no data', () => {
    const keys = doraKeys({ deployments: [], leadTimes: [], incidents: [], from, to });
    expect(keys.deploymentFrequency).toMatchObject({
      value: null,
      tier: null,
      sample: 0,
      deploysPerWeek: null,
    });
    expect(keys.leadTimeForChanges).toMatchObject({ value: null, tier: null, sample: 0 });
    expect(keys.changeFailureRate).toMatchObject({ value: null, tier: null, sample: 0 });
    expect(keys.timeToRestore.source).toContain('incidents');
  });

  it('counts zero successful deployments as a frequency of 0 when some failed', () => {
    const keys = doraKeys({
      deployments: [production(1, 'failed', '2024-03-02T00:00:00.000Z')],
      leadTimes: [],
      incidents: [],
      from,
      to,
    });
    expect(keys.deploymentFrequency).toMatchObject({ value: 0, tier: 'low', sample: 0 });
    expect(keys.changeFailureRate).toMatchObject({ value: 1, sample: 1 });
  });
});
