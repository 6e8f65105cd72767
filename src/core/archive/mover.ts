import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';

/**
 * A history table and its archive. The archive has the same columns (plus any with defaults, such
 * as `archived_at`) and the same unique key. Conditions are SQL over the row being considered,
 * which is in scope as `entry` (e.g. `entry.occurred_at < now() - interval '90 days'`).
 */
export interface ArchivePair {
  /** The hot table rows leave. */
  source: string;
  /** The archive table rows go to. */
  archive: string;
  /** A column unique in both tables (the primary key). */
  key: string;
  /** The time column batches are taken in order of. */
  timeColumn: string;
  /** The columns copied from source to archive. */
  columns: readonly string[];
  /** Which source rows are due for the archive. */
  due: SQL;
  /** Which archived rows are past the archive period, to purge. */
  expired: SQL;
}

export interface MoveOptions {
  batchSize?: number;
  /** Stop after this many batches (a bound on one run; the next run continues). */
  maxBatches?: number;
  /** Called after each committed batch; a throw stops the run there (tests inject failures this way). */
  afterBatch?: (batch: number, rows: number) => Promise<void> | void;
}

export interface MoveResult {
  batches: number;
  rows: number;
}

const identifier = /^[a-z_][a-z0-9_]*$/;

function name(text: string): SQL {
  if (!identifier.test(text)) throw new Error(`not a plain SQL identifier: ${text}`);
  return sql.raw(text);
}

/**
 * Moves due rows from the hot table into the archive, `batchSize` rows at a time. Each batch is ONE
 * statement — delete from the source, insert what was deleted into the archive — so it commits or
 * rolls back whole: a process killed between batches (or in one) loses no row and copies none twice,
 * and the next run simply continues. Rows are claimed with `FOR UPDATE SKIP LOCKED`, so two movers
 * running at once take different rows; the archive's unique key makes a repeat a no-op.
 */
export async function moveToArchive(
  db: Executor,
  pair: ArchivePair,
  options: MoveOptions = {},
): Promise<MoveResult> {
  const batchSize = options.batchSize ?? 1000;
  const columns = sql.join(
    pair.columns.map((column) => name(column)),
    sql`, `,
  );
  const [source, archive, key, time] = [
    name(pair.source),
    name(pair.archive),
    name(pair.key),
    name(pair.timeColumn),
  ];
  return inBatches(
    options,
    async () => {
      const result = await db.execute<{ moved: string | number }>(sql`
      with batch as (
        select entry.${key} from ${source} as entry
        where ${pair.due}
        order by entry.${time}, entry.${key}
        limit ${batchSize}
        for update skip locked
      ), moved as (
        delete from ${source} where ${key} in (select ${key} from batch) returning ${columns}
      ), archived as (
        insert into ${archive} (${columns}) select ${columns} from moved
        on conflict (${key}) do nothing
        returning 1
      )
      select (select count(*) from moved) as moved, (select count(*) from archived) as archived`);
      return Number(result.rows[0]?.moved ?? 0);
    },
    batchSize,
  );
}

/** Deletes archived rows past the archive period, in batches (each its own transaction). */
export async function purgeArchive(
  db: Executor,
  pair: ArchivePair,
  options: MoveOptions = {},
): Promise<MoveResult> {
  const batchSize = options.batchSize ?? 1000;
  const [archive, key, time] = [name(pair.archive), name(pair.key), name(pair.timeColumn)];
  return inBatches(
    options,
    async () => {
      const result = await db.execute<{ purged: string | number }>(sql`
      with batch as (
        select entry.${key} from ${archive} as entry
        where ${pair.expired}
        order by entry.${time}, entry.${key}
        limit ${batchSize}
        for update skip locked
      ), purged as (
        delete from ${archive} where ${key} in (select ${key} from batch) returning 1
      )
      select count(*) as purged from purged`);
      return Number(result.rows[0]?.purged ?? 0);
    },
    batchSize,
  );
}

async function inBatches(
  options: MoveOptions,
  batch: () => Promise<number>,
  batchSize: number,
): Promise<MoveResult> {
  const result: MoveResult = { batches: 0, rows: 0 };
  while (options.maxBatches === undefined || result.batches < options.maxBatches) {
    const rows = await batch();
    if (rows === 0) break;
    result.batches += 1;
    result.rows += rows;
    await options.afterBatch?.(result.batches, rows);
    if (rows < batchSize) break;
  }
  return result;
}
