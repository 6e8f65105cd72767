/**
 * Work a request starts and does not wait for (an import after its upload), run in this process
 * and tracked so that closing the app stops it cleanly: closing aborts the signal each piece of
 * work gets and waits for it to return. Work must be resumable by a recurring job, since a process
 * can also die mid-way; this only makes it start sooner and end tidily.
 */
export interface BackgroundWork {
  /**
   * Starts `work` under `name` unless work of that name is running, in which case it runs once
   * more when that ends (so a kick during a drain is never lost, and never runs twice at once).
   */
  kick(name: string, work: (signal: AbortSignal) => Promise<void>): void;
  /** Resolves once no work of that name runs or is due (for tests and start-up drains). */
  idle(name: string): Promise<void>;
  /** Aborts running work, waits for it to return, and refuses new work. */
  close(): Promise<void>;
}

interface Lane {
  running: Promise<void>;
  again: boolean;
}

export function createBackgroundWork(onError: (name: string, error: unknown) => void): BackgroundWork {
  const controller = new AbortController();
  const lanes = new Map<string, Lane>();

  const start = (name: string, work: (signal: AbortSignal) => Promise<void>): Lane => {
    const lane: Lane = { running: Promise.resolve(), again: false };
    lane.running = (async () => {
      do {
        lane.again = false;
        try {
          await work(controller.signal);
        } catch (error) {
          if (!controller.signal.aborted) onError(name, error);
        }
      } while (lane.again && !controller.signal.aborted);
      lanes.delete(name);
    })();
    return lane;
  };

  return {
    kick(name, work) {
      if (controller.signal.aborted) return;
      const lane = lanes.get(name);
      if (lane) lane.again = true;
      else lanes.set(name, start(name, work));
    },
    async idle(name) {
      for (let lane = lanes.get(name); lane; lane = lanes.get(name)) await lane.running;
    },
    async close() {
      controller.abort();
      await Promise.all([...lanes.values()].map((lane) => lane.running));
    },
  };
}
