import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, definePermission } from '../../core/auth/permissions.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { contextOf } from '../../core/http/request-context.ts';
import { dataModel } from './model.ts';
import { toDbml, toMermaid } from './render.ts';

const readSchema = definePermission('schema.read', 'read');

/** Shipshape's own data model, generated from the Drizzle schema, so that it can be reviewed. */
export function registerSchemaExportRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const formats = [
    {
      path: '/schema.dbml',
      operationId: 'get_schema_dbml',
      summary: 'The data model as DBML',
      render: toDbml,
    },
    {
      path: '/schema.mmd',
      operationId: 'get_schema_mermaid',
      summary: 'The data model as a Mermaid ER diagram',
      render: toMermaid,
    },
  ];
  for (const format of formats) {
    api.get(
      format.path,
      {
        config: { permission: readSchema },
        schema: {
          tags: ['Schema'],
          operationId: format.operationId,
          summary: format.summary,
          description: "Every table (Shipshape's own and the plan schema's), its columns and references.",
          response: {
            200: z.string().describe('The document (text/plain)'),
            ...problemResponses(commonProblemStatuses),
          },
        },
      },
      async (request, reply) => {
        authorize(contextOf(request).actor, readSchema);
        return reply.type('text/plain; charset=utf-8').send(format.render(dataModel()));
      },
    );
  }
}
