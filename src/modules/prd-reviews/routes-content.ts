import { and, count, eq, max } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../core/auth/permissions.ts';
import { AppError, notFound } from '../../core/http/errors.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { contextOf } from '../../core/http/request-context.ts';
import type { Metrics } from '../../core/observability/metrics.ts';
import type { Row } from '../../core/resource/define.ts';
import { assertProjectVisible, createRow, getRow } from '../../core/resource/service.ts';
import type { Database } from '../../db/connection.ts';
import { cached, renderMarkdown } from './cache.ts';
import {
  diffSchema,
  htmlSchema,
  importSchema,
  lintResultSchema,
  prdSchema,
  revisionSchema,
  revisionSummarySchema,
} from './contracts.ts';
import { type ExportedPrd, fromMarkdown, toMarkdown, toSpec } from './exchange.ts';
import { lintPrd } from './lint.ts';
import { prdResource, unresolvedComments } from './resource.ts';
import { settingsOf } from './reviews.ts';
import { diffRevisions, getRevision, listRevisions } from './revisions.ts';
import {
  collectionParams,
  collectionPath,
  itemParams,
  itemPath,
  pageQuery,
  scopeOf,
  sendPrd,
  tags,
} from './route-support.ts';
import { prdReviewComments, prdReviews } from './schema.ts';

const readErrors = problemResponses([...commonProblemStatuses, 404]);
const revisionNumber = z.coerce.number().int().min(1).max(1_000_000);

