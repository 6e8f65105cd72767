// Release workflow definitions through the API: validated, versioned, audited, scoped to the
// workspace, and the deploy-waves template.

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../../core/events/schema.ts';
import type { JsonBody } from '../../../test-support/app.ts';
import { owner, project, t, useReleaseHarness, workflows } from './test-helpers.ts';

useReleaseHarness();

describe('release workflow definitions', () => {
  it('are validated with paths (422), versioned on every save and audited', async () => {
    const projectId = await project();
    const bad = await owner.post(workflows(projectId), {
      key: 'broken',
      name: 'Broken',
      definition: {
        steps: [
          { name: 'x', kind: 'http' },
          { name: 'x', kind: 'teleport' },
        ],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['definition.steps.0.url', 'definition.steps.1.kind']),
    );

    const yaml = `steps:\n  - name: pause\n    kind: wait\n    seconds: 1\n`;
    const created = await owner.post(workflows(projectId), { key: 'pause', name: 'Pause', definition: yaml });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.definition.steps[0]).toMatchObject({ name: 'pause', kind: 'wait', seconds: 1 });

    const stale = await owner.patch(
      workflows(projectId, '/pause'),
      { name: 'Later' },
      { headers: { 'if-match': '"v9"' } },
    );
    expect(stale.status).toBe(412);
    const changed = await owner.patch(
      workflows(projectId, '/pause'),
      { definition: { steps: [{ name: 'pause', kind: 'wait', minutes: 2 }] } },
      { headers: { 'if-match': '"v1"' } },
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.version).toBe(2);

    const versions = await owner.get(workflows(projectId, '/pause/versions'));
    expect(versions.body.data.map((version: JsonBody) => version.workflowVersion)).toEqual([2, 1]);
    expect(versions.body.data[1].definition.steps[0].seconds).toBe(1);

    const events = await t.services.tenancy
      .bind(owner.workspaceId)
      .read((db) =>
        db
          .select({ type: auditEvents.eventType })
          .from(auditEvents)
          .where(eq(auditEvents.aggregateId, created.body.id)),
      );
    expect(events.map((event) => event.type)).toEqual([
      'release_workflow.created',
      'release_workflow.updated',
    ]);

    const listed = await owner.get(workflows(projectId));
    expect(listed.body.data.map((workflow: JsonBody) => workflow.key)).toEqual(['pause']);
  });

  it('are not found from another workspace, and members without write may only read', async () => {
    const projectId = await project();
    await owner.post(workflows(projectId), { key: 'mine', name: 'Mine', template: 'deploy-waves' });
    const stranger = await t.newWorkspace();
    expect((await stranger.get(workflows(projectId, '/mine'))).status).toBe(404);
    expect((await stranger.post(workflows(projectId, '/mine/runs'), {})).status).toBe(404);
    const viewer = await t.newMember(owner, 'viewer');
    expect((await viewer.get(workflows(projectId, '/mine'))).status).toBe(200);
    expect(
      (await viewer.post(workflows(projectId), { key: 'no', name: 'No', template: 'deploy-waves' })).status,
    ).toBe(403);
    expect(
      (await viewer.post(`/api/v1/projects/${projectId}/release-secrets`, { name: 'X', value: 'y' })).status,
    ).toBe(403);
  });

  it('ship a deploy-waves template whose runs need its URL inputs', async () => {
    const projectId = await project();
    const created = await owner.post(workflows(projectId), {
      key: 'waves',
      name: 'Deploy in waves',
      template: 'deploy-waves',
      templateOptions: { waves: ['api', 'web', 'worker'] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.definition.steps.map((step: JsonBody) => step.name)).toEqual([
      'readiness',
      'approval',
      'deploy-api',
      'health-api',
      'deploy-web',
      'health-web',
      'deploy-worker',
      'health-worker',
    ]);
    const missing = await owner.post(workflows(projectId, '/waves/runs'), { inputs: { version: '2.0.0' } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'inputs.deployUrl',
      'inputs.healthUrl',
      'inputs.rollbackUrl',
    ]);
  });
});
