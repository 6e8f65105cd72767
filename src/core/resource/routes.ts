import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import { authorize } from '../auth/permissions.ts';
import { inWorkspace } from '../auth/workspace-scope.ts';
import { AppError } from '../http/errors.ts';
import { runIdempotentWrite, type StoredAnswer } from '../http/idempotency.ts';
import { commonProblemStatuses, problemResponses } from '../http/problem-schema.ts';
import { contextOf } from '../http/request-context.ts';
import { metadataOf, metaFilterPattern } from '../metadata/entities.ts';
import type { ResourceDefinition, Row } from './define.ts';
import { filterParameterSchemas } from './filters.ts';
import { pageSchema } from './schemas.ts';
import {
  assertProjectVisible,
  createRow,
  defaultPageSize,
  deleteRow,
  getRow,
  listRows,
  maxPageSize,
  type Scope,
  toOutput,
  updateRow,
} from './service.ts';

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

const versionHeaders = z.looseObject({
  'if-match': z
    .string()
    .max(100)
    .optional()
    .describe('The ETag you read; answers 412 if the resource changed since'),
});
const createHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .max(255)
    .optional()
    .describe('Repeat a POST safely: a repeated key returns the first answer'),
});

/** `"v3"` for version 3. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

/** Reads the expected version from If-Match (`"v3"`, `W/"v3"`, `*`) or from the body's `version`. */
function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number | undefined {
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

/**
 * Serves a declared resource: list, get, create, update and delete, with scoping, authorization,
 * audit, versioning, idempotency and OpenAPI descriptions. Nothing per resource to write.
 */
export function registerResourceRoutes(
  app: FastifyInstance,
  db: Database,
  definition: ResourceDefinition,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { schemas, label, tag, permissions } = definition;
  const projectScoped = definition.scope === 'project';
  const collection = projectScoped ? `/projects/:projectId/${definition.path}` : `/${definition.path}`;
  const item = `${collection}/:id`;
  const collectionParams = projectScoped ? z.object({ projectId: projectIdParameter }) : z.object({});
  const itemParams = projectScoped
    ? z.object({ projectId: projectIdParameter, id: idParameter })
    : z.object({ id: idParameter });
  const output = schemas.output.extend({ metadata: metadataOutput });

  const scopeOf = (request: { params: unknown }): Scope => ({
    ctx: contextOf(request as never),
    projectId: projectScoped ? (request.params as { projectId: string }).projectId : undefined,
  });
  const outputOf = (row: Row) => toOutput(definition, row);
  const jsonOf = (row: Row) => JSON.parse(JSON.stringify(outputOf(row))) as unknown;
  const locationOf = (prefix: string, row: Row) => `${prefix}/${row.id}`;

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
    q: z.string().max(500).optional().describe('Words that must all appear in the searchable fields'),
    include: includeParameter,
    ...filterParameterSchemas(definition.filters),
  };
  // Metadata filters name any key (`filter[meta.team]=payments`); every other parameter must be known.
  const listQuery = z
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
  const withMetadata = async (scope: Scope, rows: Row[], include: string | undefined) => {
    const outputs = rows.map(outputOf);
    if (include !== 'metadata') return outputs;
    const sets = await metadataOf(
      db,
      scope.ctx.workspaceId,
      definition.name,
      rows.map((row) => row.id),
    );
    return outputs.map((entry, index) => ({ ...entry, metadata: sets.get(rows[index]?.id ?? '') ?? {} }));
  };

  api.get(
    collection,
    {
      config: { permission: permissions.read },
      schema: {
        tags: [tag],
        operationId: `list_${definition.path.replace(/[-/]/g, '_')}`,
        summary: `List ${(definition.path.split('/').pop() ?? definition.path).replace(/-/g, ' ')}`,
        description: `A page of ${label} records, newest first unless sorted otherwise. Filters combine with AND.`,
        params: collectionParams,
        querystring: listQuery,
        response: { 200: pageSchema(output), ...problemResponses([...commonProblemStatuses, 404]) },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      authorize(scope.ctx.actor, permissions.read);
      const query = request.query as Record<string, unknown> & { include?: string };
      const page = await inWorkspace(db, scope.ctx.workspaceId, async (tx) => {
        await assertProjectVisible(tx, scope);
        return listRows(tx, definition, scope, query);
      });
      return { data: await withMetadata(scope, page.data, query.include), nextCursor: page.nextCursor };
    },
  );

  api.get(
    item,
    {
      config: { permission: permissions.read },
      schema: {
        tags: [tag],
        operationId: `get_${definition.name}`,
        summary: `Get one ${label}`,
        params: itemParams,
        querystring: z.strictObject({ include: includeParameter }),
        response: { 200: output, ...problemResponses([...commonProblemStatuses, 404]) },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      authorize(scope.ctx.actor, permissions.read);
      const id = (request.params as { id: string }).id;
      const row = await inWorkspace(db, scope.ctx.workspaceId, (tx) => getRow(tx, definition, scope, id));
      reply.header('etag', etagOf(row.version));
      const [answer] = await withMetadata(scope, [row], (request.query as { include?: string }).include);
      return answer;
    },
  );

  api.post(
    collection,
    {
      config: { permission: permissions.create },
      schema: {
        tags: [tag],
        operationId: `create_${definition.name}`,
        summary: `Create a ${label}`,
        description: 'Send an Idempotency-Key to make retries safe.',
        params: collectionParams,
        headers: createHeaders,
        body: schemas.create,
        response: { 201: output, ...problemResponses([...commonProblemStatuses, 404, 409, 413, 422]) },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      authorize(scope.ctx.actor, permissions.create);
      await assertProjectVisible(db, scope);
      const prefix = request.url.split('?')[0] ?? '';
      const answer = await runIdempotentWrite(
        db,
        scope.ctx,
        { key: request.headers['idempotency-key'], method: 'POST', path: prefix, body: request.body },
        async (tx) => {
          const row = await createRow(tx, definition, scope, request.body as Record<string, unknown>);
          return {
            status: 201,
            body: jsonOf(row),
            headers: { etag: etagOf(row.version), location: locationOf(prefix, row) },
          };
        },
      );
      return sendStored(reply, answer);
    },
  );

  const updateBody = schemas.update.extend({
    version: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('The version you read; answers 412 if it changed since'),
  });
  api.patch(
    item,
    {
      config: { permission: permissions.update },
      schema: {
        tags: [tag],
        operationId: `update_${definition.name}`,
        summary: `Change a ${label}`,
        description:
          'Only the fields sent change. Send If-Match (or version) to refuse overwriting a newer version.',
        params: itemParams,
        headers: versionHeaders,
        body: updateBody,
        response: { 200: output, ...problemResponses([...commonProblemStatuses, 404, 409, 412, 413, 422]) },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      authorize(scope.ctx.actor, permissions.update);
      const { version, ...changes } = request.body as Record<string, unknown> & { version?: number };
      const expected = expectedVersion(request.headers['if-match'], version);
      const id = (request.params as { id: string }).id;
      const row = await inWorkspace(db, scope.ctx.workspaceId, (tx) =>
        updateRow(tx, definition, scope, id, changes, expected),
      );
      reply.header('etag', etagOf(row.version));
      return outputOf(row);
    },
  );

  api.delete(
    item,
    {
      config: { permission: permissions.delete },
      schema: {
        tags: [tag],
        operationId: `delete_${definition.name}`,
        summary: `Delete a ${label}`,
        params: itemParams,
        headers: versionHeaders,
        response: {
          204: z.null().describe('Deleted'),
          ...problemResponses([...commonProblemStatuses, 404, 409, 412]),
        },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      authorize(scope.ctx.actor, permissions.delete);
      const expected = expectedVersion(request.headers['if-match'], undefined);
      const id = (request.params as { id: string }).id;
      await inWorkspace(db, scope.ctx.workspaceId, (tx) => deleteRow(tx, definition, scope, id, expected));
      return reply.code(204).send(null);
    },
  );
}
