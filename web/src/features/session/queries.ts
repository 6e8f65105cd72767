import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ApiError,
  call,
  chooseWorkspace,
  type RequestBody,
  type ResponseOf,
  session,
  signedInHint,
} from '../../api/client';

export type Me = ResponseOf<'/api/v1/me', 'get'>;

export const sessionKeys = {
  all: ['session'] as const,
  me: () => [...sessionKeys.all, 'me'] as const,
  workspaces: () => [...sessionKeys.all, 'workspaces'] as const,
};

/** Who is signed in, in which workspace; null when nobody is. Also keeps the CSRF token current. */
export function useMe() {
  return useQuery({
    queryKey: sessionKeys.me(),
    queryFn: async () => {
      if (!signedInHint.get()) return null;
      try {
        const me = await call('get', '/api/v1/me');
        session.csrfToken = me.csrfToken;
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          signedInHint.set(false);
          return null;
        }
        // A remembered workspace the user has left: fall back to their first one.
        if (error instanceof ApiError && error.status === 404 && session.workspaceId) {
          chooseWorkspace(null);
          const me = await call('get', '/api/v1/me');
          session.csrfToken = me.csrfToken;
          return me;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** The workspaces the signed-in user belongs to, for the switcher. */
export function useWorkspaces() {
  return useQuery({
    queryKey: sessionKeys.workspaces(),
    queryFn: () => call('get', '/api/v1/workspaces', { query: { limit: 200 } }),
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => call('post', '/api/v1/auth/login', { body }),
    onSuccess: async (answer) => {
      session.csrfToken = answer.csrfToken;
      signedInHint.set(true);
      await client.resetQueries();
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('post', '/api/v1/auth/logout'),
    onSettled: async () => {
      session.csrfToken = null;
      signedInHint.set(false);
      window.history.pushState(null, '', '/');
      await client.resetQueries();
    },
  });
}

/** Switches the workspace every later call acts in, and drops what was cached for the old one. */
export function useSwitchWorkspace() {
  const client = useQueryClient();
  return (id: string) => {
    chooseWorkspace(id);
    window.history.pushState(null, '', '/');
    void client.resetQueries();
  };
}

/** Joins a workspace with an invitation's token (no session needed, so nothing cached changes). */
export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (body: RequestBody<'/api/v1/invitations/accept', 'post'>) =>
      call('post', '/api/v1/invitations/accept', { body }),
  });
}
