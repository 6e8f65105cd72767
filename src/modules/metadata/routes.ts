import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { contextOf } from '../../core/http/request-context.ts';
import type { Database } from '../../db/connection.ts';
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
import { readSchema, removeSchema, saveSchema } from './schemas.ts';
import { deleteMetadataKey, metadataPermissions, readMetadata, writeMetadata } from './service.ts';

const tags = ['Metadata'];
const path = '/entities/:type/:id/metadata';
const typeParams = z.object({ type: entityParams.shape.type });
const errors = (...statuses: (404 | 409 | 413 | 422)[]) =>
  problemResponses([...commonProblemStatuses, ...statuses]);

/** Custom fields on any declared resource, their bulk changes, and per-type schemas. */
export function registerMetadataRoutes(app: FastifyInstance, db: Database): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    path,
    {
      config: { permission: metadataPermissions.read },
      schema: {
        tags,
        operationId: 'get_entity_metadata',
        summary: "An entity's metadata",
        description:
          "Needs the entity's read permission. 404 for an unknown type or another workspace's entity.",
        params: entityParams,
        response: { 200: metadataAnswer, ...errors(404) },
      },
    },
    async (request) => readMetadata(db, contextOf(request), request.params.type, request.params.id),
  );

  api.put(
    path,
    {
      config: { permission: metadataPermissions.write },
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
    },
    async (request) =>
      writeMetadata(db, contextOf(request), request.params.type, request.params.id, 'replace', request.body),
  );

  api.patch(
    path,
    {
      config: { permission: metadataPermissions.write },
      schema: {
        tags,
        operationId: 'patch_entity_metadata',
        summary: "Set some of an entity's metadata keys",
        description: 'Listed keys are set; a null value deletes the key; other keys stay.',
        params: entityParams,
        body: metadataPatchBody,
        response: { 200: metadataAnswer, ...errors(404, 413, 422) },
      },
    },
    async (request) =>
      writeMetadata(db, contextOf(request), request.params.type, request.params.id, 'merge', request.body),
  );

  api.delete(
    `${path}/:key`,
    {
      config: { permission: metadataPermissions.write },
      schema: {
        tags,
        operationId: 'delete_entity_metadata_key',
        summary: 'Delete one metadata key',
        params: entityParams.extend({ key: metaKey }),
        response: { 204: z.null().describe('Deleted'), ...errors(404, 422) },
      },
    },
    async (request, reply) => {
      const { type, id, key } = request.params;
      await deleteMetadataKey(db, contextOf(request), type, id, key);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/metadata/bulk',
    {
      config: { permission: metadataPermissions.write },
      schema: {
        tags,
        operationId: 'bulk_metadata',
        summary: 'Set and delete metadata on many entities at once',
        description:
          'Up to 1,000 operations, applied in order in one transaction: all apply, or none and the answer (422) lists every rejected operation by index (`operations.3.value`).',
        body: bulkBody,
        response: { 200: bulkAnswer, ...errors(413, 422) },
      },
    },
    async (request) => applyBulk(db, contextOf(request), request.body.operations),
  );

  api.get(
    '/metadata/schemas/:type',
    {
      config: { permission: metadataPermissions.readSchema },
      schema: {
        tags,
        operationId: 'get_metadata_schema',
        summary: "The workspace's metadata schema for an entity type",
        params: typeParams,
        response: { 200: metadataSchemaAnswer, ...errors(404) },
      },
    },
    async (request) => readSchema(db, contextOf(request), request.params.type),
  );

  api.put(
    '/metadata/schemas/:type',
    {
      config: { permission: metadataPermissions.manageSchema },
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
    },
    async (request) => saveSchema(db, contextOf(request), request.params.type, request.body),
  );

  api.delete(
    '/metadata/schemas/:type',
    {
      config: { permission: metadataPermissions.manageSchema },
      schema: {
        tags,
        operationId: 'delete_metadata_schema',
        summary: 'Remove the metadata schema of an entity type',
        params: typeParams,
        response: { 204: z.null().describe('Removed'), ...errors(404) },
      },
    },
    async (request, reply) => {
      await removeSchema(db, contextOf(request), request.params.type);
      return reply.code(204).send(null);
    },
  );
}
