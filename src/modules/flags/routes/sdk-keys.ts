import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { planPermissions } from '../../plan/permissions.ts';
import {
  sdkKeyCreatedSchema,
  sdkKeyCreateSchema,
  sdkKeyParams,
  sdkKeySchema,
} from '../operations-contracts.ts';
import { createSdkKey, listSdkKeys, revokeSdkKey } from '../sdk-keys.ts';
import { projectParams, tags } from './flags.ts';

const collection = '/projects/:projectId/flag-sdk-keys';

export const listSdkKeysRoute = defineRoute({
  method: 'GET',
  url: collection,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'list_flag_sdk_keys',
    summary: "The project's SDK keys",
    description:
      'Newest first, revoked keys included. Never the secret: only its first characters (`prefix`).',
    params: projectParams,
    querystring: z.strictObject({
      limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size'),
      cursor: z.string().max(2000).optional().describe('The nextCursor of the previous page'),
    }),
    response: { 200: pageSchema(sdkKeySchema), ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: ({ scope, query }) => listSdkKeys(scope, query),
});

export const createSdkKeyRoute = defineRoute({
  method: 'POST',
  url: collection,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'create_flag_sdk_key',
    summary: 'Make an SDK key for an environment',
    description:
      'The answer carries the secret (`shp_srv_…` for server keys, `shp_cli_…` for client keys) once: only its SHA-256 is kept. Server keys may read the rules (Unleash client API); client keys only evaluate (OFREP). Audited.',
    params: projectParams,
    body: sdkKeyCreateSchema,
    response: { 201: sdkKeyCreatedSchema, ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: async ({ scope, body, reply }) => {
    const created = await createSdkKey(scope, body);
    reply.code(201);
    return created;
  },
});

export const revokeSdkKeyRoute = defineRoute({
  method: 'DELETE',
  url: `${collection}/:id`,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'revoke_flag_sdk_key',
    summary: 'Revoke an SDK key',
    description:
      'Applications using it are refused from now on; the key stays listed with `revokedAt`. Audited.',
    params: sdkKeyParams,
    response: { 204: z.null().describe('Revoked'), ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: async ({ scope, params, reply }) => {
    await revokeSdkKey(scope, params.id);
    return reply.code(204).send(null);
  },
});

export const sdkKeyRoutes = [listSdkKeysRoute, createSdkKeyRoute, revokeSdkKeyRoute];
