import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { defineRoute } from '../../core/http/route.ts';
import { applyBulk } from './bulk.ts';
import {
  bulkAnswer,
  bulkBody,
  entityParams,
  metadataAnswer,
  metadataPatchBody,
  metadataReplaceBody,
  metadataSchemaAnswer,
  metadataSchemaBody,
  metaKey,
} from './contracts.ts';
import { metadataPermissions } from './permissions.ts';
import { deleteMetadataKey, readMetadata, writeMetadata } from './service.ts';
import { readSchema, removeSchema, saveSchema } from './type-schemas.ts';

const tags = ['Metadata'];
const path = '/entities/:type/:id/metadata';
const typeParams = z.object({ type: entityParams.shape.type });
const errors = (...statuses: (404 | 409 | 413 | 422)[]) =>
  problemResponses([...commonProblemStatuses, ...statuses]);

const getMetadataRoute = defineRoute({
  method: 'GET',
  url: path,
  permission: metadataPermissions.read,
  schema: {
    tags,
    operationId: 'get_entity_metadata',
    summary: "An entity's metadata",
    description: "Needs the entity's read permission. 404 for an unknown type or another workspace's entity.",
    params: entityParams,
    response: { 200: metadataAnswer, ...errors(404) },
  },
  handler: ({ scope, params }) => readMetadata(scope, params.type, params.id),
});

const replaceMetadataRoute = defineRoute({
  method: 'PUT',
  url: path,
  permission: metadataPermissions.write,
  schema: {
    tags,
    operationId: 'replace_entity_metadata',
    summary: "Replace an entity's metadata",
    description:
      "Keys not listed are removed. Needs the entity's update permission; checked against the type's schema.",
    params: entityParams,
    body: metadataReplaceBody,
    response: { 200: metadataAnswer, ...errors(404, 413, 422) },
  },
  handler: ({ scope, params, body }) => writeMetadata(scope, params.type, params.id, 'replace', body),
});

const patchMetadataRoute = defineRoute({
  method: 'PATCH',
  url: path,
  permission: metadataPermissions.write,
  schema: {
    tags,
    operationId: 'patch_entity_metadata',
    summary: "Set some of an entity's metadata keys",
    description: 'Listed keys are set; a null value deletes the key; other keys stay.',
    params: entityParams,
    body: metadataPatchBody,
    response: { 200: metadataAnswer, ...errors(404, 413, 422) },
  },
  handler: ({ scope, params, body }) => writeMetadata(scope, params.type, params.id, 'merge', body),
});

const deleteKeyRoute = defineRoute({
  method: 'DELETE',
  url: `${path}/:key`,
  permission: metadataPermissions.write,
  schema: {
    tags,
    operationId: 'delete_entity_metadata_key',
    summary: 'Delete one metadata key',
    params: entityParams.extend({ key: metaKey }),
    response: { 204: z.null().describe('Deleted'), ...errors(404, 422) },
  },
  handler: async ({ scope, params, reply }) => {
    await deleteMetadataKey(scope, params.type, params.id, params.key);
    return reply.code(204).send(null);
  },
});

const bulkRoute = defineRoute({
  method: 'POST',
  url: '/metadata/bulk',
  permission: metadataPermissions.write,
  schema: {
    tags,
    operationId: 'bulk_metadata',
    summary: 'Set and delete metadata on many entities at once',
    description:
      'Up to 1,000 operations, applied in order in one transaction: all apply, or none and the answer (422) lists every rejected operation by index (`operations.3.value`).',
    body: bulkBody,
    response: { 200: bulkAnswer, ...errors(413, 422) },
  },
  handler: ({ scope, body }) => applyBulk(scope, body.operations),
});

const getSchemaRoute = defineRoute({
  method: 'GET',
  url: '/metadata/schemas/:type',
  permission: metadataPermissions.readSchema,
  schema: {
    tags,
    operationId: 'get_metadata_schema',
    summary: "The workspace's metadata schema for an entity type",
    params: typeParams,
    response: { 200: metadataSchemaAnswer, ...errors(404) },
  },
  handler: ({ scope, params }) => readSchema(scope, params.type),
});

const putSchemaRoute = defineRoute({
  method: 'PUT',
  url: '/metadata/schemas/:type',
  permission: metadataPermissions.manageSchema,
  schema: {
    tags,
    operationId: 'put_metadata_schema',
    summary: 'Declare the metadata fields of an entity type',
    description:
      'Types: string, number, boolean, date (YYYY-MM-DD), enum (with values), string[]; required or not. Enforced on every later write. Needs an administrator.',
    params: typeParams,
    body: metadataSchemaBody,
    response: { 200: metadataSchemaAnswer, ...errors(404) },
  },
  handler: ({ scope, params, body }) => saveSchema(scope, params.type, body),
});

const deleteSchemaRoute = defineRoute({
  method: 'DELETE',
  url: '/metadata/schemas/:type',
  permission: metadataPermissions.manageSchema,
  schema: {
    tags,
    operationId: 'delete_metadata_schema',
    summary: 'Remove the metadata schema of an entity type',
    params: typeParams,
    response: { 204: z.null().describe('Removed'), ...errors(404) },
  },
  handler: async ({ scope, params, reply }) => {
    await removeSchema(scope, params.type);
    return reply.code(204).send(null);
  },
});

/** Custom fields on any resource the app serves, their bulk changes, and per-type schemas. */
export const metadataRoutes = [
  getMetadataRoute,
  replaceMetadataRoute,
  patchMetadataRoute,
  deleteKeyRoute,
  bulkRoute,
  getSchemaRoute,
  putSchemaRoute,
  deleteSchemaRoute,
];
