import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type RequestBody } from '../../api/client';
import { memberKeys } from '../members/queries';

export const invitationKeys = {
  all: ['invitations'] as const,
  list: () => [...invitationKeys.all, 'list'] as const,
};

export const tokenKeys = {
  all: ['tokens'] as const,
  /** The tokens of `owner` (an agent's user id), or the signed-in member's when empty. */
  list: (owner: string) => [...tokenKeys.all, 'list', owner] as const,
};

export const agentKeys = {
  all: ['agents'] as const,
  list: () => [...agentKeys.all, 'list'] as const,
};

export function useInvitations() {
  return useQuery({
    queryKey: invitationKeys.list(),
    queryFn: () => call('get', '/api/v1/invitations', { query: { limit: 200 } }),
  });
}

export function useInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestBody<'/api/v1/invitations', 'post'>) =>
      call('post', '/api/v1/invitations', { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: invitationKeys.all }),
  });
}

export function useRevokeInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('delete', '/api/v1/invitations/{id}', { params: { id } }),
    onSettled: () => client.invalidateQueries({ queryKey: invitationKeys.all }),
  });
}

export function useTokens(owner: string) {
  return useQuery({
    queryKey: tokenKeys.list(owner),
    queryFn: () => call('get', '/api/v1/tokens', { query: { limit: 200, userId: owner || undefined } }),
  });
}

/** Creates a token (for an agent when `userId` is given); its secret is in the answer, once. */
export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; readOnly: boolean; userId?: string; expiresAt?: string }) =>
      call('post', '/api/v1/tokens', { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('delete', '/api/v1/tokens/{id}', { params: { id } }),
    onSettled: () => client.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useAgents(enabled = true) {
  return useQuery({
    queryKey: agentKeys.list(),
    queryFn: () => call('get', '/api/v1/agents', { query: { limit: 200 } }),
    enabled,
  });
}

/** Adds an agent, which is also a member of the workspace. */
export function useCreateAgent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call('post', '/api/v1/agents', { body: { name } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: agentKeys.all });
      void client.invalidateQueries({ queryKey: memberKeys.all });
    },
  });
}
