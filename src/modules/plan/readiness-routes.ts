import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../core/auth/permissions.ts';
import { AppError } from '../../core/http/errors.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { contextOf } from '../../core/http/request-context.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import type { Database } from '../../db/connection.ts';
import { declaredChecks, findArea, planAreas } from './area.ts';
import { checkStatuses, levels } from './checks.ts';
import { listHistory, recordScore } from './history.ts';
import { planPermissions } from './permissions.ts';
import { evaluateReadiness } from './readiness.ts';

const level = z.enum(levels);
const reachedLevel = z
  .enum(['none', ...levels])
  .describe('The highest level whose checks (and those below) all pass');

const outcomeSchema = z
  .object({
    id: z.string().describe('Stable check id'),
    area: z.string(),
    level,
    title: z.string(),
    why: z.string(),
    status: z.enum([...checkStatuses, 'waived', 'disabled']),
    message: z.string().describe('For a failure, names the rows at fault'),
    rows: z.array(z.object({ table: z.string(), id: z.string(), name: z.string() })),
    waiver: z.object({ id: z.uuid(), reason: z.string(), expiresAt: z.date() }).optional(),
    disabledReason: z.string().optional(),
  })
  .meta({ id: 'ReadinessCheckOutcome' });

const areaScoreSchema = z
  .object({
    number: z.number().int(),
    slug: z.string(),
    title: z.string(),
    applicable: z.boolean(),
    notApplicableReason: z.string().nullable(),
    level: reachedLevel.nullable().describe('Null when the area is marked not applicable'),
    nextLevel: level.nullable(),
    passing: z.array(outcomeSchema).describe('Passing, not applicable and waived checks'),
    failing: z.array(outcomeSchema).describe('Failing checks, and checks whose answer is unknown'),
    disabled: z.array(outcomeSchema).describe('Checks the workspace turned off'),
  })
  .meta({ id: 'ReadinessAreaScore' });

export const scorecardSchema = z
  .object({
    projectId: z.uuid(),
    evaluatedAt: z.date(),
    level: reachedLevel.describe('The lowest level among the applicable areas'),
    passing: z.number().int(),
    failing: z.number().int(),
    areas: z.array(areaScoreSchema),
    waivers: z.array(
      z.object({ id: z.uuid(), checkId: z.string(), reason: z.string(), expiresAt: z.date() }),
    ),
  })
  .meta({ id: 'ReadinessScorecard' });

const historyEntrySchema = z
  .object({
    day: z.iso.date(),
    level: reachedLevel,
    passing: z.number().int(),
    failing: z.number().int(),
    areas: z.record(z.string(), z.object({ level: z.string(), passing: z.number(), failing: z.number() })),
    recordedAt: z.date(),
  })
  .meta({ id: 'ReadinessHistoryEntry' });

const checkSchema = z
  .object({ id: z.string(), area: z.string(), level, title: z.string(), why: z.string() })
  .meta({ id: 'ReadinessCheck' });

const projectParams = z.object({ projectId: z.uuid().describe('The project id') });

export function registerReadinessRoutes(app: FastifyInstance, db: Database): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/projects/:projectId/readiness',
    {
      config: { permission: planPermissions.readinessRead },
      schema: {
        tags: ['Readiness'],
        operationId: 'get_readiness',
        summary: "A project's readiness scorecard",
        description:
          "Evaluates every check of the plan: per area the level reached, passing and failing checks; the overall level is the lowest applicable area. A full evaluation also records the day's score for the history.",
        params: projectParams,
        querystring: z.strictObject({
          area: z
            .string()
            .max(2000)
            .optional()
            .describe('Comma-separated area slugs to evaluate only those (the score is then not recorded)'),
        }),
        response: { 200: scorecardSchema, ...problemResponses([...commonProblemStatuses, 404]) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, planPermissions.readinessRead);
      const scope = { workspaceId: ctx.workspaceId, projectId: request.params.projectId };
      await assertProjectVisible(db, { ctx, projectId: scope.projectId });
      const areas = request.query.area?.split(',').filter(Boolean);
      const unknown = areas?.filter((slug) => !findArea(slug)) ?? [];
      if (unknown.length > 0) {
        throw new AppError('validation_failed', `No plan area ${unknown.join(', ')}.`, {
          errors: [{ path: 'query.area', message: `unknown area ${unknown.join(', ')}` }],
        });
      }
      const scorecard = await evaluateReadiness(db, scope, { now: new Date(), areas });
      if (!areas) await recordScore(db, ctx.workspaceId, scorecard);
      return scorecard;
    },
  );

  api.get(
    '/projects/:projectId/readiness/history',
    {
      config: { permission: planPermissions.readinessRead },
      schema: {
        tags: ['Readiness'],
        operationId: 'get_readiness_history',
        summary: "A project's daily readiness scores",
        description: 'One entry per day the project was evaluated, newest first.',
        params: projectParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(366).default(90),
          cursor: z.iso.date().optional().describe('The nextCursor of the previous page'),
        }),
        response: {
          200: z.object({ data: z.array(historyEntrySchema), nextCursor: z.string().nullable() }),
          ...problemResponses([...commonProblemStatuses, 404]),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, planPermissions.readinessRead);
      await assertProjectVisible(db, { ctx, projectId: request.params.projectId });
      return listHistory(
        db,
        { workspaceId: ctx.workspaceId, projectId: request.params.projectId },
        request.query,
      );
    },
  );

  api.get(
    '/readiness/checks',
    {
      config: { permission: planPermissions.readinessRead },
      schema: {
        tags: ['Readiness'],
        operationId: 'list_readiness_checks',
        summary: 'Every readiness check',
        querystring: z.strictObject({
          area: z.string().max(60).optional().describe('Only this area'),
          level: level.optional().describe('Only this level'),
        }),
        response: {
          200: z.object({ data: z.array(checkSchema), nextCursor: z.null() }),
          ...problemResponses(commonProblemStatuses),
        },
      },
    },
    async (request) => {
      authorize(contextOf(request).actor, planPermissions.readinessRead);
      const data = [...declaredChecks().values()]
        .filter((check) => !request.query.area || check.area === request.query.area)
        .filter((check) => !request.query.level || check.level === request.query.level)
        .map(({ id, area, level, title, why }) => ({ id, area, level, title, why }));
      return { data, nextCursor: null };
    },
  );

  api.get(
    '/plan/areas',
    {
      config: { permission: planPermissions.read },
      schema: {
        tags: ['Readiness'],
        operationId: 'list_plan_areas',
        summary: 'The planning areas, their tables and their checks',
        response: {
          200: z.object({
            data: z.array(
              z.object({
                number: z.number().int(),
                slug: z.string(),
                key: z.string(),
                title: z.string(),
                summary: z.string(),
                tables: z.array(z.object({ name: z.string(), slug: z.string(), purpose: z.string() })),
                checks: z.array(z.string()),
              }),
            ),
            nextCursor: z.null(),
          }),
          ...problemResponses(commonProblemStatuses),
        },
      },
    },
    async (request) => {
      authorize(contextOf(request).actor, planPermissions.read);
      const data = planAreas().map((area) => ({
        number: area.number,
        slug: area.slug,
        key: area.key,
        title: area.title,
        summary: area.summary,
        tables: area.tables.map(({ name, slug, purpose }) => ({ name, slug, purpose })),
        checks: area.checks.map((check) => check.id),
      }));
      return { data, nextCursor: null };
    },
  );
}
