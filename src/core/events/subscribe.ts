import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/connection.ts';
import type { StoredEvent } from './chain.ts';
import { auditEvents } from './schema.ts';

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

/** A subscriber's durable state: its lease (who delivers) and its position in each workspace's chain. */
class SubscriberState {
  private readonly owner = randomUUID();

  constructor(
    private readonly database: DatabaseHandle,
    private readonly name: string,
    private readonly leaseSeconds: number,
  ) {}

  async register(): Promise<void> {
    await this.database.query(
      'insert into audit_subscribers (name) values ($1) on conflict (name) do nothing',
      [this.name],
    );
  }

  /** Takes or renews the lease; false while another process holds it. */
  async claim(): Promise<boolean> {
    const rows = await this.database.query(
      `update audit_subscribers set leased_by = $2, leased_until = now() + make_interval(secs => $3)
       where name = $1 and (leased_by is null or leased_by = $2 or leased_until < now())
       returning name`,
      [this.name, this.owner, this.leaseSeconds],
    );
    return rows.length === 1;
  }

  async release(): Promise<void> {
    await this.database.query(
      'update audit_subscribers set leased_by = null, leased_until = null where name = $1 and leased_by = $2',
      [this.name, this.owner],
    );
  }

  async savePosition(workspaceId: string, sequence: number): Promise<void> {
    await this.database.query(
      `insert into audit_subscriber_positions (subscriber, workspace_id, position) values ($1, $2, $3)
       on conflict (subscriber, workspace_id) do update set position = greatest(audit_subscriber_positions.position, excluded.position)`,
      [this.name, workspaceId, sequence],
    );
  }

  /** Workspaces whose committed chain head is past this subscriber's position, with both. */
  async workspacesBehind(): Promise<Behind[]> {
    return this.database.query<Behind>(
      `select h.workspace_id, h.last_sequence as mark, coalesce(p.position, 0) as position
       from audit_chain_heads h
       left join audit_subscriber_positions p on p.subscriber = $1 and p.workspace_id = h.workspace_id
       where h.last_sequence > coalesce(p.position, 0)
       order by h.workspace_id limit 100`,
      [this.name],
    );
  }
}

/** Catch-up passes, one at a time: a trigger during a pass queues exactly one more. */
class Subscriber {
  private stopped = false;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly state: SubscriberState,
    private readonly options: SubscribeOptions,
  ) {}

  trigger(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.passes().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async drain(): Promise<void> {
    // Wait for a pass under way, then run a full one that starts now.
    await this.running?.catch(() => {});
    await this.trigger();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => {});
    await this.state.release();
  }

  private async passes(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.catchUp();
      } catch (error) {
        // The position stays at the last event handled: the failed one is delivered again next time.
        this.options.onError?.(error);
        this.again = false;
        throw error;
      }
    } while (this.again && !this.stopped);
  }

  private async catchUp(): Promise<void> {
    if (!(await this.state.claim())) return;
    for (;;) {
      const behind = await this.state.workspacesBehind();
      if (behind.length === 0 || this.stopped) return;
      for (const workspace of behind) {
        const position = Number(workspace.position);
        const leased = await this.deliver(workspace.workspace_id, position, Number(workspace.mark));
        if (this.stopped || !leased) return;
      }
    }
  }

  /** Delivers one workspace's events after `position` up to its mark; false once the lease is lost. */
  private async deliver(workspaceId: string, position: number, mark: number): Promise<boolean> {
    const batchSize = this.options.batchSize ?? 200;
    let from = position;
    while (from < mark && !this.stopped) {
      const events = await this.batch(workspaceId, from, mark, batchSize);
      for (const event of events) {
        await this.options.handler(event);
        from = event.sequence;
        await this.state.savePosition(workspaceId, from);
      }
      if (events.length < batchSize) {
        // Nothing more of these types up to the mark: skip past the events of other types.
        if (from < mark) await this.state.savePosition(workspaceId, mark);
        from = mark;
      }
      if (!(await this.state.claim())) return false;
    }
    return true;
  }

  private batch(workspaceId: string, after: number, mark: number, size: number): Promise<StoredEvent[]> {
    const { eventTypes } = this.options;
    return this.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.workspaceId, workspaceId),
          gt(auditEvents.sequence, after),
          lte(auditEvents.sequence, mark),
          eventTypes === '*' ? sql`true` : inArray(auditEvents.eventType, [...eventTypes]),
        ),
      )
      .orderBy(asc(auditEvents.sequence))
      .limit(size);
  }
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
  const state = new SubscriberState(database, options.name, options.leaseSeconds ?? 30);
  await state.register();
  const subscriber = new Subscriber(database, state, options);
  const wake = () => {
    subscriber.trigger().catch(() => {});
  };
  // Back from a dropped connection, catch up at once with what was committed meanwhile.
  const unlisten = await database.listen(eventsChannel, wake, wake);
  const timer = setInterval(wake, options.pollIntervalMs ?? 1000);
  timer.unref();
  wake();
  return {
    drain: () => subscriber.drain(),
    stop: async () => {
      clearInterval(timer);
      await unlisten();
      await subscriber.stop();
    },
  };
}
