import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { moveToArchive, purgeArchive } from '../../../core/archive/mover.ts';
import type { AppServices } from '../../../core/http/route.ts';
import { systemScope } from '../../../core/resource/scope.ts';
import { systemActorId } from '../../../core/sagas/audit.ts';
import { defineSaga } from '../../../core/sagas/define.ts';
import { workspaceAccessLogArchive, workspacesDueForRetention } from './archive-pair.ts';

// Access-log retention of one workspace as a saga: archive the entries past the hot period, check
// the archive, purge the archived entries past the archive period. Each step is safe to run again
// after a crash: the mover moves each batch in one statement (delete from the log, insert into the
// archive), so a step cut off mid-way already committed the batches it moved and the next attempt
// moves the rest — no entry is archived twice or lost. Retention crosses into the archive and reads
// the workspace's policy with the unbound database, limited to the saga's workspace.

const context = z.object({
  /** The hour (UTC, `2026-12-07T13`) the run belongs to: one saga per workspace and hour. */
  period: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}$/),
});

export const retentionSagaType = 'audit.access-log-retention';

export const accessLogRetentionSaga = defineSaga({
  type: retentionSagaType,
  title: 'Access-log retention',
  context,
  steps: [
    {
      name: 'archive',
      title: 'Move the entries past the hot period to the archive',
      retry: { attempts: 3, backoffMs: 5_000 },
      async run({ app, saga }) {
        const moved = await moveToArchive(app.systemDatabase.db, workspaceAccessLogArchive(saga.workspaceId));
        return { archived: moved.rows };
      },
    },
    {
      name: 'verify',
      title: 'Check that nothing due is left and no entry is in both places',
      retry: { attempts: 3, backoffMs: 5_000 },
      async run({ app, saga }) {
        const pair = workspaceAccessLogArchive(saga.workspaceId);
        const result = await app.systemDatabase.db.execute<{ twice: number; left: number }>(sql`
          select
            (select count(*)::int from audit_logs entry
              join audit_logs_archive archived on archived.id = entry.id
              where entry.workspace_id = ${saga.workspaceId}) as twice,
            (select count(*)::int from audit_logs entry where ${pair.due}
              and entry.occurred_at < now() - interval '1 minute') as left`);
        const [row] = result.rows;
        if (row?.twice) throw new Error(`${row.twice} entries are both in the log and in the archive`);
        return { leftDue: row?.left ?? 0 };
      },
    },
    {
      name: 'purge',
      title: 'Delete the archived entries past the archive period',
      retry: { attempts: 3, backoffMs: 5_000 },
      async run({ app, saga }) {
        const purged = await purgeArchive(app.systemDatabase.db, workspaceAccessLogArchive(saga.workspaceId));
        return { purged: purged.rows };
      },
    },
  ],
});

/** The hour a retention run belongs to: `2026-12-07T13`. */
export function retentionPeriod(at: Date = new Date()): string {
  return at.toISOString().slice(0, 13);
}

/** Starts a retention saga for every workspace with entries due, unless one started this hour already. */
export async function startRetentionSagas(app: AppServices, at: Date = new Date()): Promise<string[]> {
  const period = retentionPeriod(at);
  const ids: string[] = [];
  for (const workspaceId of await workspacesDueForRetention(app.systemDatabase.db)) {
    const scope = systemScope(app, workspaceId, systemActorId);
    const { saga } = await app.sagas.start(
      scope,
      retentionSagaType,
      { period },
      { idempotencyKey: `access-log-retention:${period}` },
    );
    ids.push(saga.id);
  }
  return ids;
}
