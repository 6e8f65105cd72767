import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { addComment, commentsOf, resolveThread } from '../comments.ts';
import {
  commentInputSchema,
  commentListQuery,
  commentPageSchema,
  commentParams,
  commentSchema,
  itemParams,
} from '../contracts.ts';
import { prdPermissions } from '../permissions.ts';
import { prdResource } from '../resource.ts';
import { itemPath, readErrors, tags } from './shared.ts';

const writeErrors = problemResponses([...commonProblemStatuses, 404, 409, 422]);

export const listCommentsRoute = defineRoute({
  method: 'GET',
  url: `${itemPath}/comments`,
  permission: prdResource.permissions.read,
  schema: {
    tags,
    operationId: 'list_prd_comments',
    summary: 'List comments in the order written (replies carry parentId)',
    params: itemParams,
    querystring: commentListQuery,
    response: { 200: commentPageSchema, ...readErrors },
  },
  handler: ({ scope, params, query }) => commentsOf(scope, params.id, query),
});

export const addCommentRoute = defineRoute({
  method: 'POST',
  url: `${itemPath}/comments`,
  permission: prdPermissions.comment,
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
  handler: async ({ scope, params, body, reply }) =>
    reply.code(201).send(await addComment(scope, params.id, body)),
});

/** POST …/comments/{commentId}/{resolve,reopen}. */
const threadRoutes = (['resolve', 'reopen'] as const).map((action) =>
  defineRoute({
    method: 'POST',
    url: `${itemPath}/comments/:commentId/${action}`,
    permission: prdPermissions.comment,
    schema: {
      tags,
      operationId: `${action}_prd_comment`,
      summary: action === 'resolve' ? 'Resolve a thread' : 'Reopen a resolved thread',
      params: commentParams,
      response: { 200: commentSchema, ...writeErrors },
    },
    handler: ({ scope, params }) => resolveThread(scope, params.id, params.commentId, action === 'resolve'),
  }),
);

export const commentRoutes = [listCommentsRoute, addCommentRoute, ...threadRoutes];
