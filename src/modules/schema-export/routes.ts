import { definePermission } from '../../core/auth/permissions.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { defineRoute } from '../../core/http/route.ts';
import { schemaDocumentSchema } from './contracts.ts';
import { dataModel, type ModelTable } from './model.ts';
import { toDbml, toMermaid } from './render.ts';

const readSchema = definePermission('schema.read', 'read');

const formats = [
  { path: '/schema.dbml', operationId: 'get_schema_dbml', summary: 'The data model as DBML', render: toDbml },
  {
    path: '/schema.mmd',
    operationId: 'get_schema_mermaid',
    summary: 'The data model as a Mermaid ER diagram',
    render: toMermaid,
  },
] satisfies { path: string; operationId: string; summary: string; render: (model: ModelTable[]) => string }[];

/** Shipshape's own data model, generated from the tables the app declares, so that it can be reviewed. */
export const schemaExportRoutes = formats.map((format) =>
  defineRoute({
    method: 'GET',
    url: format.path,
    permission: readSchema,
    schema: {
      tags: ['Schema'],
      operationId: format.operationId,
      summary: format.summary,
      description: "Every table (Shipshape's own and the plan schema's), its columns and references.",
      response: {
        200: schemaDocumentSchema,
        ...problemResponses(commonProblemStatuses),
      },
    },
    handler: async ({ app, reply }) =>
      reply.type('text/plain; charset=utf-8').send(format.render(dataModel(app.tables))),
  }),
);
