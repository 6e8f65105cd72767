import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useMe } from '../session/queries';

export const memberRoles = ['owner', 'admin', 'editor', 'reviewer', 'viewer'] as const;
export type MemberRole = (typeof memberRoles)[number];

export const memberKeys = {
  all: ['members'] as const,
  list: () => [...memberKeys.all, 'list'] as const,
};

/** The workspace's members (people and agents), as settings lists them. */
export const membersQuery = queryOptions({
  queryKey: memberKeys.list(),
  queryFn: () => call('get', '/api/v1/members', { query: { limit: 200 } }),
});

/**
 * The workspace's members. A minute old is fresh enough to show people by name; a picker passes
 * `{ current: true }` and asks again when it opens, so someone who joined a moment ago can be chosen.
 */
export function useMembers(options: { current?: boolean } = {}) {
  return useQuery({ ...membersQuery, staleTime: options.current ? 0 : 60_000 });
}

/** A function from user id to a display name (the id's start when the member is unknown). */
export function useNameOf(): (id: string | null | undefined) => string {
  const members = useMembers();
  const me = useMe();
  return (id) => {
    if (!id) return '—';
    if (id === me.data?.user.id) return `${me.data.user.displayName} (you)`;
    const member = members.data?.data.find((candidate) => candidate.user.id === id);
    return member ? member.user.displayName : id.slice(0, 8);
  };
}

export function useChangeRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: string; role: MemberRole }) =>
      call('patch', '/api/v1/members/{userId}', {
        params: { userId: input.userId },
        body: { role: input.role },
      }),
    onSettled: () => client.invalidateQueries({ queryKey: memberKeys.all }),
  });
}

export function useRemoveMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => call('delete', '/api/v1/members/{userId}', { params: { userId } }),
    onSettled: () => client.invalidateQueries({ queryKey: memberKeys.all }),
  });
}
