import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { etagOf, expectedVersion, versionHeaders } from '../../../core/http/resource-routes.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { planPermissions } from '../../plan/permissions.ts';
import { patchConfig, putConfig } from '../configs.ts';
import {
  configParams,
  configPatchSchema,
  configPutSchema,
  configSchema,
  flagDetailSchema,
  flagParams,
  killSchema,
  prerequisitesPutSchema,
} from '../contracts.ts';
import { killFlag } from '../kill-switch.ts';
import { setPrerequisites } from '../prerequisites.ts';
import { flagItem, tags } from './flags.ts';

const configItem = `${flagItem}/environments/:environment`;

export const putConfigRoute = defineRoute({
  method: 'PUT',
  url: configItem,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'put_flag_config',
    summary: 'Set how an environment serves a flag',
    description:
      "Replaces the flag's config in the environment: on or off, the targeting rules in order, the variants and the value served when off or unmatched. Rules keep the ids sent; a rule without one gets a new id. The engine checks the config: 422 lists each problem with its path (`rules.0.constraints.1.value`). Send If-Match with the config's ETag (or `version`): 412 when someone changed it since. Audited.",
    params: configParams,
    headers: versionHeaders,
    body: configPutSchema,
    response: { 200: configSchema, ...problemResponses([...commonProblemStatuses, 404, 412, 422]) },
  },
  handler: async ({ scope, params, headers, body, reply }) => {
    const { version, ...config } = body;
    const expected = expectedVersion(headers['if-match'], version);
    const answer = await putConfig(scope, params, config, expected);
    reply.header('etag', etagOf(answer.version));
    return answer;
  },
});

export const patchConfigRoute = defineRoute({
  method: 'PATCH',
  url: configItem,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'patch_flag_config',
    summary: 'Toggle a flag in an environment, or move a rule’s rollout',
    description:
      "`enabled` turns the flag on or off there; `rollout` moves one rule's percentage (422 when the environment has no rule with that id). If-Match or `version` as for PUT (412). Audited.",
    params: configParams,
    headers: versionHeaders,
    body: configPatchSchema,
    response: { 200: configSchema, ...problemResponses([...commonProblemStatuses, 404, 412, 422]) },
  },
  handler: async ({ scope, params, headers, body, reply }) => {
    const { version, ...change } = body;
    const answer = await patchConfig(scope, params, change, expectedVersion(headers['if-match'], version));
    reply.header('etag', etagOf(answer.version));
    return answer;
  },
});

export const putPrerequisitesRoute = defineRoute({
  method: 'PUT',
  url: `${flagItem}/prerequisites`,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'put_flag_prerequisites',
    summary: "Replace a flag's prerequisites",
    description:
      'The flag is on only when every flag listed evaluates to its `value` (true: on). Stored as plan flag dependencies. 422 naming a flag the project does not have; 409 when the set would form a cycle, the detail naming it (`checkout-v2 → payments-v3 → checkout-v2`). Audited.',
    params: flagParams,
    body: prerequisitesPutSchema,
    response: { 200: flagDetailSchema, ...problemResponses([...commonProblemStatuses, 404, 409, 422]) },
  },
  handler: ({ scope, params, body }) => setPrerequisites(scope, params.key, body),
});

export const killFlagRoute = defineRoute({
  method: 'POST',
  url: `${flagItem}/kill`,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'kill_flag',
    summary: 'Turn a flag off in every environment (kill switch)',
    description:
      "One transaction: every environment's config off, pending scheduled changes of the flag cancelled, `lastKilledAt` set on the plan row (the readiness check on critical flags reads it). Audited with the reason.",
    params: flagParams,
    body: killSchema,
    response: { 200: flagDetailSchema, ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: ({ scope, params, body }) => killFlag(scope, params.key, body.reason),
});

export const configRoutes = [putConfigRoute, patchConfigRoute, putPrerequisitesRoute, killFlagRoute];
