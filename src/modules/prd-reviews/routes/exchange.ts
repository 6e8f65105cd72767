import { z } from 'zod';
import { sendDownload } from '../../../core/http/download.ts';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { collectionParams, exportQuery, importSchema, itemParams, prdSchema } from '../contracts.ts';
import { exportPrd, importPrd } from '../import-export.ts';
import { prdResource } from '../resource.ts';
import { answerPrd, collectionPath, itemPath, readErrors, tags } from './shared.ts';

export const exportRoute = defineRoute({
  method: 'GET',
  url: `${itemPath}/export`,
  permission: prdResource.permissions.read,
  schema: {
    tags,
    operationId: 'export_prd_review',
    summary: 'Export as Markdown with front matter, or as a spec.md',
    params: itemParams,
    querystring: exportQuery,
    response: { 200: z.string().describe('text/markdown'), ...readErrors },
  },
  handler: async ({ scope, params, query, reply }) =>
    sendDownload(reply, await exportPrd(scope, params.id, query.format)),
});

export const importRoute = defineRoute({
  method: 'POST',
  url: `${collectionPath}/import`,
  permission: prdResource.permissions.create,
  schema: {
    tags,
    operationId: 'import_prd_review',
    summary: 'Create a PRD from Markdown (YAML front matter optional)',
    description: 'The title comes from `title`, else the front matter, else the first `# heading`.',
    params: collectionParams,
    body: importSchema,
    response: { 201: prdSchema, ...problemResponses([...commonProblemStatuses, 404, 413, 422]) },
  },
  handler: async ({ scope, body, request, reply }) => {
    const row = await importPrd(scope, body);
    reply.code(201).header('location', `${request.url.replace(/\/import.*$/, '')}/${row.id}`);
    return answerPrd(reply, row);
  },
});
