import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../core/auth/permissions.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { getRow } from '../../core/resource/service.ts';
import type { Database } from '../../db/connection.ts';
import { addComment, authorizeComment, commentPermission, listComments, setResolved } from './comments.ts';
import { commentInputSchema, commentSchema } from './contracts.ts';
import { prdResource } from './resource.ts';
import { reviewPermission } from './reviews.ts';
import { itemParams, itemPath, pageQuery, scopeOf, tags } from './route-support.ts';

export function registerCommentRoutes(app: FastifyInstance, db: Database): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const writeErrors = problemResponses([...commonProblemStatuses, 404, 409, 422]);

  api.get(
    `${itemPath}/comments`,
    {
      config: { permission: prdResource.permissions.read },
      schema: {
        tags,
        operationId: 'list_prd_comments',
        summary: 'List comments in the order written (replies carry parentId)',
        params: itemParams,
        querystring: pageQuery.extend({
          unresolved: z
            .enum(['true', 'false'])
            .optional()
            .describe('true: only open threads (their first comments)'),
        }),
        response: {
          200: z.object({ data: z.array(commentSchema), nextCursor: z.string().nullable() }),
          ...problemResponses([...commonProblemStatuses, 404]),
        },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      authorize(scope.ctx.actor, prdResource.permissions.read);
      const prd = await getRow(db, prdResource, scope, request.params.id);
      const { limit, cursor, unresolved } = request.query;
      if (cursor !== undefined && !z.uuid().safeParse(cursor).success) {
        return { data: [], nextCursor: null };
      }
      return listComments(db, prd.id, { limit, cursor, unresolved: unresolved === 'true' });
    },
  );

  api.post(
    `${itemPath}/comments`,
    {
      config: { permission: commentPermission },
      schema: {
        tags,
        operationId: 'add_prd_comment',
        summary: 'Comment on the PRD, on a text range of a revision, or reply to a thread',
        description:
          'Mention members as @email (e.g. @alice@example.com); unknown members answer 422. An anchor names the quoted text and its offsets in the revision.',
        params: itemParams,
        body: commentInputSchema,
        response: { 201: commentSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      authorizeComment(scope.ctx.actor, reviewPermission);
      const comment = await db.transaction(async (tx) => {
        const prd = await getRow(tx, prdResource, scope, request.params.id);
        return addComment(tx, scope.ctx, prd, request.body);
      });
      return reply.code(201).send(comment);
    },
  );

  for (const action of ['resolve', 'reopen'] as const) {
    api.post(
      `${itemPath}/comments/:commentId/${action}`,
      {
        config: { permission: commentPermission },
        schema: {
          tags,
          operationId: `${action}_prd_comment`,
          summary: action === 'resolve' ? 'Resolve a thread' : 'Reopen a resolved thread',
          params: itemParams.extend({ commentId: z.uuid() }),
          response: { 200: commentSchema, ...writeErrors },
        },
      },
      async (request) => {
        const scope = scopeOf(request);
        authorizeComment(scope.ctx.actor, reviewPermission);
        return db.transaction(async (tx) => {
          const prd = await getRow(tx, prdResource, scope, request.params.id);
          return setResolved(tx, scope.ctx, prd, request.params.commentId, action === 'resolve');
        });
      },
    );
  }
}
