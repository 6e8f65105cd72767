import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { retentionPolicyRequestSchema, retentionPolicySchema } from '../contracts.ts';
import { auditAdminister, auditRead } from '../permissions.ts';
import { retentionPolicy, setRetentionPolicy } from '../retention/policy.ts';

const tags = ['Audit'];

export const getRetentionRoute = defineRoute({
  method: 'GET',
  url: '/audit/retention',
  permission: auditRead,
  schema: {
    tags,
    operationId: 'get_audit_retention',
    summary: "The workspace's access-log retention policy",
    response: { 200: retentionPolicySchema, ...problemResponses(commonProblemStatuses) },
  },
  handler: ({ scope }) => retentionPolicy(scope),
});

export const setRetentionRoute = defineRoute({
  method: 'PUT',
  url: '/audit/retention',
  permission: auditAdminister,
  schema: {
    tags,
    operationId: 'set_audit_retention',
    summary: "Set the workspace's access-log retention policy",
    description:
      'An hourly job moves entries older than `hotDays` to the archive (`?archive=true`) and purges archived entries older than `hotDays + archiveDays`. The change is recorded in the audit trail.',
    body: retentionPolicyRequestSchema,
    response: { 200: retentionPolicySchema, ...problemResponses(commonProblemStatuses) },
  },
  handler: ({ scope, body }) => setRetentionPolicy(scope, body),
});
