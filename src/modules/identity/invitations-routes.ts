import { and, asc, eq, gt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invitations } from '../../core/auth/schema.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { clientOf, contextOf } from '../../core/http/request-context.ts';
import { pageSchema } from '../../core/resource/schemas.ts';
import type { IdentityDependencies } from './auth-routes.ts';
import { acceptInvitation, invitationOutput, invite, revokeInvitation } from './invitations.ts';
import { identityPermissions } from './permissions.ts';
import {
  displayNameSchema,
  emailSchema,
  invitationSchema,
  pageOf,
  pageQuery,
  passwordSchema,
  roleSchema,
  userSchema,
} from './schemas.ts';

const tags = ['Identity'];
export const acceptPath = '/invitations/accept';

/** Owners and admins invite people by email; the invitation token is shown once. */
export function registerInvitationRoutes(app: FastifyInstance, deps: IdentityDependencies): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, settings } = deps;

  api.post(
    '/invitations',
    {
      config: { permission: identityPermissions.memberManage },
      schema: {
        tags,
        operationId: 'create_invitation',
        summary: 'Invite someone by email with a role',
        description: `Answers the invitation token once; send it to the person, who accepts at POST /api/v1${acceptPath}. Only owners invite owners; agents are created, not invited.`,
        body: z.strictObject({ email: emailSchema, role: roleSchema }),
        response: {
          201: invitationSchema.extend({
            token: z.string().describe('Shown this once; only a hash is kept'),
            acceptPath: z.string(),
          }),
          ...problemResponses([...commonProblemStatuses, 409, 422]),
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      deps.invitationLimiter.hit(`workspace:${ctx.workspaceId}`);
      const { row, token } = await db.transaction((tx) =>
        invite(tx, ctx, request.body, settings.invitationTtlSeconds),
      );
      return reply.code(201).send({ ...invitationOutput(row), token, acceptPath: `/api/v1${acceptPath}` });
    },
  );

  api.get(
    '/invitations',
    {
      config: { permission: identityPermissions.memberManage },
      schema: {
        tags,
        operationId: 'list_invitations',
        summary: 'List the workspace’s invitations (never their tokens)',
        querystring: pageQuery,
        response: { 200: pageSchema(invitationSchema), ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { limit, cursor } = request.query;
      const rows = await db
        .select()
        .from(invitations)
        .where(
          and(eq(invitations.workspaceId, ctx.workspaceId), cursor ? gt(invitations.id, cursor) : undefined),
        )
        .orderBy(asc(invitations.id))
        .limit(limit + 1);
      const page = pageOf(rows, limit, (row) => row.id);
      return { data: page.data.map(invitationOutput), nextCursor: page.nextCursor };
    },
  );

  api.delete(
    '/invitations/:id',
    {
      config: { permission: identityPermissions.memberManage },
      schema: {
        tags,
        operationId: 'revoke_invitation',
        summary: 'Revoke a pending invitation',
        params: z.object({ id: z.uuid().describe('The invitation id') }),
        response: {
          204: z.null().describe('Revoked'),
          ...problemResponses([...commonProblemStatuses, 404, 409]),
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await db.transaction((tx) => revokeInvitation(tx, ctx, request.params.id));
      return reply.code(204).send(null);
    },
  );
}

/** Accepting an invitation needs no credential: the invitation token is the proof. */
export function registerInvitationAcceptRoute(app: FastifyInstance, deps: IdentityDependencies): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    acceptPath,
    {
      schema: {
        tags,
        operationId: 'accept_invitation',
        summary: 'Accept an invitation: choose a name and password, join the workspace',
        description:
          'Someone who already has an account gives its current password instead (the invitation cannot change it). Then sign in at /api/v1/auth/login.',
        security: [],
        body: z.strictObject({
          token: z.string().min(10).max(200),
          displayName: displayNameSchema.optional().describe('Required for a new account'),
          password: passwordSchema,
        }),
        response: {
          201: z.object({
            user: userSchema,
            workspace: z.object({ id: z.uuid(), name: z.string() }),
            role: roleSchema,
          }),
          ...problemResponses([400, 401, 404, 409, 429, 500]),
        },
      },
    },
    async (request, reply) => {
      deps.invitationLimiter.hit(`address:${request.ip}`);
      const { user, workspace, role } = await acceptInvitation(deps.db, request.body, {
        requestId: String(request.id),
        ...clientOf(request),
      });
      return reply.code(201).send({
        user: { id: user.id, email: user.email, displayName: user.displayName, kind: user.kind },
        workspace: { id: workspace?.id ?? '', name: workspace?.name ?? '' },
        role,
      });
    },
  );
}
