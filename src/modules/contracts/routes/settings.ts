import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { etagOf, expectedVersion, versionHeaders } from '../../../core/http/resource-routes.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { planPermissions } from '../../plan/permissions.ts';
import {
  diffResultSchema,
  projectParams,
  ruleListSchema,
  settingsRequestSchema,
  settingsSchema,
  statelessDiffSchema,
} from '../contracts.ts';
import { ruleCatalogue } from '../engine.ts';
import { contractSettings, saveContractSettings } from '../settings.ts';
import { diffStateless } from '../stateless-diff.ts';

const tags = ['Contract checks'];

export const getSettingsRoute = defineRoute({
  method: 'GET',
  url: '/projects/:projectId/contract-settings',
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'get_contract_settings',
    summary: "How the project's contract uploads are judged",
    description:
      'The defaults (90 days of deprecation before a sunset, every rule at its own level, fail on ERR) at version 0 until the project sets its own.',
    params: projectParams,
    response: { 200: settingsSchema, ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: async ({ scope, reply }) => {
    const settings = await contractSettings(scope);
    reply.header('etag', etagOf(settings.version));
    return settings;
  },
});

export const putSettingsRoute = defineRoute({
  method: 'PUT',
  url: '/projects/:projectId/contract-settings',
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'put_contract_settings',
    summary: "Set how the project's contract uploads are judged",
    description:
      'Replaces the settings; fields left out take their defaults. Send If-Match (or `version`; 0 before the first save) to refuse overwriting a newer version (412). Unknown rule ids answer 400 naming them. Audited.',
    params: projectParams,
    headers: versionHeaders,
    body: settingsRequestSchema,
    response: { 200: settingsSchema, ...problemResponses([...commonProblemStatuses, 404, 412]) },
  },
  handler: async ({ scope, headers, body, reply }) => {
    const saved = await saveContractSettings(scope, body, expectedVersion(headers['if-match'], body.version));
    reply.header('etag', etagOf(saved.version));
    return saved.settings;
  },
});

export const statelessDiffRoute = defineRoute({
  method: 'POST',
  url: '/contracts/diff',
  permission: planPermissions.read,
  bodyLimit: (settings) => 4 * settings.contractUploadLimitBytes + 1024 * 1024,
  schema: {
    tags,
    operationId: 'diff_contracts',
    summary: 'Compare two contract documents (nothing stored)',
    description:
      "Two OpenAPI (or two GraphQL) documents as text in, the engine's diff out: every change with its rule, level, operation and field. Nothing is stored, so an agent may check a change before it commits. `options` as the project settings take them, plus `today` for sunset dates. A document that does not load answers 422 naming the side and the loader's message.",
    body: statelessDiffSchema,
    response: { 200: diffResultSchema, ...problemResponses([...commonProblemStatuses, 413, 422]) },
  },
  handler: ({ app, body }) => diffStateless(body, app.settings.contractUploadLimitBytes),
});

export const rulesRoute = defineRoute({
  method: 'GET',
  url: '/contracts/rules',
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'list_contract_rules',
    summary: 'The contract diff rules',
    description: 'The whole catalogue, OpenAPI and GraphQL, in one page: id, level, section, title and why.',
    response: { 200: ruleListSchema, ...problemResponses(commonProblemStatuses) },
  },
  handler: async () => ({ data: ruleCatalogue(), nextCursor: null }),
});

export const settingsRoutes = [getSettingsRoute, putSettingsRoute, statelessDiffRoute, rulesRoute];
