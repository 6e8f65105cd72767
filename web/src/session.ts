import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, call, chooseWorkspace, session, signedInHint } from './api/client';

/** Who is signed in, in which workspace; null when nobody is. Also keeps the CSRF token current. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
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
