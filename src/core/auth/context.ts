import type { Role } from './schema.ts';

/** Who is acting: a person or an agent, with their role in the current workspace. */
export interface Actor {
  userId: string;
  kind: 'person' | 'agent';
  role: Role;
  /** The API token used, when the request came with one. */
  tokenId?: string;
  /** The session used, when the request came with a session cookie. */
  sessionId?: string;
  /** A read-only token may only read, whatever its role. */
  readOnly: boolean;
}

/** Everything a service needs to know about the request it serves. Built once per request. */
export interface RequestContext {
  requestId: string;
  workspaceId: string;
  actor: Actor;
  sourceAddress?: string;
  userAgent?: string;
}

/** A context for work the system does on its own behalf (bootstrap, jobs, the CLI on the database). */
export function systemContext(workspaceId: string, userId: string): RequestContext {
  return {
    requestId: 'system',
    workspaceId,
    actor: { userId, kind: 'person', role: 'owner', readOnly: false },
  };
}
