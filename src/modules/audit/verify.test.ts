import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainHash } from '../../core/events/chain.ts';
import { auditEvents } from '../../core/events/schema.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { createProject, tamper, verify, workspaceWithEvents } from './test-helpers.ts';

let t: TestApp;
const chainLength = 5;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const inWorkspace = (caller: { workspaceId: string }) => caller.workspaceId;

describe('the hash chain', () => {
  it('numbers each workspace’s events 1, 2, 3… and links each to the one before', async () => {
    const caller = await workspaceWithEvents(t, chainLength);
    const rows = await t.database.query<{ sequence: string; prev_hash: string; hash: string }>(
      'select sequence, prev_hash, hash from audit_events where workspace_id = $1 order by sequence',
      [caller.workspaceId],
    );
    expect(rows.map((row) => Number(row.sequence))).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prev_hash).toBe('0'.repeat(64));
    for (let index = 1; index < rows.length; index += 1) {
      expect(rows[index]?.prev_hash).toBe(rows[index - 1]?.hash);
    }
  });

  it('recomputes each stored hash from the stored row, whatever order jsonb keeps keys in', async () => {
    const caller = await t.newWorkspace();
    await createProject(caller, { tags: ['z', 'a'], description: 'ünïcødé ✓ "quoted"' });
    const rows = await t.database.db.select().from(auditEvents);
    const mine = rows.filter((row) => row.workspaceId === caller.workspaceId);
    expect(mine).toHaveLength(1);
    const [event] = mine;
    expect(event && chainHash(event.prevHash, event)).toBe(event?.hash);
  });

  it('verifies a clean trail as ok, with its checkpoint', async () => {
    const caller = await workspaceWithEvents(t, chainLength);
    const report = await verify(caller);
    expect(report).toMatchObject({
      ok: true,
      workspaceId: caller.workspaceId,
      eventsChecked: chainLength,
      headSequence: chainLength,
      checkpointsChecked: 1,
      lastCheckpointSequence: chainLength,
      firstBroken: null,
    });
  });

  it('verifies an empty trail as ok', async () => {
    const caller = await t.newWorkspace();
    expect(await verify(caller)).toMatchObject({ ok: true, eventsChecked: 0, firstBroken: null });
  });

  it('keeps workspaces’ chains apart: tampering with one leaves the other clean', async () => {
    const damaged = await workspaceWithEvents(t, 2);
    const clean = await workspaceWithEvents(t, 2);
    await tamper(
      t,
      ['update audit_events set user_id = null where workspace_id = $1 and sequence = 1'],
      [inWorkspace(damaged)],
    );
    expect((await verify(damaged)).ok).toBe(false);
    expect((await verify(clean)).ok).toBe(true);
  });
});

