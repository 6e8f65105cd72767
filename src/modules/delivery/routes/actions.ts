import { z } from 'zod';
import { runIdempotentWrite } from '../../../core/http/idempotency.ts';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { createHeaders, sendStored } from '../../../core/http/resource-routes.ts';
import { defineRoute } from '../../../core/http/route.ts';
import {
  connectionTestSchema,
  deliveryPermissions,
  settingsSchema,
  settingsUpdateSchema,
  syncRunSchema,
} from '../contracts.ts';
import { importDelivery } from '../import.ts';
import { importAnswerSchema, importBodySchema, syncBodySchema } from '../metrics-contracts.ts';
import { testConnection } from '../reader.ts';
import { readSettings, saveSettings } from '../settings.ts';
import { refreshDeliveryStatistics } from '../statistics.ts';
import { startSyncs } from '../sync-start.ts';
import { projectParams, tags, visibleProject } from './metrics.ts';

const base = '/projects/:projectId/delivery';

const testConnectionRoute = defineRoute({
  method: 'POST',
  url: '/delivery-connections/:id/test',
  permission: deliveryPermissions.connect,
  schema: {
    tags,
    operationId: 'test_delivery_connection',
    summary: 'Test a connection: the remote user and token scopes, or the exact error',
    description:
      'Calls GitLab’s `/api/v4/user` (and `/personal_access_tokens/self` for scopes) or Jira’s `/myself` with the stored token. Answers 200 either way; `ok` says which.',
    params: z.object({ id: z.uuid() }),
    response: { 200: connectionTestSchema, ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: ({ scope, params }) => testConnection(scope, params.id),
});

const syncRoute = defineRoute({
  method: 'POST',
  url: `${base}/sync`,
  permission: deliveryPermissions.write,
  schema: {
    tags,
    operationId: 'start_delivery_sync',
    summary: 'Sync the project’s sources now',
    description:
      'Starts one sync per enabled source (or the one named), each a `delivery.sync` saga that reads page by page and checkpoints after every page. A source already syncing answers its running sync. Follow the runs at `…/delivery-sync-runs`.',
    params: projectParams,
    body: syncBodySchema,
    response: {
      202: z.object({ runs: z.array(syncRunSchema) }),
      ...problemResponses([...commonProblemStatuses, 404]),
    },
  },
  handler: async ({ app, scope, body, reply }) => {
    const projectId = await visibleProject(scope);
    const runs = await startSyncs(app.sagas, scope, projectId, {
      sourceId: body.sourceId,
      full: body.full,
      trigger: 'manual',
    });
    return reply.code(202).send({ runs });
  },
});

const importRoute = defineRoute({
  method: 'POST',
  url: `${base}/imports`,
  permission: deliveryPermissions.import,
  bodyLimit: () => 200 * 1024 * 1024,
  schema: {
    tags,
    operationId: 'import_delivery_data',
    summary: 'Import GitLab and Jira API JSON from files',
    description:
      'For a Shipshape that cannot reach GitLab or Jira: the same payloads a sync reads. Merge requests carry their `commits` and `notes`; Jira issues their `changelog`. All or nothing: 422 with `errors[{path, message}]` when an item is not such a payload. Upserts, so importing the same file twice changes nothing. Send an Idempotency-Key to make retries safe.',
    params: projectParams,
    headers: createHeaders,
    body: importBodySchema,
    response: { 201: importAnswerSchema, ...problemResponses([...commonProblemStatuses, 404, 413, 422]) },
  },
  handler: async ({ app, scope, headers, body, request, reply }) => {
    const projectId = await visibleProject(scope);
    const path = request.url.split('?')[0] ?? '';
    const stored = await runIdempotentWrite(
      scope.db,
      { key: headers['idempotency-key'], method: 'POST', path, body },
      async (tx) => ({ status: 201, body: await importDelivery(tx, scope, projectId, body), headers: {} }),
    );
    if (!stored.replayed) await refreshDeliveryStatistics(app);
    return sendStored(reply, stored);
  },
});

const getSettingsRoute = defineRoute({
  method: 'GET',
  url: `${base}/settings`,
  permission: deliveryPermissions.read,
  schema: {
    tags,
    operationId: 'get_delivery_settings',
    summary: 'The project’s delivery settings (defaults until saved)',
    params: projectParams,
    response: { 200: settingsSchema, ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: async ({ scope }) => readSettings(scope, await visibleProject(scope)),
});

const updateSettingsRoute = defineRoute({
  method: 'PATCH',
  url: `${base}/settings`,
  permission: deliveryPermissions.write,
  schema: {
    tags,
    operationId: 'update_delivery_settings',
    summary: 'Change the project’s delivery settings',
    description:
      'Audited. Changing the status categories or production environments makes the next sync of each source a full one, which derives every issue and deployment again.',
    params: projectParams,
    body: settingsUpdateSchema,
    response: { 200: settingsSchema, ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: async ({ scope, body }) => saveSettings(scope, await visibleProject(scope), body),
});

export const deliveryActionRoutes = [
  testConnectionRoute,
  syncRoute,
  importRoute,
  getSettingsRoute,
  updateSettingsRoute,
];
