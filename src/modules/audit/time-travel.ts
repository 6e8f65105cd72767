import type { Executor } from '../../db/connection.ts';
import { eventsInBatches } from './events-store.ts';
import { applyEvent, type RebuiltEntity } from './rebuild.ts';

/**
 * The entity as it was at `at`, rebuilt from its events recorded at or before that time; null if it
 * did not exist then (not created yet, or deleted).
 */
export async function rebuildAt(
  db: Executor,
  workspaceId: string,
  aggregateType: string,
  aggregateId: string,
  at: Date,
  decode?: (field: string, value: unknown) => unknown,
): Promise<RebuiltEntity | null> {
  let entity: RebuiltEntity | null = null;
  // Times are stored to the millisecond: "before at + 1 ms" is "at or before at".
  const filters = { aggregateType, aggregateId, to: new Date(at.getTime() + 1) };
  for await (const batch of eventsInBatches((work) => work(db), workspaceId, filters)) {
    for (const event of batch) entity = applyEvent(entity, event, decode);
  }
  return entity;
}
