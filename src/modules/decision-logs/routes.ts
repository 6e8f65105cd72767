import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../core/auth/permissions.ts';
import { appendEvent } from '../../core/events/append.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { contextOf } from '../../core/http/request-context.ts';
import { etagOf, registerResourceRoutes } from '../../core/resource/routes.ts';
import { type Scope, toOutput } from '../../core/resource/service.ts';
import type { Database } from '../../db/connection.ts';
import { registerExchangeRoutes } from './exchange-routes.ts';
import { decisionPermissions, type TransitionAction, transitionActions, transitions } from './lifecycle.ts';
import { decisionResource } from './resource.ts';
import { decisionLogSchema, decisionSettingsSchema } from './schema.ts';
import { transitionDecision } from './service.ts';
import { decisionTypesOf, saveDecisionTypes } from './store.ts';
import { timeline, timelineEntrySchema, timelineQuerySchema } from './timeline.ts';

const tag = decisionResource.tag;
const idParams = z.object({ id: z.uuid().describe('The decision id') });
const reason = z.string().trim().max(2000).optional().describe('Why, for the audit trail');
const version = z.number().int().min(1).optional().describe('The version you read; 412 if it changed since');

const actionBodies: Record<TransitionAction, z.ZodObject> = {
  propose: z.strictObject({ reason, version }),
  accept: z.strictObject({ reason, version }),
  reject: z.strictObject({ reason, version }),
  deprecate: z.strictObject({ reason, version }),
  supersede: z.strictObject({
    supersededBy: z.uuid().describe('The accepted decision that replaces this one'),
    reason,
    version,
  }),
};

const actionSummaries: Record<TransitionAction, string> = {
  propose: 'Propose a draft decision for ratification',
  accept: 'Accept a proposed decision (people only)',
  reject: 'Reject a proposed decision (people only)',
  deprecate: 'Deprecate an accepted decision (people only)',
  supersede: 'Mark an accepted decision as superseded by another accepted one (people only)',
};

/** Decision logs: the generic CRUD, lifecycle actions, settings, timeline, export and import. */
export function registerDecisionLogRoutes(app: FastifyInstance, db: Database): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const scopeOf = (request: unknown): Scope => ({ ctx: contextOf(request as never) });

  api.get(
    '/decision-logs/settings',
    {
      config: { permission: decisionPermissions.read },
      schema: {
        tags: [tag],
        operationId: 'get_decision_log_settings',
        summary: 'The decision types of the workspace',
        response: { 200: decisionSettingsSchema, ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const { ctx } = scopeOf(request);
      authorize(ctx.actor, decisionPermissions.read);
      return { decisionTypes: await decisionTypesOf(db, ctx.workspaceId) };
    },
  );

  api.put(
    '/decision-logs/settings',
    {
      config: { permission: decisionPermissions.configure },
      schema: {
        tags: [tag],
        operationId: 'put_decision_log_settings',
        summary: 'Set the decision types of the workspace',
        description: 'Decisions keep the type they have when it leaves the list; new ones must use the list.',
        body: decisionSettingsSchema,
        response: { 200: decisionSettingsSchema, ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const { ctx } = scopeOf(request);
      authorize(ctx.actor, decisionPermissions.configure);
      const decisionTypes = await db.transaction(async (tx) => {
        const before = await decisionTypesOf(tx, ctx.workspaceId);
        const saved = await saveDecisionTypes(tx, ctx.workspaceId, request.body.decisionTypes);
        await appendEvent(tx, ctx, {
          eventType: 'decision_log_settings.updated',
          aggregateType: 'decision_log_settings',
          aggregateId: ctx.workspaceId,
          changes: { decisionTypes: { before, after: saved } },
        });
        return saved;
      });
      return { decisionTypes };
    },
  );

  api.get(
    '/decision-logs/timeline',
    {
      config: { permission: decisionPermissions.read },
      schema: {
        tags: [tag],
        operationId: 'decision_log_timeline',
        summary: 'Decisions over time, with their supersession chains',
        querystring: timelineQuerySchema,
        response: {
          200: z.object({ data: z.array(timelineEntrySchema), nextCursor: z.string().nullable() }),
          ...problemResponses(commonProblemStatuses),
        },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      authorize(scope.ctx.actor, decisionPermissions.read);
      return timeline(db, scope, request.query);
    },
  );

  registerExchangeRoutes(api, db);
  registerResourceRoutes(app, db, decisionResource);

  for (const action of transitionActions) {
    api.post(
      `/decision-logs/:id/${action}`,
      {
        config: { permission: transitions[action].permission },
        schema: {
          tags: [tag],
          operationId: `${action}_decision_log`,
          summary: actionSummaries[action],
          description:
            'Answers 409 with the allowed actions when the decision is not in a state this action starts from.',
          params: idParams,
          body: actionBodies[action],
          response: {
            200: decisionLogSchema,
            ...problemResponses([...commonProblemStatuses, 404, 409, 412, 422]),
          },
        },
      },
      async (request, reply) => {
        const scope = scopeOf(request);
        const body = request.body as { reason?: string; version?: number; supersededBy?: string };
        const row = await transitionDecision(db, scope, request.params.id, {
          action,
          reason: body.reason,
          supersededBy: body.supersededBy,
          expectedVersion: body.version,
        });
        reply.header('etag', etagOf(row.version));
        return toOutput(decisionResource, row) as z.output<typeof decisionLogSchema>;
      },
    );
  }
}
