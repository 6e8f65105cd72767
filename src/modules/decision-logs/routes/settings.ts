import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { decisionSettingsSchema, timelineEntrySchema, timelineQuerySchema } from '../contracts.ts';
import { decisionPermissions } from '../lifecycle.ts';
import { decisionResource } from '../resource.ts';
import { decisionSettings, setDecisionTypes } from '../service.ts';
import { decisionTimeline } from '../timeline.ts';

const tags = [decisionResource.tag];

export const getSettingsRoute = defineRoute({
  method: 'GET',
  url: '/decision-logs/settings',
  permission: decisionPermissions.read,
  schema: {
    tags,
    operationId: 'get_decision_log_settings',
    summary: 'The decision types of the workspace',
    response: { 200: decisionSettingsSchema, ...problemResponses(commonProblemStatuses) },
  },
  handler: ({ scope }) => decisionSettings(scope),
});

export const putSettingsRoute = defineRoute({
  method: 'PUT',
  url: '/decision-logs/settings',
  permission: decisionPermissions.configure,
  schema: {
    tags,
    operationId: 'put_decision_log_settings',
    summary: 'Set the decision types of the workspace',
    description: 'Decisions keep the type they have when it leaves the list; new ones must use the list.',
    body: decisionSettingsSchema,
    response: { 200: decisionSettingsSchema, ...problemResponses(commonProblemStatuses) },
  },
  handler: ({ scope, body }) => setDecisionTypes(scope, body.decisionTypes),
});

export const timelineRoute = defineRoute({
  method: 'GET',
  url: '/decision-logs/timeline',
  permission: decisionPermissions.read,
  schema: {
    tags,
    operationId: 'decision_log_timeline',
    summary: 'Decisions over time, with their supersession chains',
    querystring: timelineQuerySchema,
    response: {
      200: z.object({ data: z.array(timelineEntrySchema), nextCursor: z.string().nullable() }),
      ...problemResponses(commonProblemStatuses),
    },
  },
  handler: ({ scope, query }) => decisionTimeline(scope, query),
});
