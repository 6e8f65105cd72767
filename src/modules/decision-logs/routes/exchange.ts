import { z } from 'zod';
import { sendDownload } from '../../../core/http/download.ts';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { exportQuerySchema, importReportSchema, importRequestSchema } from '../contracts.ts';
import { exportDecision, exportDecisions } from '../export/service.ts';
import { importDecisions } from '../import/service.ts';
import { decisionPermissions } from '../lifecycle.ts';
import { decisionResource } from '../resource.ts';

const tags = [decisionResource.tag];
const importBodyLimit = 16 * 1024 * 1024;

export const exportAllRoute = defineRoute({
  method: 'GET',
  url: '/decision-logs/export',
  permission: decisionPermissions.read,
  schema: {
    tags,
    operationId: 'export_decision_logs',
    summary: 'Export decisions as a zip of numbered MADR files or as CSV',
    description:
      'The zip holds one `0007-title.md` file per decision, in the MADR format that import reads back. At most 5000 decisions.',
    querystring: exportQuerySchema,
    produces: ['application/zip', 'text/csv'],
    response: {
      200: z.any().describe('application/zip or text/csv'),
      ...problemResponses(commonProblemStatuses),
    },
  },
  handler: async ({ scope, query, reply }) => sendDownload(reply, await exportDecisions(scope, query)),
});

export const exportOneRoute = defineRoute({
  method: 'GET',
  url: '/decision-logs/:id/export',
  permission: decisionPermissions.read,
  schema: {
    tags,
    operationId: 'export_decision_log',
    summary: 'One decision as MADR Markdown',
    params: z.object({ id: z.uuid().describe('The decision id') }),
    querystring: z.strictObject({
      format: z.literal('madr').default('madr').describe('Only madr for now'),
    }),
    produces: ['text/markdown'],
    response: {
      200: z.any().describe('text/markdown'),
      ...problemResponses([...commonProblemStatuses, 404]),
    },
  },
  handler: async ({ scope, params, reply }) => sendDownload(reply, await exportDecision(scope, params.id)),
});

export const importRoute = defineRoute({
  method: 'POST',
  url: '/decision-logs/import',
  permission: decisionPermissions.import,
  bodyLimit: importBodyLimit,
  schema: {
    tags,
    operationId: 'import_decision_logs',
    summary: 'Import a folder of ADR Markdown files (Nygard, MADR 2/3/4, log4brains)',
    description:
      'All files are imported in one transaction, or none: a file that cannot be parsed answers 422 with its reason and nothing is created. With dryRun, answers 200 with what would be created and the files that cannot be. Importing accepted, rejected, deprecated or superseded decisions records ratifications and needs the decision_log.ratify permission too.',
    body: importRequestSchema,
    response: {
      200: importReportSchema.describe('Dry run: what would be created'),
      201: importReportSchema.describe('Imported'),
      ...problemResponses([...commonProblemStatuses, 413, 422]),
    },
  },
  handler: async ({ scope, body, reply }) => {
    const report = await importDecisions(scope, body);
    return reply.code(report.dryRun ? 200 : 201).send(report);
  },
});
