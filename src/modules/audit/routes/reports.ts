import { z } from 'zod';
import { sendDownload } from '../../../core/http/download.ts';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { activityReportAs } from '../activity-report.ts';
import {
  activityQuerySchema,
  activityReportSchema,
  replayReportSchema,
  replayRequestSchema,
} from '../contracts.ts';
import { auditAdminister, auditRead } from '../permissions.ts';
import { replayResource } from '../replay.ts';

const tags = ['Audit'];

export const replayRoute = defineRoute({
  method: 'POST',
  url: '/audit/replay',
  permission: auditAdminister,
  schema: {
    tags,
    operationId: 'replay_audit_events',
    summary: "Rebuild a resource's rows from the trail and compare them with the live table",
    description:
      'A consistency check: rebuilds every current row of the type from its events into a temporary table and lists each row that differs from the live one. Zero differences are expected.',
    body: replayRequestSchema,
    response: { 200: replayReportSchema, ...problemResponses(commonProblemStatuses) },
  },
  handler: ({ scope, body }) => replayResource(scope, body.type),
});

export const activityReportRoute = defineRoute({
  method: 'GET',
  url: '/audit/reports/activity',
  permission: auditRead,
  schema: {
    tags,
    operationId: 'get_audit_activity_report',
    summary: 'Activity report: per actor and action, how many times, first and last',
    description:
      'A compliance report over the audit events between `from` (inclusive) and `to` (exclusive), as JSON, CSV or Markdown.',
    querystring: activityQuerySchema,
    response: {
      200: activityReportSchema.or(z.string().describe('CSV or Markdown')),
      ...problemResponses(commonProblemStatuses),
    },
  },
  handler: async ({ scope, query, reply }) => {
    const answer = await activityReportAs(scope, query);
    return 'file' in answer ? sendDownload(reply, answer.file) : answer.report;
  },
});
