import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import { authorize } from '../../core/auth/permissions.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { contextOf } from '../../core/http/request-context.ts';
import { getRow } from '../../core/resource/service.ts';
import type { Database } from '../../db/connection.ts';
import { renderCsv } from './export/csv.ts';
import { loadForExport } from './export/load.ts';
import { fileNameOf, namerFor, renderMadr } from './export/madr.ts';
import { importDecisions, importReportSchema, importRequestSchema } from './import/service.ts';
import { decisionPermissions } from './lifecycle.ts';
import { decisionResource } from './resource.ts';
import { decisionStatuses } from './schema.ts';
import { decisionsByIds } from './store.ts';

const tag = decisionResource.tag;
const importBodyLimit = 16 * 1024 * 1024;

const exportAllQuery = z.strictObject({
  format: z.enum(['zip', 'csv']).describe('zip: numbered MADR Markdown files; csv: one row per decision'),
  project: z.uuid().optional().describe('Only the decisions of this project'),
  status: z.enum(decisionStatuses).optional().describe('Only decisions with this status'),
});

/** Export (MADR Markdown, zip of Markdown files, CSV) and import of ADR folders. */
export function registerExchangeRoutes(app: FastifyInstance, db: Database): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/decision-logs/export',
    {
      config: { permission: decisionPermissions.read },
      schema: {
        tags: [tag],
        operationId: 'export_decision_logs',
        summary: 'Export decisions as a zip of numbered MADR files or as CSV',
        description:
          'The zip holds one `0007-title.md` file per decision, in the MADR format that import reads back. At most 5000 decisions.',
        querystring: exportAllQuery,
        produces: ['application/zip', 'text/csv'],
        response: {
          200: z.any().describe('application/zip or text/csv'),
          ...problemResponses(commonProblemStatuses),
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, decisionPermissions.read);
      const { format, project, status } = request.query;
      const decisions = await loadForExport(db, ctx.workspaceId, { projectId: project, status });
      // A filtered export still names the decisions its decisions link to: by reference alone,
      // since their files are not in it.
      const exported = new Set(decisions.map((decision) => decision.id));
      const outside = decisions
        .flatMap((decision) => [
          ...(decision.supersededBy ? [decision.supersededBy] : []),
          ...decision.supersedes,
        ])
        .filter((id) => !exported.has(id));
      const inside = namerFor(decisions, true);
      const linked = namerFor(await decisionsByIds(db, ctx.workspaceId, [...new Set(outside)]), false);
      const name = (id: string) => (exported.has(id) ? inside(id) : linked(id));
      if (format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="decisions.csv"')
          .send(renderCsv(decisions, (id) => name(id).reference));
      }
      const files: Record<string, Uint8Array> = {};
      for (const decision of decisions) {
        files[fileNameOf(decision.number, decision.title)] = strToU8(renderMadr(decision, name));
      }
      return reply
        .type('application/zip')
        .header('content-disposition', 'attachment; filename="decisions.zip"')
        .send(Buffer.from(zipSync(files, { level: 6 })));
    },
  );

  api.get(
    '/decision-logs/:id/export',
    {
      config: { permission: decisionPermissions.read },
      schema: {
        tags: [tag],
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
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, decisionPermissions.read);
      await getRow(db, decisionResource, { ctx }, request.params.id);
      const [decision] = await loadForExport(db, ctx.workspaceId, { ids: [request.params.id] });
      if (!decision) throw new Error('decision vanished between two reads');
      const linked = await decisionsByIds(db, ctx.workspaceId, [
        ...(decision.supersededBy ? [decision.supersededBy] : []),
        ...decision.supersedes,
      ]);
      const markdown = renderMadr(decision, namerFor(linked, true));
      return reply
        .type('text/markdown; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${fileNameOf(decision.number, decision.title)}"`,
        )
        .send(markdown);
    },
  );

  api.post(
    '/decision-logs/import',
    {
      config: { permission: decisionPermissions.import },
      bodyLimit: importBodyLimit,
      schema: {
        tags: [tag],
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
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const report = await importDecisions(db, { ctx }, request.body);
      return reply.code(report.dryRun ? 200 : 201).send(report);
    },
  );
}
