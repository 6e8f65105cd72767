import type { EvaluationTally, EvaluationTarget } from '../evaluation-counts.ts';
import type { SdkKey } from './keys.ts';

/** Evaluations of one flag and variant in one environment, counted since the last flush. */
export interface ScopedTally extends EvaluationTarget, EvaluationTally {
  variant: string;
}

/** Writes tallies (the flags module's store adds them to the hour's counts). */
export type TallyWriter = (tallies: readonly ScopedTally[]) => Promise<void>;

export interface EvaluationCounter {
  count(key: SdkKey, flagKey: string, variant: string, on: boolean, times?: number): void;
  /** Writes what was counted; concurrent calls share one write. */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left. */
  close(): Promise<void>;
}

/**
 * Counts evaluations in memory and writes them about once a second, so that an evaluation costs no
 * database round trip. Counts of a failed write go back into the next one; what a crashed process
 * had not written yet is lost (telemetry, not a record).
 */
export function createEvaluationCounter(
  write: TallyWriter,
  onError: (error: unknown) => void,
  intervalMs = 1_000,
): EvaluationCounter {
  let pending = new Map<string, ScopedTally>();
  let writing: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  /** When the last evaluation was counted: the tallies' time when they are written. */
  let lastCountedAt = 0;

  const add = (tally: ScopedTally) => {
    const id = `${tally.environmentId}\u0000${tally.flagKey}\u0000${tally.variant}`;
    const existing = pending.get(id);
    if (!existing) pending.set(id, { ...tally });
    else {
      existing.yes += tally.yes;
      existing.no += tally.no;
      if (tally.at > existing.at) existing.at = tally.at;
    }
  };

  const writeOnce = async () => {
    const at = new Date(lastCountedAt);
    const batch = [...pending.values()].map((tally) => (tally.at < at ? { ...tally, at } : tally));
    pending = new Map();
    if (batch.length === 0) return;
    try {
      await write(batch);
    } catch (error) {
      batch.forEach(add);
      onError(error);
    }
  };

  const flush = (): Promise<void> => {
    writing ??= writeOnce().finally(() => {
      writing = null;
    });
    return writing;
  };

  const schedule = () => {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      void flush().then(() => {
        if (pending.size > 0) schedule();
      });
    }, intervalMs);
    timer.unref();
  };

  return {
    count(key, flagKey, variant, on, times = 1) {
      // The hot path: one map lookup and two additions for an evaluation already counted once.
      const id = `${key.environmentId}\u0000${flagKey}\u0000${variant}`;
      const existing = pending.get(id);
      if (existing) {
        if (on) existing.yes += times;
        else existing.no += times;
        lastCountedAt = Date.now();
        return;
      }
      const { workspaceId, projectId, environmentId } = key;
      const tally = { workspaceId, projectId, environmentId, flagKey, variant, at: new Date() };
      pending.set(id, { ...tally, yes: on ? times : 0, no: on ? 0 : times });
      schedule();
    },
    flush,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await writing;
      await flush();
    },
  };
}
