import { describe, expect, it } from 'vitest';
import { deployment, mergeRequestContributions, mergeRequestLeadTime } from './merge-requests.ts';
import type { Deployment } from './model.ts';
import { fixtureBundles, fixtureDeployments, nth } from './test-helpers.ts';

// Fixture shapes: https://docs.gitlab.com/api/merge_requests/, https://docs.gitlab.com/api/notes/,
// https://docs.gitlab.com/api/deployments/

const hour = 3_600_000;
const deployments = (): Deployment[] =>
  fixtureDeployments().map((d) => deployment(d, 42, ['production', 'prod']));
const leadTimeOf = (index: number, ds = deployments()) =>
  mergeRequestLeadTime(nth(fixtureBundles(), index), ds);

describe('deployment', () => {
  it('marks production by tier, or by a configured name (case-insensitive)', () => {
    expect(deployments().map((d) => [d.deploymentKey, d.environment, d.production])).toEqual([
      ['42#101', 'production', true],
      ['42#102', 'staging', false],
      ['42#103', 'Prod', true],
    ]);
    const staging = nth(fixtureDeployments(), 1);
    expect(deployment(staging, 42, ['STAGING']).production).toBe(true);
    expect(deployment(staging, 42, ['stag']).production).toBe(false);
  });

  it('takes finished_at, else updated_at for a finished deployment, else null', () => {
    const [success, , failed] = deployments();
    expect(success?.finishedAt).toBe('2024-03-05T13:30:00.000Z');
    expect(failed).toMatchObject({ status: 'failed', finishedAt: '2024-03-06T09:10:00.000Z' });
    const running = { ...nth(fixtureDeployments(), 2), status: 'running' as const };
    expect(deployment(running, 42).finishedAt).toBeNull();
  });
});

describe('mergeRequestLeadTime', () => {
  it('times every stage of a reviewed, approved, deployed merge request', () => {
    expect(leadTimeOf(0)).toMatchObject({
      mrKey: '42!1',
      author: { handle: 'alice', source: 'gitlab', name: 'Alice Archer', email: null },
      // The earliest commit has no authored_date: its created_at (+01:00) stands in.
      firstCommitAt: '2024-03-04T06:00:00.000Z',
      firstReviewAt: '2024-03-04T11:30:00.000Z',
      approvedAt: '2024-03-05T09:00:00.000Z',
      mergedAt: '2024-03-05T12:00:00.000Z',
      // Staging (12:30) does not count; the failed production deployment does not either.
      firstDeployAt: '2024-03-05T13:30:00.000Z',
      codingMs: 4 * hour,
      pickupMs: 1.5 * hour,
      reviewMs: 24.5 * hour,
      deployMs: 1.5 * hour,
      leadMs: 30 * hour,
      changeLeadMs: 31.5 * hour,
    });
  });

  it("counts reviewers, commits and comments, ignoring the author's and system notes", () => {
    // Bob commented, Carol approved; Alice's own notes and the bot's system note do not count.
    expect(leadTimeOf(0)).toMatchObject({ reviewerCount: 2, commitCount: 3, noteCount: 3 });
  });

  it('takes an approval as the first review, whatever its case; no deployment after the merge', () => {
    expect(leadTimeOf(1)).toMatchObject({
      firstCommitAt: '2024-03-05T11:00:00.000Z',
      firstReviewAt: '2024-03-05T15:00:00.000Z',
      approvedAt: '2024-03-05T15:00:00.000Z',
      firstDeployAt: null,
      // The only commit came after opening: coding is 0 and lead time runs from opening.
      codingMs: 0,
      pickupMs: 6 * hour,
      reviewMs: 19 * hour,
      deployMs: null,
      leadMs: 25 * hour,
      changeLeadMs: null,
      reviewerCount: 1,
      noteCount: 0,
    });
  });

  it('leaves unknown stages null for an open merge request without commits or reviews', () => {
    expect(leadTimeOf(2)).toMatchObject({
      state: 'opened',
      firstCommitAt: null,
      firstReviewAt: null,
      approvedAt: null,
      mergedAt: null,
      firstDeployAt: null,
      codingMs: null,
      pickupMs: null,
      reviewMs: null,
      deployMs: null,
      leadMs: null,
      changeLeadMs: null,
      reviewerCount: 0,
      commitCount: 0,
      noteCount: 1,
    });
  });

  it('ignores deployments of another branch or project, or before the merge', () => {
    const production = nth(deployments(), 0);
    const others: Deployment[] = [
      { ...production, ref: 'release' },
      { ...production, gitlabProjectId: 7 },
      { ...production, finishedAt: '2024-03-05T11:59:59.999Z' },
    ];
    expect(leadTimeOf(0, others).firstDeployAt).toBeNull();
    // A deployment finishing exactly at the merge counts.
    const atMerge = { ...production, finishedAt: '2024-03-05T12:00:00.000Z' };
    expect(leadTimeOf(0, [...others, atMerge]).deployMs).toBe(0);
  });

  it('uses created_at of a deployment with no finish time', () => {
    const unfinished = { ...nth(deployments(), 0), finishedAt: null, createdAt: '2024-03-05T14:00:00.000Z' };
    expect(leadTimeOf(0, [unfinished]).firstDeployAt).toBe('2024-03-05T14:00:00.000Z');
  });

  it("does not count the author's own approval as a review, but as the approval", () => {
    const bundle = nth(fixtureBundles(), 2);
    const selfApproval = {
      ...nth(bundle.notes ?? [], 0),
      body: 'approved this merge request',
      system: true,
      created_at: '2024-03-06T09:00:00.000Z',
    };
    const lead = mergeRequestLeadTime({ ...bundle, notes: [selfApproval] }, []);
    expect(lead).toMatchObject({
      firstReviewAt: null,
      approvedAt: '2024-03-06T09:00:00.000Z',
      reviewerCount: 0,
    });
  });
});

describe('mergeRequestContributions', () => {
  it('lists author, approver, reviewer, commenter and committers with counts and first times', () => {
    const parts = mergeRequestContributions(nth(fixtureBundles(), 0));
    expect(parts.map((p) => [p.role, p.person.handle, p.count, p.firstAt])).toEqual([
      ['author', 'alice', 1, '2024-03-04T10:00:00.000Z'],
      ['approver', 'carol', 1, '2024-03-05T09:00:00.000Z'],
      ['reviewer', 'bob', 2, '2024-03-04T11:30:00.000Z'],
      ['commenter', 'alice', 1, '2024-03-04T12:00:00.000Z'],
      ['committer', 'alice@example.com', 2, '2024-03-04T08:00:00.000Z'],
      ['committer', 'bob@example.com', 1, '2024-03-04T06:00:00.000Z'],
    ]);
    expect(parts.every((p) => p.mrKey === '42!1')).toBe(true);
  });

  it('names committers by their commit email', () => {
    const committer = mergeRequestContributions(nth(fixtureBundles(), 1)).find((p) => p.role === 'committer');
    expect(committer?.person).toEqual({
      handle: 'bob@example.com',
      source: 'gitlab',
      name: 'Bob Baker',
      email: 'bob@example.com',
    });
  });

  it('gives an open merge request with only its author notes an author and a commenter', () => {
    const parts = mergeRequestContributions(nth(fixtureBundles(), 2));
    expect(parts.map((p) => [p.role, p.person.handle, p.count])).toEqual([
      ['author', 'carol', 1],
      ['commenter', 'carol', 1],
    ]);
  });
});
