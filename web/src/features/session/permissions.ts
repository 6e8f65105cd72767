import { useMe } from './queries';

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
