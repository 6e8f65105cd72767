import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readCookie, serializeCookie } from '../../core/auth/cookies.ts';
import { users, workspaces } from '../../core/auth/schema.ts';
import {
  csrfTokenFor,
  resolveSession,
  revokeAllSessions,
  revokeSession,
  sessionCookieName,
} from '../../core/auth/sessions.ts';
import type { AuthSettings } from '../../core/auth/settings.ts';
import { AppError } from '../../core/http/errors.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import type { RateLimiter } from '../../core/http/rate-limit.ts';
import { clientOf, contextOf } from '../../core/http/request-context.ts';
import type { Database } from '../../db/connection.ts';
import { recordIdentityEvent } from './audit.ts';
import { identityPermissions } from './permissions.ts';
import { emailSchema, roleSchema, userSchema } from './schemas.ts';
import { signIn } from './sign-in.ts';

const tags = ['Identity'];

export interface IdentityDependencies {
  db: Database;
  settings: AuthSettings;
  signInLimiter: RateLimiter;
  invitationLimiter: RateLimiter;
}

function secureCookie(request: FastifyRequest, settings: AuthSettings): boolean {
  return settings.secureCookies || request.protocol === 'https';
}

function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, settings: AuthSettings): void {
  reply.header(
    'set-cookie',
    serializeCookie(sessionCookieName, '', { maxAge: 0, secure: secureCookie(request, settings) }),
  );
}

const signedInSchema = z.object({
  user: userSchema,
  csrfToken: z.string().describe('Send it as X-CSRF-Token on every write made with the session cookie'),
  expiresAt: z.date().describe('When the session ends'),
});

/** Sign-in: the one identity route that needs no credential. */
export function registerSignInRoute(app: FastifyInstance, deps: IdentityDependencies): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/auth/login',
    {
      schema: {
        tags,
        operationId: 'sign_in',
        summary: 'Sign in with email and password',
        description:
          'Starts a session: sets an HttpOnly, SameSite=Lax cookie (Secure over https) and returns the CSRF token to send as X-CSRF-Token on writes. Repeated failures slow down, then lock the address for a while (429 with Retry-After).',
        security: [],
        body: z.strictObject({ email: emailSchema, password: z.string().min(1).max(1024) }),
        response: { 200: signedInSchema, ...problemResponses([400, 401, 429, 500]) },
      },
    },
    async (request, reply) => {
      deps.signInLimiter.hit(request.ip);
      const { session, user } = await signIn(deps.db, deps.settings, request.body, {
        requestId: String(request.id),
        ...clientOf(request),
      });
      reply.header(
        'set-cookie',
        serializeCookie(sessionCookieName, session.secret, {
          maxAge: deps.settings.sessionTtlSeconds,
          secure: secureCookie(request, deps.settings),
        }),
      );
      return {
        user: { id: user.id, email: user.email, displayName: user.displayName, kind: user.kind },
        csrfToken: csrfTokenFor(session.secret),
        expiresAt: session.expiresAt,
      };
    },
  );
}

/** Sign-out, sign-out everywhere and /me: routes for the signed-in caller. */
export function registerAccountRoutes(app: FastifyInstance, deps: IdentityDependencies): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, settings } = deps;

  api.post(
    '/auth/logout',
    {
      config: { permission: identityPermissions.accountManage },
      schema: {
        tags,
        operationId: 'sign_out',
        summary: 'Sign out: end this session',
        description:
          'Ends the session of the cookie sent and clears the cookie. API tokens are revoked at DELETE /tokens/{id} instead.',
        body: z.strictObject({}).optional(),
        response: { 204: z.null().describe('Signed out'), ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const sessionId = ctx.actor.sessionId;
      if (!sessionId) {
        throw new AppError('validation_failed', 'Sign-out ends a session; this request used an API token.', {
          code: 'sign_out.not_a_session',
        });
      }
      await db.transaction(async (tx) => {
        await revokeSession(tx, sessionId);
        await recordIdentityEvent(tx, ctx, {
          eventType: 'session.signed_out',
          aggregateType: 'user',
          aggregateId: ctx.actor.userId,
          data: { sessionId },
        });
      });
      clearSessionCookie(request, reply, settings);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/auth/logout-everywhere',
    {
      config: { permission: identityPermissions.accountManage },
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
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const endedSessions = await db.transaction(async (tx) => {
        const ended = await revokeAllSessions(tx, ctx.actor.userId);
        await recordIdentityEvent(tx, ctx, {
          eventType: 'session.signed_out_everywhere',
          aggregateType: 'user',
          aggregateId: ctx.actor.userId,
          data: { endedSessions: ended },
        });
        return ended;
      });
      if (ctx.actor.sessionId) clearSessionCookie(request, reply, settings);
      return { endedSessions };
    },
  );

  api.get(
    '/me',
    {
      config: { permission: identityPermissions.accountRead },
      schema: {
        tags,
        operationId: 'get_me',
        summary: 'Who am I: user, workspace, role and credential',
        response: {
          200: z.object({
            user: userSchema,
            workspace: z.object({ id: z.uuid(), name: z.string() }),
            role: roleSchema,
            credential: z.object({
              kind: z.enum(['token', 'session']),
              id: z.uuid(),
              readOnly: z.boolean(),
              expiresAt: z.date().nullable(),
            }),
            csrfToken: z
              .string()
              .nullable()
              .describe('For session requests: send it as X-CSRF-Token on writes'),
          }),
          ...problemResponses(commonProblemStatuses),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const [user] = await db.select().from(users).where(eq(users.id, ctx.actor.userId));
      const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, ctx.workspaceId));
      if (!user || !workspace) throw new AppError('unauthenticated', 'Your account no longer exists.');
      const secret = readCookie(request.headers.cookie, sessionCookieName);
      const session = ctx.actor.sessionId && secret ? await resolveSession(db, secret) : null;
      return {
        user: { id: user.id, email: user.email, displayName: user.displayName, kind: user.kind },
        workspace: { id: workspace.id, name: workspace.name },
        role: ctx.actor.role,
        credential: session
          ? { kind: 'session' as const, id: session.sessionId, readOnly: false, expiresAt: session.expiresAt }
          : {
              kind: 'token' as const,
              id: ctx.actor.tokenId ?? '',
              readOnly: ctx.actor.readOnly,
              expiresAt: null,
            },
        csrfToken: session && secret ? csrfTokenFor(secret) : null,
      };
    },
  );
}
