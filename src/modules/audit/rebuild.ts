import type { StoredEvent } from '../../core/events/chain.ts';

/** An entity as its events describe it at some point in the trail. */
export interface RebuiltEntity {
  id: string;
  version: number;
  /** When its creation, and its latest change, were recorded. */
  createdAt: string;
  updatedAt: string;
  /** The audited fields, as JSON values. */
  state: Record<string, unknown>;
  /** The last event applied. */
  sequence: number;
}

/**
 * Applies one event to an entity: `<type>.created` starts it from the recorded values,
 * `<type>.deleted` ends it (null), any other event applies its changes' `after` values.
 * `decode` turns a recorded value into its plain form (sensitive values are stored encrypted).
 */
export function applyEvent(
  entity: RebuiltEntity | null,
  event: StoredEvent,
  decode: (field: string, value: unknown) => unknown = (_field, value) => value,
): RebuiltEntity | null {
  const changes = event.eventData.changes ?? {};
  const at = event.occurredAt.toISOString();
  if (event.eventType.endsWith('.deleted')) return null;
  if (event.eventType.endsWith('.created')) {
    const state: Record<string, unknown> = {};
    for (const [field, change] of Object.entries(changes)) state[field] = decode(field, change.after);
    const version = event.aggregateVersion ?? 1;
    return { id: event.aggregateId, version, createdAt: at, updatedAt: at, state, sequence: event.sequence };
  }
  if (!entity) return null;
  const state = { ...entity.state };
  for (const [field, change] of Object.entries(changes)) state[field] = decode(field, change.after);
  return {
    ...entity,
    version: event.aggregateVersion ?? entity.version + 1,
    updatedAt: at,
    state,
    sequence: event.sequence,
  };
}
