import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { planPermissions } from '../../plan/permissions.ts';
import { flagParams } from '../contracts.ts';
import {
  rampCreateSchema,
  scheduleCreateSchema,
  scheduledChangeOutput,
  scheduleParams,
} from '../operations-contracts.ts';
import { cancelScheduled, listSchedule, scheduleChange, scheduleRamp } from '../schedule.ts';
import { flagItem, tags } from './flags.ts';

const collection = `${flagItem}/schedule`;

export const listScheduleRoute = defineRoute({
  method: 'GET',
  url: collection,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'list_flag_schedule',
    summary: "A flag's scheduled changes",
    description:
      'Soonest first, whatever their status (pending, applied, cancelled, failed with the reason).',
    params: flagParams,
    querystring: z.strictObject({
      limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size'),
      cursor: z.string().max(2000).optional().describe('The nextCursor of the previous page'),
    }),
    response: {
      200: pageSchema(scheduledChangeOutput),
      ...problemResponses([...commonProblemStatuses, 404]),
    },
  },
  handler: ({ scope, params, query }) => listSchedule(scope, params.key, query),
});

export const scheduleChangeRoute = defineRoute({
  method: 'POST',
  url: collection,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'schedule_flag_change',
    summary: 'Schedule a toggle or a rollout change',
    description:
      "`change` is `{enabled}` or `{rollout: {ruleId, percentage}}`. Applied by the minute job once `runAt` has passed, audited as the scheduler's change. A rollout change naming no rule of the environment answers 422; one whose rule is gone when due is marked failed with the reason. Audited.",
    params: flagParams,
    body: scheduleCreateSchema,
    response: { 201: scheduledChangeOutput, ...problemResponses([...commonProblemStatuses, 404, 422]) },
  },
  handler: async ({ scope, params, body, reply }) => {
    const created = await scheduleChange(scope, params.key, body);
    reply.code(201);
    return created;
  },
});

export const scheduleRampRoute = defineRoute({
  method: 'POST',
  url: `${collection}/ramp`,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'schedule_flag_ramp',
    summary: "Ramp a rule's rollout up step by step",
    description:
      'One scheduled rollout change per step (`at`, `percentage`), answered as a page of them in time order. 422 when the environment has no such rule. Audited.',
    params: flagParams,
    body: rampCreateSchema,
    response: {
      201: pageSchema(scheduledChangeOutput),
      ...problemResponses([...commonProblemStatuses, 404, 422]),
    },
  },
  handler: async ({ scope, params, body, reply }) => {
    const created = await scheduleRamp(scope, params.key, body);
    reply.code(201);
    return created;
  },
});

export const cancelScheduledRoute = defineRoute({
  method: 'DELETE',
  url: `${collection}/:id`,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'cancel_flag_scheduled_change',
    summary: 'Cancel a scheduled change',
    description:
      'Only a pending change can be cancelled (409 otherwise); it stays listed as cancelled. Audited.',
    params: scheduleParams,
    response: {
      204: z.null().describe('Cancelled'),
      ...problemResponses([...commonProblemStatuses, 404, 409]),
    },
  },
  handler: async ({ scope, params, reply }) => {
    await cancelScheduled(scope, params.key, params.id);
    return reply.code(204).send(null);
  },
});

export const scheduleRoutes = [
  listScheduleRoute,
  scheduleChangeRoute,
  scheduleRampRoute,
  cancelScheduledRoute,
];
