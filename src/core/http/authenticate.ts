import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import { readCookie } from '../auth/cookies.ts';
import type { CredentialCache } from '../auth/credential-cache.ts';
import { authorize, type Permission } from '../auth/permissions.ts';
import { csrfTokenMatches, membershipFor, resolveSession, sessionCookieName } from '../auth/sessions.ts';
import { type Authenticated, authenticateToken, hashToken } from '../auth/tokens.ts';
import { AppError } from '../errors/app-error.ts';
import type { RateLimiter } from './rate-limit.ts';
import { clientOf } from './request-context.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The permission a route needs. The authentication hook authorizes it before the body is even
     * parsed, and the OpenAPI document shows it as `x-permission`.
     */
    permission?: Permission;
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
 * Resolved credentials are kept briefly in `cache` (revocations reach it at once through
 * LISTEN/NOTIFY). Then it authorizes the route's declared permission. Without valid credentials: 401.
 */
export function createAuthenticationHook(db: Database, perCredential: RateLimiter, cache: CredentialCache) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const requestedWorkspace = workspaceRequested(request);
    const resolved = request.headers.authorization
      ? await tokenCaller(db, cache, request.headers.authorization, requestedWorkspace)
      : await sessionCaller(db, cache, request, requestedWorkspace);
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

async function tokenCaller(
  db: Database,
  cache: CredentialCache,
  header: string,
  requestedWorkspace: string | undefined,
): Promise<Authenticated> {
  const secret = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  const authenticated = secret
    ? await cache.resolve(`token:${hashToken(secret)}`, () => authenticateToken(db, secret))
    : null;
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
  return authenticated;
}

async function sessionCaller(
  db: Database,
  cache: CredentialCache,
  request: FastifyRequest,
  requestedWorkspace: string | undefined,
): Promise<Authenticated> {
  const secret = readCookie(request.headers.cookie, sessionCookieName);
  const key = secret ? `session:${hashToken(secret)}:${requestedWorkspace ?? ''}` : '';
  let member = true;
  const resolved = secret
    ? await cache.resolve(key, async () => {
        const session = await resolveSession(db, secret);
        if (!session) return null;
        const membership = await membershipFor(db, session.userId, requestedWorkspace);
        if (!membership) {
          member = false;
          return null;
        }
        const actor = {
          userId: session.userId,
          kind: session.kind,
          role: membership.role,
          sessionId: session.sessionId,
          readOnly: false,
        };
        return {
          authenticated: { workspaceId: membership.workspaceId, actor },
          expiresAt: session.expiresAt,
        };
      })
    : null;
  if (!resolved && member) {
    throw new AppError(
      'unauthenticated',
      'Send an API token as `Authorization: Bearer <token>`, or sign in at /api/v1/auth/login.',
      {
        code: secret ? 'session_invalid' : 'credentials_missing',
        headers: { 'WWW-Authenticate': 'Bearer realm="shipshape"' },
      },
    );
  }
  if (
    secret &&
    !safeMethods.has(request.method) &&
    !csrfTokenMatches(secret, headerValue(request, csrfHeader))
  ) {
    throw new AppError(
      'forbidden',
      'Writes with a session cookie need the X-CSRF-Token that sign-in and /me give.',
      {
        code: 'csrf_token_invalid',
      },
    );
  }
  if (!resolved) {
    throw new AppError('not_found', 'You are not a member of that workspace.', {
      code: 'workspace.not_found',
    });
  }
  return resolved;
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
