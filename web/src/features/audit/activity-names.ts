import { useQueries } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useMembers } from '../members/queries';
import { useRecentProjects } from '../projects/queries';
import { useMe } from '../session/queries';
import { type ActivityEvent, changedValue, type KnownEntity, type Names } from './describe-event';
import { auditKeys } from './queries';

/** Entity types worth a look-up when the events shown do not name them. */
const lookedUp = new Set(['prd_review', 'decision_log', 'project']);
/** At most this many look-ups, in parallel, for one list of activity. */
const maxLookups = 8;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** Names and projects that the events themselves recorded (a creation records the title). */
function namesInEvents(events: ActivityEvent[]): Map<string, KnownEntity> {
  const known = new Map<string, KnownEntity>();
  for (const event of events) {
    const key = `${event.aggregateType}/${event.aggregateId}`;
    const name = text(changedValue(event, 'title')) ?? text(changedValue(event, 'name'));
    const projectId = text(changedValue(event, 'projectId'));
    const before = known.get(key) ?? {};
    known.set(key, { name: before.name ?? name, projectId: before.projectId ?? projectId });
  }
  return known;
}

/**
 * Everything the activity needs to say who did what to which entity in which project: members and
 * projects by name, names recorded in the events, and for the few entities still unnamed their
 * current state from the audit trail (bounded, in parallel).
 */
export function useActivityNames(events: ActivityEvent[]): { names: Names; loading: boolean } {
  const members = useMembers();
  const me = useMe();
  const projects = useRecentProjects();
  const projectNames = new Map((projects.data?.data ?? []).map((project) => [project.id, project.name]));
  const recorded = namesInEvents(events);
  const unnamed = [...new Set(events.map((event) => `${event.aggregateType}/${event.aggregateId}`))]
    .filter((key) => {
      const [type = '', id = ''] = key.split('/');
      return lookedUp.has(type) && !recorded.get(key)?.name && !(type === 'project' && projectNames.has(id));
    })
    .slice(0, maxLookups);
  const states = useQueries({
    queries: unnamed.map((key) => {
      const [type = '', id = ''] = key.split('/');
      return {
        queryKey: auditKeys.at(type, id, ''),
        queryFn: () => call('get', '/api/v1/audit/aggregates/{type}/{id}', { params: { type, id } }),
        staleTime: 60_000,
      };
    }),
  });
  states.forEach((result, index) => {
    const state = result.data?.state;
    const key = unnamed[index];
    if (!state || !key) return;
    recorded.set(key, { name: text(state.title) ?? text(state.name), projectId: text(state.projectId) });
  });
  const names: Names = {
    person: (userId) =>
      userId === me.data?.user.id
        ? 'You'
        : members.data?.data.find((member) => member.user.id === userId)?.user.displayName,
    entity: (type, id) => {
      if (type === 'project' && projectNames.has(id)) return { name: projectNames.get(id) };
      return recorded.get(`${type}/${id}`);
    },
    project: (id) => projectNames.get(id) ?? recorded.get(`project/${id}`)?.name,
  };
  // Until members and projects are known, sentences would say "Someone": wait for them.
  return { names, loading: members.isPending || projects.isPending };
}
