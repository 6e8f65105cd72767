import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { etagOf } from '../../../core/http/resource-routes.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { toOutput } from '../../../core/resource/service.ts';
import { decisionLogSchema, transitionBodies } from '../contracts.ts';
import { type TransitionAction, transitionActions, transitions } from '../lifecycle.ts';
import { decisionResource } from '../resource.ts';
import { transitionDecision } from '../service.ts';

const summaries: Record<TransitionAction, string> = {
  propose: 'Propose a draft decision for ratification',
  accept: 'Accept a proposed decision (people only)',
  reject: 'Reject a proposed decision (people only)',
  deprecate: 'Deprecate an accepted decision (people only)',
  supersede: 'Mark an accepted decision as superseded by another accepted one (people only)',
};

/** POST /decision-logs/{id}/{action}: one route per lifecycle action. */
export const lifecycleRoutes = transitionActions.map((action) =>
  defineRoute({
    method: 'POST',
    url: `/decision-logs/:id/${action}`,
    permission: transitions[action].permission,
    schema: {
      tags: [decisionResource.tag],
      operationId: `${action}_decision_log`,
      summary: summaries[action],
      description:
        'Answers 409 with the allowed actions when the decision is not in a state this action starts from.',
      params: z.object({ id: z.uuid().describe('The decision id') }),
      body: transitionBodies[action],
      response: {
        200: decisionLogSchema,
        ...problemResponses([...commonProblemStatuses, 404, 409, 412, 422]),
      },
    },
    handler: async ({ scope, params, body, reply }) => {
      const row = await transitionDecision(scope, params.id, {
        action,
        reason: body.reason,
        supersededBy: 'supersededBy' in body ? body.supersededBy : undefined,
        expectedVersion: body.version,
      });
      reply.header('etag', etagOf(row.version));
      return toOutput(decisionResource, row);
    },
  }),
);
