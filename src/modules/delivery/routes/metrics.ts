import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import type { Scope } from '../../../core/resource/scope.ts';
import { assertProjectVisible } from '../../../core/resource/service.ts';
import { deliveryChecks } from '../checks.ts';
import { deliveryPermissions } from '../contracts.ts';
import { doraOf } from '../dora.ts';
import { jiraMetrics, mergeRequestMetrics, reviewerMetrics } from '../metrics.ts';
import {
  deliveryChecksSchema,
  doraSchema,
  jiraMetricsSchema,
  mergeRequestMetricsQuerySchema,
  mergeRequestMetricsSchema,
  metricsQuerySchema,
  reviewerMetricsSchema,
} from '../metrics-contracts.ts';

export const tags = ['Delivery'];
export const projectParams = z.object({ projectId: z.uuid().describe('The project id') });
const base = '/projects/:projectId/delivery';
const problems = problemResponses([...commonProblemStatuses, 404]);

/** The project in the path must be the caller's workspace's: 404 otherwise, like every project route. */
export async function visibleProject(scope: Scope): Promise<string> {
  await scope.db.read((db) => assertProjectVisible(db, scope));
  return scope.projectId ?? '';
}

const mergeRequestMetricsRoute = defineRoute({
  method: 'GET',
  url: `${base}/metrics/merge-requests`,
  permission: deliveryPermissions.read,
  schema: {
    tags,
    operationId: 'get_delivery_merge_request_metrics',
    summary: 'Merge-request lead time and its stages: p50, p75, p90 per week or month',
    description:
      'Over the merge requests merged in [from, to). Stages: coding (first commit → opened), pickup (opened → first review), review (first review → merged), deploy (merged → first production deployment), lead (first commit → merged). docs/delivery-metrics.md defines each.',
    params: projectParams,
    querystring: mergeRequestMetricsQuerySchema,
    response: { 200: mergeRequestMetricsSchema, ...problems },
  },
  handler: async ({ scope, query }) => mergeRequestMetrics(scope, await visibleProject(scope), query),
});

const jiraMetricsRoute = defineRoute({
  method: 'GET',
  url: `${base}/metrics/jira`,
  permission: deliveryPermissions.read,
  schema: {
    tags,
    operationId: 'get_delivery_jira_metrics',
    summary: 'Jira lead and cycle time, throughput and time in each status',
    description:
      'Over the issues done in [from, to), by the project’s status categories (delivery settings): lead = created → done, cycle = first in-progress status → done.',
    params: projectParams,
    querystring: metricsQuerySchema,
    response: { 200: jiraMetricsSchema, ...problems },
  },
  handler: async ({ scope, query }) => jiraMetrics(scope, await visibleProject(scope), query),
});

const doraRoute = defineRoute({
  method: 'GET',
  url: `${base}/metrics/dora`,
  permission: deliveryPermissions.read,
  schema: {
    tags,
    operationId: 'get_delivery_dora',
    summary: 'DORA’s four keys with their performance tiers',
    description:
      'Deployment frequency, lead time for changes, change failure rate and time to restore over [from, to), each with its tier (elite, high, medium, low), its sample size and the data it came from; null where the project has no such data.',
    params: projectParams,
    querystring: metricsQuerySchema.pick({ from: true, to: true }),
    response: { 200: doraSchema, ...problems },
  },
  handler: async ({ scope, query }) => doraOf(scope, await visibleProject(scope), query),
});

const reviewersRoute = defineRoute({
  method: 'GET',
  url: `${base}/metrics/reviewers`,
  permission: deliveryPermissions.read,
  schema: {
    tags,
    operationId: 'get_delivery_reviewers',
    summary: 'Top reviewers and how evenly reviews are shared',
    description:
      'Over the merge requests merged in [from, to): who reviewed or approved how many, and the Gini coefficient of reviews.',
    params: projectParams,
    querystring: metricsQuerySchema.pick({ from: true, to: true }),
    response: { 200: reviewerMetricsSchema, ...problems },
  },
  handler: async ({ scope, query }) => reviewerMetrics(scope, await visibleProject(scope), query),
});

const checksRoute = defineRoute({
  method: 'GET',
  url: `${base}/checks`,
  permission: deliveryPermissions.read,
  schema: {
    tags,
    operationId: 'get_delivery_checks',
    summary: 'Readiness checks the delivery data answers',
    description:
      'Every merge request merged in the last 30 days had a reviewer (gold); the median pickup time of the last 30 days is below the project’s `pickupTargetHours` (gold).',
    params: projectParams,
    response: { 200: deliveryChecksSchema, ...problems },
  },
  handler: async ({ scope }) => deliveryChecks(scope, await visibleProject(scope)),
});

export const deliveryMetricRoutes = [
  mergeRequestMetricsRoute,
  jiraMetricsRoute,
  doraRoute,
  reviewersRoute,
  checksRoute,
];