export function registerContentRoutes(app: FastifyInstance, db: Database, metrics: Metrics): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const readPrd = async (request: Parameters<typeof scopeOf>[0], id: string): Promise<Row> => {
    const scope = scopeOf(request);
    authorize(scope.ctx.actor, prdResource.permissions.read);
    return getRow(db, prdResource, scope, id);
  };

  api.get(
    '/prd-reviews/:id',
    {
      config: { permission: prdResource.permissions.read },
      schema: {
        tags,
        operationId: 'find_prd_review',
        summary: 'Find a PRD by id alone (whatever its project)',
        params: z.object({ id: z.uuid() }),
        response: { 200: prdSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, prdResource.permissions.read);
      const [row] = await db
        .select()
        .from(prdReviews)
        .where(and(eq(prdReviews.id, request.params.id), eq(prdReviews.workspaceId, ctx.workspaceId)));
      if (!row) throw notFound('PRD', request.params.id);
      return sendPrd(reply, row as unknown as Row);
    },
  );

  api.get(
    `${itemPath}/revisions`,
    {
      config: { permission: prdResource.permissions.read },
      schema: {
        tags,
        operationId: 'list_prd_revisions',
        summary: 'List revisions, newest first',
        params: itemParams,
        querystring: pageQuery,
        response: {
          200: z.object({ data: z.array(revisionSummarySchema), nextCursor: z.string().nullable() }),
          ...readErrors,
        },
      },
    },
    async (request) => {
      const prd = await readPrd(request, request.params.id);
      const { cursor, limit } = request.query;
      if (cursor !== undefined && !/^\d{1,7}$/.test(cursor)) {
        throw new AppError('validation_failed', 'cursor: not one this server issued', {
          errors: [{ path: 'query.cursor', message: 'not one this server issued' }],
        });
      }
      const page = await listRevisions(db, prd.id, limit, cursor === undefined ? undefined : Number(cursor));
      return { data: page.data.map(({ content: _, ...summary }) => summary), nextCursor: page.nextCursor };
    },
  );

  api.get(
    `${itemPath}/revisions/:number`,
    {
      config: { permission: prdResource.permissions.read },
      schema: {
        tags,
        operationId: 'get_prd_revision',
        summary: 'Get one revision',
        params: itemParams.extend({ number: revisionNumber }),
        response: { 200: revisionSchema, ...readErrors },
      },
    },
    async (request) => {
      const prd = await readPrd(request, request.params.id);
      return getRevision(db, prd.id, request.params.number);
    },
  );

  api.get(
    `${itemPath}/diff`,
    {
      config: { permission: prdResource.permissions.read },
      schema: {
        tags,
        operationId: 'diff_prd_revisions',
        summary: 'Diff two revisions (line and word level, structured and unified)',
        params: itemParams,
        querystring: z.strictObject({
          from: revisionNumber.describe('The older revision'),
          to: revisionNumber.optional().describe('The newer revision (default: the current one)'),
        }),
        response: { 200: diffSchema, ...readErrors },
      },
    },
    async (request) => {
      const prd = await readPrd(request, request.params.id);
      const from = request.query.from;
      const to = request.query.to ?? Number(prd.currentRevision);
      const [before, after] = await Promise.all([getRevision(db, prd.id, from), getRevision(db, prd.id, to)]);
      return cached(
        db,
        metrics,
        {
          workspaceId: prd.workspaceId,
          prdId: prd.id,
          kind: 'diff',
          key: `prd:${prd.id}:diff:r${from}:r${to}`,
        },
        () => diffRevisions(before, after),
      );
    },
  );

  api.get(
    `${itemPath}/html`,
    {
      config: { permission: prdResource.permissions.read },
      schema: {
        tags,
        operationId: 'render_prd_review',
        summary: 'The PRD (or one revision) rendered as sanitized HTML',
        params: itemParams,
        querystring: z.strictObject({
          revision: revisionNumber.optional().describe('Default: the current one'),
        }),
        response: { 200: htmlSchema, ...readErrors },
      },
    },
    async (request) => {
      const prd = await readPrd(request, request.params.id);
      const number = request.query.revision ?? Number(prd.currentRevision);
      return cached(
        db,
        metrics,
        { workspaceId: prd.workspaceId, prdId: prd.id, kind: 'html', key: `prd:${prd.id}:html:r${number}` },
        async () => {
          const revision = await getRevision(db, prd.id, number);
          return { revision: number, html: renderMarkdown(revision.content) };
        },
      );
    },
  );

  api.get(
    `${itemPath}/lint`,
    {
      config: { permission: prdResource.permissions.read },
      schema: {
        tags,
        operationId: 'lint_prd_review',
        summary: 'What the PRD lacks: sections, precise requirements, acceptance criteria, open questions',
        params: itemParams,
        response: { 200: lintResultSchema, ...readErrors },
      },
    },
    async (request) => {
      const prd = await readPrd(request, request.params.id);
      const settings = await settingsOf(db, String(prd.projectId));
      const [comments] = await db
        .select({ total: count(), latest: max(prdReviewComments.updatedAt) })
        .from(prdReviewComments)
        .where(eq(prdReviewComments.prdId, prd.id));
      const key = [
        `prd:${prd.id}:lint:v${prd.version}`,
        `c${comments?.total ?? 0}-${comments?.latest?.getTime() ?? 0}`,
        `s${settings.updatedAt?.getTime() ?? 0}`,
      ].join(':');
      return cached(
        db,
        metrics,
        { workspaceId: prd.workspaceId, prdId: prd.id, kind: 'lint', key },
        async () => {
          const problems = lintPrd(String(prd.content), {
            requiredSections: settings.requiredSections,
            unresolvedComments: await unresolvedComments(db, prd.id),
          });
          return { revision: Number(prd.currentRevision), clean: problems.length === 0, problems };
        },
      );
    },
  );

  api.get(
    `${itemPath}/export`,
    {
      config: { permission: prdResource.permissions.read },
      schema: {
        tags,
        operationId: 'export_prd_review',
        summary: 'Export as Markdown with front matter, or as a spec.md',
        params: itemParams,
        querystring: z.strictObject({
          format: z
            .enum(['markdown', 'spec'])
            .default('markdown')
            .describe('markdown (front matter) or spec (spec.md)'),
        }),
        response: { 200: z.string().describe('text/markdown'), ...readErrors },
      },
    },
    async (request, reply) => {
      const prd = (await readPrd(request, request.params.id)) as unknown as ExportedPrd;
      const text = request.query.format === 'spec' ? toSpec(prd) : toMarkdown(prd);
      const name = request.query.format === 'spec' ? 'spec.md' : `prd-${prd.id}.md`;
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .serializer((body) => body as string)
        .send(text);
    },
  );

  api.post(
    `${collectionPath}/import`,
    {
      config: { permission: prdResource.permissions.create },
      schema: {
        tags,
        operationId: 'import_prd_review',
        summary: 'Create a PRD from Markdown (YAML front matter optional)',
        description: 'The title comes from `title`, else the front matter, else the first `# heading`.',
        params: collectionParams,
        body: importSchema,
        response: { 201: prdSchema, ...problemResponses([...commonProblemStatuses, 404, 413, 422]) },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      authorize(scope.ctx.actor, prdResource.permissions.create);
      await assertProjectVisible(db, scope);
      const parsed = fromMarkdown(request.body.markdown);
      const input = prdResource.schemas.create.safeParse({
        title: request.body.title ?? parsed.title ?? '',
        content: parsed.content,
      });
      if (!input.success) {
        throw new AppError(
          'validation_failed',
          'The Markdown has no title: give `title`, front matter or a # heading.',
          {
            errors: [{ path: 'title', message: 'missing' }],
          },
        );
      }
      const row = await db.transaction((tx) =>
        createRow(tx, prdResource, scope, input.data as Record<string, unknown>),
      );
      reply.code(201).header('location', `${request.url.replace(/\/import.*$/, '')}/${row.id}`);
      return sendPrd(reply, row);
    },
  );
}
