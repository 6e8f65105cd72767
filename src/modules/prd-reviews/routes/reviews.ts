import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import {
  approvalStateSchema,
  collectionParams,
  decisionPageSchema,
  itemParams,
  pageQuery,
  reviewerInputSchema,
  reviewRequestPageSchema,
  settingsInputSchema,
  settingsSchema,
} from '../contracts.ts';
import { prdPermissions } from '../permissions.ts';
import { prdResource } from '../resource.ts';
import {
  approvalOf,
  changeReviewSettings,
  decisionsOf,
  requestReviews,
  reviewRequestsOf,
  reviewSettings,
} from '../reviews.ts';
import { itemPath, readErrors, tags } from './shared.ts';

const read = prdResource.permissions.read;
const settingsPath = '/projects/:projectId/prd-review-settings';

export const requestReviewsRoute = defineRoute({
  method: 'POST',
  url: `${itemPath}/review-requests`,
  permission: prdPermissions.requestReview,
  schema: {
    tags,
    operationId: 'request_prd_reviews',
    summary: 'Ask members to review',
    description: 'Reviewers are named by user id or email; members who cannot review answer 422.',
    params: itemParams,
    body: reviewerInputSchema,
    response: {
      200: reviewRequestPageSchema,
      ...problemResponses([...commonProblemStatuses, 404, 409, 412, 422]),
    },
  },
  handler: ({ scope, params, body }) => requestReviews(scope, params.id, body.reviewers),
});

export const listReviewRequestsRoute = defineRoute({
  method: 'GET',
  url: `${itemPath}/review-requests`,
  permission: read,
  schema: {
    tags,
    operationId: 'list_prd_review_requests',
    summary: 'List the members asked to review',
    params: itemParams,
    querystring: pageQuery,
    response: { 200: reviewRequestPageSchema, ...readErrors },
  },
  handler: ({ scope, params, query }) => reviewRequestsOf(scope, params.id, query),
});

export const listDecisionsRoute = defineRoute({
  method: 'GET',
  url: `${itemPath}/reviews`,
  permission: read,
  schema: {
    tags,
    operationId: 'list_prd_review_decisions',
    summary: 'List the review decisions, oldest first',
    params: itemParams,
    querystring: pageQuery,
    response: { 200: decisionPageSchema, ...readErrors },
  },
  handler: ({ scope, params, query }) => decisionsOf(scope, params.id, query),
});

export const approvalRoute = defineRoute({
  method: 'GET',
  url: `${itemPath}/approval`,
  permission: read,
  schema: {
    tags,
    operationId: 'get_prd_approval_state',
    summary: 'Who approved the current revision, and who is still to decide',
    params: itemParams,
    response: { 200: approvalStateSchema, ...readErrors },
  },
  handler: ({ scope, params }) => approvalOf(scope, params.id),
});

export const getSettingsRoute = defineRoute({
  method: 'GET',
  url: settingsPath,
  permission: read,
  schema: {
    tags,
    operationId: 'get_prd_review_settings',
    summary: "The project's review rules",
    params: collectionParams,
    response: { 200: settingsSchema, ...readErrors },
  },
  handler: ({ scope }) => reviewSettings(scope),
});

export const updateSettingsRoute = defineRoute({
  method: 'PATCH',
  url: settingsPath,
  permission: prdPermissions.configure,
  schema: {
    tags,
    operationId: 'update_prd_review_settings',
    summary: "Change the project's review rules",
    description: 'Only the fields sent change. Needs the administer permission (owner, admin).',
    params: collectionParams,
    body: settingsInputSchema,
    response: { 200: settingsSchema, ...readErrors },
  },
  handler: ({ scope, body }) => changeReviewSettings(scope, body),
});
