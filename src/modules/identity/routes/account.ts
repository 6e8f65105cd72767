import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { readCookie, serializeCookie } from '../../../core/auth/cookies.ts';
import { csrfTokenFor, sessionCookieName } from '../../../core/auth/sessions.ts';
import type { AuthSettings } from '../../../core/auth/settings.ts';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { clientOf } from '../../../core/http/request-context.ts';
import { definePublicRoute, defineRoute } from '../../../core/http/route.ts';
import { signOut, signOutEverywhere, whoAmI } from '../account.ts';
import { meSchema, signedInSchema, signInSchema } from '../contracts.ts';
import { identityPermissions } from '../permissions.ts';
import { signIn } from '../sign-in.ts';

const tags = ['Identity'];

function secureCookie(request: FastifyRequest, settings: AuthSettings): boolean {
  return settings.secureCookies || request.protocol === 'https';
}

function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, settings: AuthSettings): void {
  reply.header(
    'set-cookie',
    serializeCookie(sessionCookieName, '', { maxAge: 0, secure: secureCookie(request, settings) }),
  );
}

/** Sign-in: the one identity route besides accepting an invitation that needs no credential. */
export const signInRoute = definePublicRoute({
  method: 'POST',
  url: '/auth/login',
  schema: {
    tags,
    operationId: 'sign_in',
    summary: 'Sign in with email and password',
    description:
      'Starts a session: sets an HttpOnly, SameSite=Lax cookie (Secure over https) and returns the CSRF token to send as X-CSRF-Token on writes. Repeated failures slow down, then lock the address for a while (429 with Retry-After).',
    security: [],
    body: signInSchema,
    response: { 200: signedInSchema, ...problemResponses([400, 401, 429, 500]) },
  },
  handler: async ({ app, body, request, reply }) => {
    const { session, user } = await signIn(app, body, {
      requestId: String(request.id),
      ...clientOf(request),
    });
    const { settings } = app.auth;
    reply.header(
      'set-cookie',
      serializeCookie(sessionCookieName, session.secret, {
        maxAge: settings.sessionTtlSeconds,
        secure: secureCookie(request, settings),
      }),
    );
    return {
      user: { id: user.id, email: user.email, displayName: user.displayName, kind: user.kind },
      csrfToken: csrfTokenFor(session.secret),
      expiresAt: session.expiresAt,
    };
  },
});

export const signOutRoute = defineRoute({
  method: 'POST',
  url: '/auth/logout',
  permission: identityPermissions.accountManage,
  schema: {
    tags,
    operationId: 'sign_out',
    summary: 'Sign out: end this session',
    description:
      'Ends the session of the cookie sent and clears the cookie. API tokens are revoked at DELETE /tokens/{id} instead.',
    body: z.strictObject({}).optional(),
    response: { 204: z.null().describe('Signed out'), ...problemResponses(commonProblemStatuses) },
  },
  handler: async ({ scope, app, request, reply }) => {
    await signOut(scope);
    clearSessionCookie(request, reply, app.auth.settings);
    return reply.code(204).send(null);
  },
});

export const signOutEverywhereRoute = defineRoute({
  method: 'POST',
  url: '/auth/logout-everywhere',
  permission: identityPermissions.accountManage,
  schema: {
    tags,
    operationId: 'sign_out_everywhere',
    summary: 'Sign out everywhere: end all your sessions',
    description: 'Ends every session of the caller, on every device. API tokens stay valid.',
    body: z.strictObject({}).optional(),
    response: {
      200: z.object({ endedSessions: z.number().int() }),
      ...problemResponses(commonProblemStatuses),
    },
  },
  handler: async ({ scope, app, request, reply }) => {
    const endedSessions = await signOutEverywhere(scope);
    if (scope.ctx.actor.sessionId) clearSessionCookie(request, reply, app.auth.settings);
    return { endedSessions };
  },
});

export const meRoute = defineRoute({
  method: 'GET',
  url: '/me',
  permission: identityPermissions.accountRead,
  schema: {
    tags,
    operationId: 'get_me',
    summary: 'Who am I: user, workspace, role and credential',
    response: { 200: meSchema, ...problemResponses(commonProblemStatuses) },
  },
  handler: ({ scope, request }) => whoAmI(scope, readCookie(request.headers.cookie, sessionCookieName)),
});
