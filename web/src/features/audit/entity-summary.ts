import { useQuery } from '@tanstack/react-query';
import { ApiError, call } from '../../api/client';
import { useNameOf } from '../members/queries';
import { typeLabel } from './labels';
import { auditKeys, useEntityAt, useEntityHistory } from './queries';

/** What a row needs to name an audited item: its name, its project, and when it was deleted, if it was. */
export interface EntitySummary {
  name: string;
  projectId: string | null;
  /** When the item was deleted (its last event), or null while it exists. */
  deletedAt: string | null;
  /** Its state now, or just before it was deleted. */
  state: Record<string, unknown> | undefined;
  isPending: boolean;
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** The name an item's state gives it: its title, name, key or file; a membership by its person. */
function nameIn(state: Record<string, unknown>, nameOf: (id: string) => string): string | undefined {
  const named =
    text(state.title) ??
    text(state.name) ??
    text(state.displayName) ??
    text(state.email) ??
    text(state.key) ??
    text(state.fileName) ??
    text(state.label);
  if (named) return named;
  const person = text(state.userId);
  return person ? nameOf(person) : undefined;
}

/**
 * Names an audited item from the audit trail itself, so any kind of item is covered and a deleted
 * one is still named: its state now, or, when it no longer exists, its state just before its last
 * event (the deletion).
 */
export function useEntitySummary(type: string, id: string): EntitySummary {
  const nameOf = useNameOf();
  // A person's events are about the person: the members list names them, with no state to rebuild.
  const person = type === 'user';
  const now = useEntityAt(type, id, '', { staleTime: 30_000, enabled: !person });
  const gone = now.error instanceof ApiError && now.error.status === 404;
  const history = useEntityHistory(type, id, gone);
  const last = gone ? history.data?.data.at(-1) : undefined;
  const before = useQuery({
    queryKey: auditKeys.at(type, id, `before ${last?.occurredAt}`),
    queryFn: () =>
      call('get', '/api/v1/audit/aggregates/{type}/{id}', {
        params: { type, id },
        query: { at: new Date(Date.parse(last?.occurredAt ?? '') - 1).toISOString() },
      }),
    enabled: Boolean(last),
    retry: false,
  });
  const state = now.data?.state ?? before.data?.state;
  const deleted = last && deletion.test(last.eventType) ? last.occurredAt : null;
  return {
    name: person ? nameOf(id) : ((state && nameIn(state, nameOf)) ?? `${typeLabel(type)} ${id.slice(0, 8)}`),
    projectId: type === 'project' ? id : (text(state?.projectId) ?? null),
    deletedAt: deleted,
    state,
    isPending:
      !person && (now.isPending || (gone && (history.isPending || (Boolean(last) && before.isPending)))),
  };
}

/** Event types that end an item's life. */
const deletion = /\.(deleted|removed|revoked|purged)$/;
