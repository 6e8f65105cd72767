import { useQuery } from '@tanstack/react-query';
import { call } from './api/client';
import { useMe } from './session';

/**
 * What each role may do, as the server's policy (core/auth/permissions.ts) grants it. The UI uses it
 * only to hide what the server would refuse anyway; the server decides. `write` here also stands for
 * `contribute`, which every role with `write` has.
 */
const roleClasses: Record<string, readonly string[]> = {
  owner: ['read', 'write', 'review', 'administer'],
  admin: ['read', 'write', 'review', 'administer'],
  editor: ['read', 'write'],
  reviewer: ['read', 'review'],
  viewer: ['read'],
  agent: ['read'],
};

/** Whether the signed-in member's role may do a class of things (write, review, administer). */
export function useCan(permissionClass: 'write' | 'review' | 'administer'): boolean {
  const me = useMe();
  return (roleClasses[me.data?.role ?? 'viewer'] ?? []).includes(permissionClass);
}

/** The workspace's members, to show people by name rather than by id. */
export function useMembers() {
  return useQuery({
    queryKey: ['members'],
    queryFn: () => call('get', '/api/v1/members', { query: { limit: 200 } }),
    staleTime: 60_000,
  });
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
