import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { metaFilterPattern } from '../metadata/entities.ts';
import { type AnyResource, type ResourceOperation, resourceOperations } from '../resource/define.ts';
import { filterParameterSchemas } from '../resource/filters.ts';
import {
  createResource,
  deleteResource,
  getResource,
  listResource,
  updateResource,
} from '../resource/operations.ts';
import { pageSchema } from '../resource/schemas.ts';
import { defaultPageSize, maxPageSize, toOutput } from '../resource/service.ts';
import { runIdempotentWrite, type StoredAnswer } from './idempotency.ts';
import { commonProblemStatuses, problemResponses } from './problem-schema.ts';
import { type AnyRoute, defineRoute } from './route.ts';

const idParameter = z.uuid().describe('The resource id');
const includeParameter = z
  .enum(['metadata'])
  .optional()
  .describe("`metadata`: add each record's metadata (custom fields) as `metadata: { key: value }`");
const metadataOutput = z
  .record(z.string(), z.unknown())
  .optional()
  .describe('Custom fields, with ?include=metadata');
const projectIdParameter = z.uuid().describe('The project id');

export const versionHeaders = z.looseObject({
  'if-match': z
    .string()
    .max(100)
    .optional()
    .describe('The ETag you read; answers 412 if the resource changed since'),
});
export const createHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .max(255)
    .optional()
    .describe('Repeat a POST safely: a repeated key returns the first answer'),
});
const versionField = z
  .number()
  .int()
  .min(1)
  .optional()
  .describe('The version you read; answers 412 if it changed since');

