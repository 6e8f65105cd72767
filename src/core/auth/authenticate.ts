import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../http/errors.ts';
import type { RateLimiter } from '../http/rate-limit.ts';
import { clientOf } from '../http/request-context.ts';
import type { Actor } from './context.ts';
import { readCookie } from './cookies.ts';
import { authorize } from './permissions.ts';
import { csrfTokenMatches, membershipFor, resolveSession, sessionCookieName } from './sessions.ts';
import { authenticateToken } from './tokens.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The permission a route needs. The authentication hook authorizes it before the body is even
     * parsed, and the OpenAPI document shows it as `x-permission`.
     */
    permission?: string;
  }
}

export const workspaceHeader = 'x-workspace-id';
export const csrfHeader = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const uuid = z.uuid();

/**
 * Resolves the caller of an API request and puts the request context on the request. Two
 * credentials: `Authorization: Bearer <token>` (bound to the token's workspace) or the session
 * cookie (the workspace from `X-Workspace-Id`, else the user's first; writes need `X-CSRF-Token`).
 * Then it authorizes the route's declared permission. Without valid credentials: 401.
 */
export function createAuthenticationHook(db: Database, perCredential: RateLimiter) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization;
    const requestedWorkspace = workspaceRequested(request);
    let resolved: { workspaceId: string; actor: Actor };
    if (header) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const authenticated = match?.[1] ? await authenticateToken(db, match[1]) : null;
      if (!authenticated) {
        throw new AppError('unauthenticated', 'The token is unknown, revoked or expired.', {
          code: 'credentials_invalid',
          headers: { 'WWW-Authenticate': 'Bearer realm="shipshape", error="invalid_token"' },
        });
      }
      if (requestedWorkspace && requestedWorkspace !== authenticated.workspaceId) {
        throw new AppError(
          'validation_failed',
          'A token is bound to one workspace; X-Workspace-Id names another.',
          {
            code: 'workspace.token_mismatch',
            errors: [{ path: `headers.${workspaceHeader}`, message: "differs from the token's workspace" }],
          },
        );
      }
      resolved = authenticated;
    } else {
      const secret = readCookie(request.headers.cookie, sessionCookieName);
      const session = secret ? await resolveSession(db, secret) : null;
      if (!secret || !session) {
        throw new AppError(
          'unauthenticated',
          'Send an API token as `Authorization: Bearer <token>`, or sign in at /api/v1/auth/login.',
          {
            code: secret ? 'session_invalid' : 'credentials_missing',
            headers: { 'WWW-Authenticate': 'Bearer realm="shipshape"' },
          },
        );
      }
      if (!safeMethods.has(request.method) && !csrfTokenMatches(secret, headerValue(request, csrfHeader))) {
        throw new AppError(
          'forbidden',
          'Writes with a session cookie need the X-CSRF-Token that sign-in and /me give.',
          {
            code: 'csrf_token_invalid',
          },
        );
      }
      const membership = await membershipFor(db, session.userId, requestedWorkspace);
      if (!membership) {
        throw new AppError('not_found', 'You are not a member of that workspace.', {
          code: 'workspace.not_found',
        });
      }
      resolved = {
        workspaceId: membership.workspaceId,
        actor: {
          userId: session.userId,
          kind: session.kind,
          role: membership.role,
          sessionId: session.sessionId,
          readOnly: false,
        },
      };
    }
    perCredential.hit(resolved.actor.tokenId ?? resolved.actor.sessionId ?? resolved.actor.userId);
    request.requestContext = {
      requestId: String(request.id),
      workspaceId: resolved.workspaceId,
      actor: resolved.actor,
      ...clientOf(request),
    };
    const permission = request.routeOptions.config.permission;
    if (permission) authorize(resolved.actor, permission);
  };
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function workspaceRequested(request: FastifyRequest): string | undefined {
  const value = headerValue(request, workspaceHeader);
  if (value === undefined) return undefined;
  if (!uuid.safeParse(value).success) {
    throw new AppError('validation_failed', 'X-Workspace-Id must be a workspace id (a UUID).', {
      errors: [{ path: `headers.${workspaceHeader}`, message: 'must be a UUID' }],
    });
  }
  return value;
}
