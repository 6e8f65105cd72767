import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../../db/connection.ts';
import type { StoredEvent } from './chain.ts';

/** The channel appends notify on commit, with the workspace id as payload. */
export const eventsChannel = 'shipshape_audit_events';

export type EventHandler = (event: StoredEvent) => Promise<void> | void;

export interface SubscribeOptions {
  /** Durable name: its positions are kept in the database, so a restart resumes where it stopped. */
  name: string;
  /** Event types to receive (`project.created`), or '*' for all. */
  eventTypes: readonly string[] | '*';
  handler: EventHandler;
  /** Polling interval: the only trigger without notifications, a safety net with them. */
  pollIntervalMs?: number;
  batchSize?: number;
  /** How long a process holds the subscriber before another may take over (it renews while working). */
  leaseSeconds?: number;
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Delivers everything committed so far (if this process holds the lease); resolves when done. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

interface Behind {
  workspace_id: string;
  mark: string | number;
  position: string | number;
}

/**
 * Calls `handler` for every committed event of the given types, after commit, at least once, and in
 * sequence order within each workspace (so in order per aggregate). Across processes, one process
 * at a time holds the subscriber (a lease row) and the others stand by; notifications (LISTEN/NOTIFY)
 * wake it as soon as an event commits, polling catches anything a lost notification missed.
 *
 * Reading stops at a safe high-water mark: the workspace's committed chain head. Appends take
 * sequences under the chain head's row lock held until commit, so every event up to the head has
 * committed and none can appear below it later (docs/audit.md, Subscriptions).
 */
export async function subscribe(database: DatabaseHandle, options: SubscribeOptions): Promise<Subscription> {
  const owner = randomUUID();
  const batchSize = options.batchSize ?? 200;
  const leaseSeconds = options.leaseSeconds ?? 30;
  const types = options.eventTypes === '*' ? null : [...options.eventTypes];
  const report = options.onError ?? (() => {});
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  await database.query('insert into audit_subscribers (name) values ($1) on conflict (name) do nothing', [
    options.name,
  ]);

  async function claimLease(): Promise<boolean> {
    const rows = await database.query(
      `update audit_subscribers set leased_by = $2, leased_until = now() + make_interval(secs => $3)
       where name = $1 and (leased_by is null or leased_by = $2 or leased_until < now())
       returning name`,
      [options.name, owner, leaseSeconds],
    );
    return rows.length === 1;
  }

  async function releaseLease(): Promise<void> {
    await database.query(
      'update audit_subscribers set leased_by = null, leased_until = null where name = $1 and leased_by = $2',
      [options.name, owner],
    );
  }

  /** Delivers one workspace's events after `position` up to its mark; false once the lease is lost. */
  async function deliver(workspaceId: string, position: number, mark: number): Promise<boolean> {
    let from = position;
    while (from < mark && !stopped) {
      const events = await database.query<Record<string, unknown>>(
        `select * from audit_events
         where workspace_id = $1 and sequence > $2 and sequence <= $3 ${types ? 'and event_type = any($5)' : ''}
         order by sequence limit $4`,
        types ? [workspaceId, from, mark, batchSize, types] : [workspaceId, from, mark, batchSize],
      );
      for (const row of events) {
        const event = toStoredEvent(row);
        await options.handler(event);
        from = event.sequence;
        await savePosition(workspaceId, from);
      }
      if (events.length < batchSize) {
        // Nothing more of these types up to the mark: skip past the events of other types.
        if (from < mark) await savePosition(workspaceId, mark);
        from = mark;
      }
      if (!(await claimLease())) return false;
    }
    return true;
  }

  async function savePosition(workspaceId: string, sequence: number): Promise<void> {
    await database.query(
      `insert into audit_subscriber_positions (subscriber, workspace_id, position) values ($1, $2, $3)
       on conflict (subscriber, workspace_id) do update set position = greatest(audit_subscriber_positions.position, excluded.position)`,
      [options.name, workspaceId, sequence],
    );
  }

  async function catchUp(): Promise<void> {
    if (!(await claimLease())) return;
    for (;;) {
      const behind = await database.query<Behind>(
        `select h.workspace_id, h.last_sequence as mark, coalesce(p.position, 0) as position
         from audit_chain_heads h
         left join audit_subscriber_positions p on p.subscriber = $1 and p.workspace_id = h.workspace_id
         where h.last_sequence > coalesce(p.position, 0)
         order by h.workspace_id limit 100`,
        [options.name],
      );
      if (behind.length === 0 || stopped) return;
      for (const workspace of behind) {
        const leased = await deliver(
          workspace.workspace_id,
          Number(workspace.position),
          Number(workspace.mark),
        );
        if (stopped || !leased) return;
      }
    }
  }

  /** Runs catch-up passes one at a time; a request during a pass queues exactly one more. */
  function trigger(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await catchUp();
        } catch (error) {
          // The position stays at the last event handled: the failed one is delivered again next time.
          report(error);
          again = false;
          throw error;
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  const unlisten = await database.listen(eventsChannel, () => {
    trigger().catch(() => {});
  });
  const timer = setInterval(() => {
    trigger().catch(() => {});
  }, options.pollIntervalMs ?? 1000);
  timer.unref();
  trigger().catch(() => {});

  return {
    drain: async () => {
      // Wait for a pass under way, then run a full one that starts now.
      await running?.catch(() => {});
      await trigger();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await unlisten();
      await running?.catch(() => {});
      await releaseLease();
    },
  };
}

function toStoredEvent(row: Record<string, unknown>): StoredEvent {
  return {
    id: row.id as string,
    sequence: Number(row.sequence),
    workspaceId: row.workspace_id as string,
    eventType: row.event_type as string,
    aggregateType: row.aggregate_type as string,
    aggregateId: row.aggregate_id as string,
    aggregateVersion: row.aggregate_version === null ? null : Number(row.aggregate_version),
    userId: (row.user_id as string | null) ?? null,
    eventData: row.event_data as StoredEvent['eventData'],
    metadata: row.metadata as StoredEvent['metadata'],
    occurredAt: new Date(row.occurred_at as string),
    prevHash: row.prev_hash as string,
    hash: row.hash as string,
  };
}