/** `"v3"` for version 3. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

/** Reads the expected version from If-Match (`"v3"`, `W/"v3"`, `*`) or from the body's `version`. */
export function expectedVersion(
  ifMatch: string | undefined,
  bodyVersion: number | undefined,
): number | undefined {
  let fromHeader: number | undefined;
  if (ifMatch !== undefined && ifMatch.trim() !== '*') {
    const match = /^(?:W\/)?"v(\d+)"$/.exec(ifMatch.trim());
    if (!match) {
      throw new AppError('validation_failed', 'If-Match must be an ETag this server issued, like "v3".', {
        errors: [{ path: 'headers.if-match', message: 'must look like "v3"' }],
      });
    }
    fromHeader = Number(match[1]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw new AppError('validation_failed', 'If-Match and the body version disagree.', {
      errors: [{ path: 'version', message: 'differs from If-Match' }],
    });
  }
  return fromHeader ?? bodyVersion;
}

/** Sends a stored (already JSON-shaped) answer as it is. */
export function sendStored(reply: FastifyReply, answer: StoredAnswer & { replayed?: boolean }): FastifyReply {
  reply.code(answer.status).headers(answer.headers);
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return reply
    .type('application/json; charset=utf-8')
    .serializer((body) => body as string)
    .send(JSON.stringify(answer.body));
}

/** The query a resource's list accepts: paging, sort, `q`, its filters and metadata filters. */
export function listQuerySchema(definition: AnyResource) {
  const listShape = {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(maxPageSize)
      .default(defaultPageSize)
      .describe(`Page size (default ${defaultPageSize}, at most ${maxPageSize})`),
    cursor: z.string().max(2000).optional().describe('The nextCursor of the previous page'),
    sort: z
      .string()
      .max(200)
      .optional()
      .describe(
        `Comma-separated fields, '-' for descending. Sortable: ${Object.keys(definition.sortable).join(', ')}. Default ${definition.defaultSort}`,
      ),
    q: z
      .string()
      .max(500)
      .optional()
      .describe(
        'Search, as /search does: words (all must match), "phrases", OR, -excluded; the last word also matches as a prefix',
      ),
    include: includeParameter,
    ...filterParameterSchemas(definition.filters),
  };
  // Metadata filters name any key (`filter[meta.team]=payments`); every other parameter must be known.
  return z
    .object(listShape)
    .catchall(
      z.string().max(1000).describe('filter[meta.<key>]: metadata key equals (or array contains) the value'),
    )
    .superRefine((query, issues) => {
      for (const parameter of Object.keys(query)) {
        if (parameter in listShape || metaFilterPattern.test(parameter)) continue;
        issues.addIssue({
          code: 'custom',
          path: [parameter],
          message: 'unknown query parameter (metadata filters look like filter[meta.team])',
        });
      }
    });
}

/** What the five routes of one resource share: paths, parameters, the answer's schema. */
function shapesOf(definition: AnyResource) {
  const projectScoped = definition.scope === 'project';
  const collection = projectScoped ? `/projects/:projectId/${definition.path}` : `/${definition.path}`;
  return {
    collection,
    item: `${collection}/:id`,
    collectionParams: projectScoped ? z.object({ projectId: projectIdParameter }) : z.object({}),
    itemParams: projectScoped
      ? z.object({ projectId: projectIdParameter, id: idParameter })
      : z.object({ id: idParameter }),
    output: definition.schemas.output.extend({ metadata: metadataOutput }),
    tags: [definition.tag],
  };
}

function listRoute(definition: AnyResource) {
  const { collection, collectionParams, output, tags } = shapesOf(definition);
  const plural = (definition.path.split('/').pop() ?? definition.path).replace(/-/g, ' ');
  return defineRoute({
    method: 'GET',
    url: collection,
    permission: definition.permissions.read,
    schema: {
      tags,
      operationId: `list_${definition.path.replace(/[-/]/g, '_')}`,
      summary: `List ${plural}`,
      description: `A page of ${definition.label} records, newest first unless sorted otherwise. Filters combine with AND.`,
      params: collectionParams,
      querystring: listQuerySchema(definition),
      response: { 200: pageSchema(output), ...problemResponses([...commonProblemStatuses, 404]) },
    },
    handler: ({ scope, query }) => listResource(scope, definition, query),
  });
}

function getRoute(definition: AnyResource) {
  const { item, itemParams, output, tags } = shapesOf(definition);
  return defineRoute({
    method: 'GET',
    url: item,
    permission: definition.permissions.read,
    schema: {
      tags,
      operationId: `get_${definition.name}`,
      summary: `Get one ${definition.label}`,
      params: itemParams,
      querystring: z.strictObject({ include: includeParameter }),
      response: { 200: output, ...problemResponses([...commonProblemStatuses, 404]) },
    },
    handler: async ({ scope, params, query, reply }) => {
      const { row, output: answer } = await getResource(scope, definition, params.id, query.include);
      reply.header('etag', etagOf(row.version));
      return answer;
    },
  });
}

function createRoute(definition: AnyResource) {
  const { collection, collectionParams, output, tags } = shapesOf(definition);
  return defineRoute({
    method: 'POST',
    url: collection,
    permission: definition.permissions.create,
    schema: {
      tags,
      operationId: `create_${definition.name}`,
      summary: `Create a ${definition.label}`,
      description: 'Send an Idempotency-Key to make retries safe.',
      params: collectionParams,
      headers: createHeaders,
      body: definition.schemas.create,
      response: { 201: output, ...problemResponses([...commonProblemStatuses, 404, 409, 413, 422]) },
    },
    handler: async ({ scope, headers, body, request, reply }) => {
      const path = request.url.split('?')[0] ?? '';
      const answer = await runIdempotentWrite(
        scope.db,
        { key: headers['idempotency-key'], method: 'POST', path, body },
        async (tx) => {
          const row = await createResource(tx, scope, definition, body);
          return {
            status: 201,
            body: JSON.parse(JSON.stringify(toOutput(definition, row))),
            headers: { etag: etagOf(row.version), location: `${path}/${row.id}` },
          };
        },
      );
      return sendStored(reply, answer);
    },
  });
}

function updateRoute(definition: AnyResource) {
  const { item, itemParams, output, tags } = shapesOf(definition);
  return defineRoute({
    method: 'PATCH',
    url: item,
    permission: definition.permissions.update,
    schema: {
      tags,
      operationId: `update_${definition.name}`,
      summary: `Change a ${definition.label}`,
      description:
        'Only the fields sent change. Send If-Match (or version) to refuse overwriting a newer version.',
      params: itemParams,
      headers: versionHeaders,
      body: definition.schemas.update.extend({ version: versionField }),
      response: { 200: output, ...problemResponses([...commonProblemStatuses, 404, 409, 412, 413, 422]) },
    },
    handler: async ({ scope, params, headers, body, reply }) => {
      const { version, ...changes } = body;
      const row = await updateResource(
        scope,
        definition,
        params.id,
        changes,
        expectedVersion(headers['if-match'], version),
      );
      reply.header('etag', etagOf(row.version));
      return toOutput(definition, row);
    },
  });
}

function deleteRoute(definition: AnyResource) {
  const { item, itemParams, tags } = shapesOf(definition);
  return defineRoute({
    method: 'DELETE',
    url: item,
    permission: definition.permissions.delete,
    schema: {
      tags,
      operationId: `delete_${definition.name}`,
      summary: `Delete a ${definition.label}`,
      params: itemParams,
      headers: versionHeaders,
      response: {
        204: z.null().describe('Deleted'),
        ...problemResponses([...commonProblemStatuses, 404, 409, 412]),
      },
    },
    handler: async ({ scope, params, headers, reply }) => {
      await deleteResource(scope, definition, params.id, expectedVersion(headers['if-match'], undefined));
      return reply.code(204).send(null);
    },
  });
}

/**
 * The five routes of a declared resource: list, get, create, update and delete, with scoping,
 * authorization, audit, versioning, idempotency and OpenAPI descriptions. Nothing per resource to write.
 */
export function resourceRoutes(definition: AnyResource): AnyRoute[] {
  const routes: Record<ResourceOperation, (definition: AnyResource) => AnyRoute> = {
    list: listRoute,
    get: getRoute,
    create: createRoute,
    update: updateRoute,
    delete: deleteRoute,
  };
  return (definition.operations ?? resourceOperations).map((operation) => routes[operation](definition));
}
