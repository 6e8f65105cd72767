import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import {
  actionBodySchema,
  itemParams,
  prdSchema,
  requestChangesBodySchema,
  reviewBodySchema,
  supersedeBodySchema,
} from '../contracts.ts';
import { prdPermissions } from '../permissions.ts';
import { reviewPrd, transitionPrd } from '../workflow-service.ts';
import { answerPrd, itemPath, tags } from './shared.ts';

const actionErrors = problemResponses([...commonProblemStatuses, 404, 409, 412, 422]);

const transitions = [
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

/** POST …/{submit,withdraw,archive,supersede}: whoever may edit PRDs moves them along. */
const transitionRoutes = transitions.map(({ action, summary, body }) =>
  defineRoute({
    method: 'POST',
    url: `${itemPath}/${action}`,
    permission: prdPermissions.transition,
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
    handler: async ({ scope, params, body, reply }) =>
      answerPrd(reply, await transitionPrd(scope, params.id, action, body)),
  }),
);

const reviews = [
  { action: 'approve', summary: 'Approve the current revision', body: reviewBodySchema },
  {
    action: 'request-changes',
    summary: 'Request changes (in_review → changes_requested)',
    body: requestChangesBodySchema,
  },
] as const;

/** POST …/{approve,request-changes}: a reviewer's decision. */
const reviewRoutes = reviews.map(({ action, summary, body }) =>
  defineRoute({
    method: 'POST',
    url: `${itemPath}/${action}`,
    permission: prdPermissions.review,
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
    handler: async ({ scope, params, body, reply }) =>
      answerPrd(reply, await reviewPrd(scope, params.id, action, body)),
  }),
);

export const workflowRoutes = [...transitionRoutes, ...reviewRoutes];
