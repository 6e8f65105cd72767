// What delivery data tells the readiness plan: a quality gate that requires a reviewer, or accepts a
// longest median pickup, is measured against the merge requests of the last 30 days at each import
// (and sync), and the plan's gold checks pass or fail on what was measured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';
import { outcomesOf } from '../plan/test-helpers.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

const hour = 3_600_000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * hour).toISOString();
const person = (username: string) => ({ id: username.length, username, name: username });

/** A merged MR opened `openedHoursAgo`, merged 2 h ago; reviewed by bob after `pickupHours`, or not at all. */
function mergeRequest(iid: number, openedHoursAgo: number, pickupHours: number | null) {
  const opened = hoursAgo(openedHoursAgo);
  const notes =
    pickupHours === null
      ? []
      : [
          {
            id: iid * 10,
            body: 'Looks good',
            author: person('bob'),
            created_at: hoursAgo(openedHoursAgo - pickupHours),
            system: false,
          },
        ];
  return {
    id: iid,
    iid,
    project_id: 5,
    title: `Change ${iid}`,
    state: 'merged',
    created_at: opened,
    updated_at: hoursAgo(1),
    merged_at: hoursAgo(2),
    target_branch: 'main',
    labels: [],
    author: person('alice'),
    commits: [],
    notes,
  };
}

async function projectWithGate(key: string) {
  const project = await owner.post('/api/v1/projects', { name: key, key });
  const projectId: string = project.body.id;
  const gate = await owner.post(`/api/v1/projects/${projectId}/plan/code-review-automation/quality-gates`, {
    name: 'Review',
    stage: 'pre-merge',
    requireReviewer: true,
    maxPickupHours: 4,
  });
  expect(gate.status, JSON.stringify(gate.body)).toBe(201);
  return { projectId, gateId: gate.body.id as string };
}

const importMrs = (projectId: string, mrs: unknown[]) =>
  owner.post(`/api/v1/projects/${projectId}/delivery/imports`, { gitlabMergeRequests: mrs });

async function outcome(projectId: string, id: string) {
  return (await outcomesOf(owner, projectId, 'code-review-automation')).byId.get(id);
}

describe('delivery in the readiness plan', () => {
  it('fails the review checks until a delivery import or sync measures the gate', async () => {
    const { projectId } = await projectWithGate('RDNA');
    expect(await outcome(projectId, 'review.merged-mrs-reviewed')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('never measured by a delivery sync'),
    });
  });

  it('names merge requests merged without a reviewer, and a median pickup above the target', async () => {
    const { projectId, gateId } = await projectWithGate('RDNB');
    // Pickups of 1 h and 9 h (median 5 h, above 4 h); !3 was never reviewed.
    expect(
      (
        await importMrs(projectId, [
          mergeRequest(1, 20, 1),
          mergeRequest(2, 20, 9),
          mergeRequest(3, 20, null),
        ])
      ).status,
    ).toBe(201);
    const gate = await owner.get(
      `/api/v1/projects/${projectId}/plan/code-review-automation/quality-gates/${gateId}`,
    );
    expect(gate.body).toMatchObject({ unreviewedMerged: 1, pickupHours: 5 });
    expect(await outcome(projectId, 'review.merged-mrs-reviewed')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('1 merged without a reviewer'),
    });
    expect(await outcome(projectId, 'review.pickup-within-target')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('median pickup 5.0 h, above 4 h'),
    });
    // Written through the plan's resource: audited like a change by hand.
    const trail = await owner.get('/api/v1/audit/events', { query: { aggregateId: gateId } });
    expect(trail.status, JSON.stringify(trail.body)).toBe(200);
    const measured = trail.body.data.find(
      (event: { eventData: { measuredBy?: string } }) => event.eventData.measuredBy === 'delivery',
    );
    expect(measured?.eventData.changes.unreviewedMerged).toEqual({ before: null, after: 1 });
  });

  it('passes once every merged merge request was reviewed quickly', async () => {
    const { projectId } = await projectWithGate('RDNC');
    expect((await importMrs(projectId, [mergeRequest(1, 20, 1), mergeRequest(2, 20, 3)])).status).toBe(201);
    expect(await outcome(projectId, 'review.merged-mrs-reviewed')).toMatchObject({ status: 'pass' });
    expect(await outcome(projectId, 'review.pickup-within-target')).toMatchObject({ status: 'pass' });
  });
});
