import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { checkpointCron, checkpointJob } from './checkpoint-job.ts';
import { createProject, verify } from './test-helpers.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function checkpointSequences(workspaceId: string): Promise<number[]> {
  const rows = await t.database.query<{ sequence: string }>(
    'select sequence from audit_checkpoints where workspace_id = $1 order by sequence',
    [workspaceId],
  );
  return rows.map((row) => Number(row.sequence));
}

describe('the checkpoint schedule', () => {
  it('turns the interval into a cron expression in whole minutes, at least every minute', () => {
    expect(checkpointCron(0)).toBeNull();
    expect(checkpointCron(-5)).toBeNull();
    expect(checkpointCron(1)).toBe('* * * * *');
    expect(checkpointCron(60)).toBe('* * * * *');
    expect(checkpointCron(61)).toBe('*/2 * * * *');
    expect(checkpointCron(300)).toBe('*/5 * * * *');
    expect(checkpointCron(3599)).toBe('0 * * * *');
    expect(checkpointCron(3600)).toBe('0 * * * *');
    expect(checkpointCron(7200)).toBe('0 */2 * * *');
    expect(checkpointCron(86_400)).toBe('0 0 * * *');
  });

  it('follows the app’s setting, and is off when it is 0', () => {
    const withInterval = (seconds: number) => ({
      ...t.services,
      settings: { ...t.services.settings, auditCheckpointIntervalSeconds: seconds },
    });
    expect(checkpointJob.schedule(withInterval(300))).toBe('*/5 * * * *');
    expect(checkpointJob.schedule(withInterval(60))).toBe('* * * * *');
    expect(checkpointJob.schedule(withInterval(0))).toBeNull();
  });
});

describe('the checkpoint job', () => {
  it('signs the head of every chain that grew since its latest checkpoint, and only those', async () => {
    const grown = await t.newWorkspace();
    const other = await t.newWorkspace();
    const empty = await t.newWorkspace();
    await createProject(grown);
    await createProject(grown);
    await createProject(other);
    await checkpointJob.run(t.services);
    expect(await checkpointSequences(grown.workspaceId)).toEqual([2]);
    expect(await checkpointSequences(other.workspaceId)).toEqual([1]);
    expect(await checkpointSequences(empty.workspaceId)).toEqual([]);

    await createProject(grown);
    await checkpointJob.run(t.services);
    await checkpointJob.run(t.services);
    expect(await checkpointSequences(grown.workspaceId)).toEqual([2, 3]);
    expect(await checkpointSequences(other.workspaceId)).toEqual([1]);
    expect(await verify(grown)).toMatchObject({ ok: true, checkpointsChecked: 2, lastCheckpointSequence: 3 });
  });
});