describe('tampering detected in SQL with the append-only trigger off', () => {
  const edits: Record<string, string> = {
    'the changed values': `event_data = jsonb_set(event_data, '{changes}', '{"name": {"before": null, "after": "forged"}}')`,
    'the actor': 'user_id = null',
    'the time': `occurred_at = occurred_at + interval '1 millisecond'`,
    'the event type': `event_type = 'project.forged'`,
    'the aggregate version': 'aggregate_version = coalesce(aggregate_version, 0) + 10',
    'the request metadata': `metadata = metadata || '{"sourceAddress": "10.0.0.1"}'`,
  };

  for (const [what, assignment] of Object.entries(edits)) {
    it(`detects an edit of ${what} at every position`, async () => {
      for (let position = 1; position <= chainLength; position += 1) {
        const caller = await workspaceWithEvents(t, chainLength);
        await tamper(
          t,
          [`update audit_events set ${assignment} where workspace_id = $1 and sequence = ${position}`],
          [caller.workspaceId],
        );
        const report = await verify(caller);
        expect(report.ok, `edit at ${position}`).toBe(false);
        expect(report.firstBroken).toMatchObject({ sequence: position, problem: 'hash_mismatch' });
        expect(report.firstBroken.expected).not.toBe(report.firstBroken.found);
      }
    });
  }

  it('detects the deletion of any one event', async () => {
    for (let position = 1; position <= chainLength; position += 1) {
      const caller = await workspaceWithEvents(t, chainLength);
      await tamper(
        t,
        [`delete from audit_events where workspace_id = $1 and sequence = ${position}`],
        [caller.workspaceId],
      );
      const report = await verify(caller);
      expect(report.ok, `deletion at ${position}`).toBe(false);
      expect(report.firstBroken.sequence).toBe(position);
      expect(['sequence_gap', 'events_missing']).toContain(report.firstBroken.problem);
    }
  });

  it('detects the swap of any two events', async () => {
    for (let first = 1; first <= chainLength; first += 1) {
      for (let second = first + 1; second <= chainLength; second += 1) {
        const caller = await workspaceWithEvents(t, chainLength);
        const where = 'where workspace_id = $1 and sequence =';
        await tamper(
          t,
          [
            `update audit_events set sequence = -1 ${where} ${first}`,
            `update audit_events set sequence = ${first} ${where} ${second}`,
            `update audit_events set sequence = ${second} ${where} -1`,
          ],
          [caller.workspaceId],
        );
        const report = await verify(caller);
        expect(report.ok, `swap of ${first} and ${second}`).toBe(false);
        expect(report.firstBroken.sequence).toBe(first);
      }
    }
  });

  it('detects a truncated tail, even when the chain head is rewritten to match', async () => {
    for (let kept = 0; kept < chainLength; kept += 1) {
      for (const rewriteHead of [false, true]) {
        const caller = await workspaceWithEvents(t, chainLength);
        await tamper(
          t,
          [`delete from audit_events where workspace_id = $1 and sequence > ${kept}`],
          [caller.workspaceId],
        );
        if (rewriteHead) {
          await t.database.query(
            `update audit_chain_heads set last_sequence = $2,
               last_hash = coalesce((select hash from audit_events where workspace_id = $1 and sequence = $2), $3)
             where workspace_id = $1`,
            [caller.workspaceId, kept, '0'.repeat(64)],
          );
        }
        const report = await verify(caller);
        expect(report.ok, `kept ${kept}, head rewritten: ${rewriteHead}`).toBe(false);
        expect(report.firstBroken).toMatchObject({ sequence: kept + 1, problem: 'events_missing' });
      }
    }
  });

  it('detects an event rewritten with every later hash recomputed, through the signed checkpoint', async () => {
    const caller = await workspaceWithEvents(t, chainLength);
    await tamper(
      t,
      ['update audit_events set user_id = null where workspace_id = $1 and sequence = 2'],
      [caller.workspaceId],
    );
    // Re-chain from the edited event on, as someone who knows the algorithm (but not the key) would.
    const rows = (await t.database.db.select().from(auditEvents))
      .filter((row) => row.workspaceId === caller.workspaceId)
      .sort((a, b) => a.sequence - b.sequence);
    let previous = '0'.repeat(64);
    for (const row of rows) {
      const hash = chainHash(previous, row);
      await tamper(
        t,
        ['update audit_events set prev_hash = $2, hash = $3 where id = $1'],
        [row.id, previous, hash],
      );
      previous = hash;
    }
    await t.database.query('update audit_chain_heads set last_hash = $2 where workspace_id = $1', [
      caller.workspaceId,
      previous,
    ]);
    const report = await verify(caller);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ sequence: chainLength, problem: 'checkpoint_mismatch' });
  });

  it('detects a forged checkpoint signature', async () => {
    const caller = await workspaceWithEvents(t, 2);
    await t.database.query(
      "update audit_checkpoints set signature = repeat('0', 64) where workspace_id = $1",
      [caller.workspaceId],
    );
    const report = await verify(caller);
    expect(report.firstBroken).toMatchObject({ sequence: 2, problem: 'checkpoint_signature_invalid' });
  });
});

describe('who may verify and sign', () => {
  it('lets a viewer verify but not sign a checkpoint', async () => {
    const viewer = await t.newMember(t.owner, 'viewer');
    expect((await viewer.get('/api/v1/audit/verify')).status).toBe(200);
    const answer = await viewer.post('/api/v1/audit/checkpoints', {});
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('permission_denied');
  });

  it('answers 401 without a token', async () => {
    expect((await t.anonymous.get('/api/v1/audit/verify')).status).toBe(401);
  });

  it('answers 204 to a checkpoint of an empty trail and writes none', async () => {
    const caller = await t.newWorkspace();
    expect((await caller.post('/api/v1/audit/checkpoints', {})).status).toBe(204);
    const rows = await t.database.query('select 1 from audit_checkpoints where workspace_id = $1', [
      caller.workspaceId,
    ]);
    expect(rows).toHaveLength(0);
  });
});
