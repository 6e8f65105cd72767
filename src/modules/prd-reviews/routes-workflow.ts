import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, definePermission } from '../../core/auth/permissions.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { assertProjectVisible, getRow } from '../../core/resource/service.ts';
import type { Database } from '../../db/connection.ts';
import {
  actionBodySchema,
  approvalStateSchema,
  decisionSchema,
  prdSchema,
  requestChangesBodySchema,
  reviewBodySchema,
  reviewerInputSchema,
  reviewRequestSchema,
  settingsInputSchema,
  settingsSchema,
  supersedeBodySchema,
} from './contracts.ts';
import { prdResource } from './resource.ts';
import {
  approvalState,
  configurePermission,
  listDecisions,
  listRequests,
  requestReviewPermission,
  requestReviews,
  reviewPermission,
  settingsOf,
  updateSettings,
} from './reviews.ts';
import {
  collectionParams,
  itemParams,
  itemPath,
  pageQuery,
  scopeOf,
  sendPrd,
  tags,
} from './route-support.ts';
import { type ActionInput, review, transition } from './workflow-service.ts';

/** Submitting, withdrawing, superseding and archiving: whoever may edit PRDs. */
export const transitionPermission = definePermission('prd_review.transition', 'write');

const transitionActions = [
  {
    action: 'submit',
    summary: 'Submit for review (draft or changes_requested → in_review)',
    body: actionBodySchema,
  },
  { action: 'withdraw', summary: 'Withdraw from review (in_review → draft)', body: actionBodySchema },
  { action: 'archive', summary: 'Archive', body: actionBodySchema },
  {
    action: 'supersede',
    summary: 'Mark as superseded by another PRD (approved → superseded)',
    body: supersedeBodySchema,
  },
] as const;

export function registerWorkflowRoutes(app: FastifyInstance, db: Database): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const actionErrors = problemResponses([...commonProblemStatuses, 404, 409, 412, 422]);

  for (const { action, summary, body } of transitionActions) {
    api.post(
      `${itemPath}/${action}`,
      {
        config: { permission: transitionPermission },
        schema: {
          tags,
          operationId: `${action}_prd_review`,
          summary,
          description:
            'Audited as prd_review.<action> with who and the optional reason. 409 lists the allowed actions.',
          params: itemParams,
          body,
          response: { 200: prdSchema, ...actionErrors },
        },
      },
      async (request, reply) => {
        const scope = scopeOf(request);
        authorize(scope.ctx.actor, transitionPermission);
        const row = await db.transaction((tx) =>
          transition(tx, scope, request.params.id, action, request.body as ActionInput),
        );
        return sendPrd(reply, row);
      },
    );
  }

  const reviewActions = [
    { action: 'approve', summary: 'Approve the current revision', body: reviewBodySchema },
    {
      action: 'request-changes',
      summary: 'Request changes (in_review → changes_requested)',
      body: requestChangesBodySchema,
    },
  ] as const;
  for (const { action, summary, body } of reviewActions) {
    api.post(
      `${itemPath}/${action}`,
      {
        config: { permission: reviewPermission },
        schema: {
          tags,
          operationId: `${action.replace('-', '_')}_prd_review`,
          summary,
          description:
            'Needs the review permission (owner, admin, reviewer; never an agent). An approval completes the review once the project rule is met on the current revision.',
          params: itemParams,
          body,
          response: { 200: prdSchema, ...actionErrors },
        },
      },
      async (request, reply) => {
        const scope = scopeOf(request);
        const row = await db.transaction((tx) =>
          review(tx, scope, request.params.id, action, request.body as ActionInput),
        );
        return sendPrd(reply, row);
      },
    );
  }

  api.post(
    `${itemPath}/review-requests`,
    {
      config: { permission: requestReviewPermission },
      schema: {
        tags,
        operationId: 'request_prd_reviews',
        summary: 'Ask members to review',
        description: 'Reviewers are named by user id or email; members who cannot review answer 422.',
        params: itemParams,
        body: reviewerInputSchema,
        response: {
          200: z.object({ data: z.array(reviewRequestSchema), nextCursor: z.string().nullable() }),
          ...actionErrors,
        },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      authorize(scope.ctx.actor, requestReviewPermission);
      return db.transaction(async (tx) => {
        const prd = await getRow(tx, prdResource, scope, request.params.id, true);
        await requestReviews(tx, scope.ctx, prd, request.body.reviewers);
        return listRequests(tx, prd.id, 200);
      });
    },
  );

  api.get(
    `${itemPath}/review-requests`,
    {
      config: { permission: prdResource.permissions.read },
      schema: {
        tags,
        operationId: 'list_prd_review_requests',
        summary: 'List the members asked to review',
        params: itemParams,
        querystring: pageQuery,
        response: {
          200: z.object({ data: z.array(reviewRequestSchema), nextCursor: z.string().nullable() }),
          ...problemResponses([...commonProblemStatuses, 404]),
        },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      authorize(scope.ctx.actor, prdResource.permissions.read);
      const prd = await getRow(db, prdResource, scope, request.params.id);
      return listRequests(db, prd.id, request.query.limit, request.query.cursor);
    },
  );

  api.get(
    `${itemPath}/reviews`,
    {
      config: { permission: prdResource.permissions.read },
      schema: {
        tags,
        operationId: 'list_prd_review_decisions',
        summary: 'List the review decisions, oldest first',
        params: itemParams,
        querystring: pageQuery,
        response: {
          200: z.object({ data: z.array(decisionSchema), nextCursor: z.string().nullable() }),
          ...problemResponses([...commonProblemStatuses, 404]),
        },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      authorize(scope.ctx.actor, prdResource.permissions.read);
      const prd = await getRow(db, prdResource, scope, request.params.id);
      return listDecisions(db, prd.id, request.query.limit, request.query.cursor);
    },
  );

  api.get(
    `${itemPath}/approval`,
    {
      config: { permission: prdResource.permissions.read },
      schema: {
        tags,
        operationId: 'get_prd_approval_state',
        summary: 'Who approved the current revision, and who is still to decide',
        params: itemParams,
        response: { 200: approvalStateSchema, ...problemResponses([...commonProblemStatuses, 404]) },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      authorize(scope.ctx.actor, prdResource.permissions.read);
      const prd = await getRow(db, prdResource, scope, request.params.id);
      return approvalState(db, prd, await settingsOf(db, String(prd.projectId)));
    },
  );

  const settingsPath = '/projects/:projectId/prd-review-settings';
  api.get(
    settingsPath,
    {
      config: { permission: prdResource.permissions.read },
      schema: {
        tags,
        operationId: 'get_prd_review_settings',
        summary: "The project's review rules",
        params: collectionParams,
        response: { 200: settingsSchema, ...problemResponses([...commonProblemStatuses, 404]) },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      authorize(scope.ctx.actor, prdResource.permissions.read);
      await assertProjectVisible(db, scope);
      const { updatedAt: _, ...settings } = await settingsOf(db, request.params.projectId);
      return settings;
    },
  );
  api.patch(
    settingsPath,
    {
      config: { permission: configurePermission },
      schema: {
        tags,
        operationId: 'update_prd_review_settings',
        summary: "Change the project's review rules",
        description: 'Only the fields sent change. Needs the administer permission (owner, admin).',
        params: collectionParams,
        body: settingsInputSchema,
        response: { 200: settingsSchema, ...problemResponses([...commonProblemStatuses, 404]) },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      authorize(scope.ctx.actor, configurePermission);
      await assertProjectVisible(db, scope);
      return db.transaction((tx) => updateSettings(tx, scope.ctx, request.params.projectId, request.body));
    },
  );
}
