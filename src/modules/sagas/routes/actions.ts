import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { sagaPermissions } from '../../../core/sagas/actions.ts';
import {
  approvalBody,
  cancelSagaBody,
  resumeSagaBody,
  sagaParams,
  sagaSchema,
  signalParams,
  signalSagaBody,
} from '../contracts.ts';
import { sagaActions } from '../service.ts';
import { sagaTags } from './sagas.ts';

// What people and agents do to a saga. Each answers the saga as it is once the act committed (its
// driver moves it on in the background) and 409 `saga.illegal_transition` with the statuses it
// needs (`allowed`) when the saga is in no state for it.

const actionProblems = problemResponses([...commonProblemStatuses, 404, 409]);

export const cancelSagaRoute = defineRoute({
  method: 'POST',
  url: '/sagas/:sagaId/cancel',
  permission: sagaPermissions.cancel,
  schema: {
    tags: sagaTags,
    operationId: 'cancel_saga',
    summary: 'Cancel a saga',
    description:
      'Asks a pending, running or waiting saga to stop: at its next step boundary the completed steps are undone in reverse, then it ends `cancelled`.',
    params: sagaParams,
    body: cancelSagaBody,
    response: { 200: sagaSchema, ...actionProblems },
  },
  handler: ({ scope, app, params, body }) => sagaActions.cancel(scope, app.sagas, params.sagaId, body.reason),
});

export const retrySagaRoute = defineRoute({
  method: 'POST',
  url: '/sagas/:sagaId/retry',
  permission: sagaPermissions.retry,
  schema: {
    tags: sagaTags,
    operationId: 'retry_saga',
    summary: 'Retry the failed step',
    description:
      'A saga paused on a step that failed past its retries (waiting for an intervention) tries that step again, from its first try.',
    params: sagaParams,
    response: { 200: sagaSchema, ...actionProblems },
  },
  handler: ({ scope, app, params }) => sagaActions.retry(scope, app.sagas, params.sagaId),
});

export const resumeSagaRoute = defineRoute({
  method: 'POST',
  url: '/sagas/:sagaId/resume',
  permission: sagaPermissions.resume,
  schema: {
    tags: sagaTags,
    operationId: 'resume_saga',
    summary: 'Resume undoing a saga',
    description:
      'For a saga in `compensation_failed`: tries the failed compensation again or, with `skip`, records that a person undid that step by hand and goes on undoing the steps before it.',
    params: sagaParams,
    body: resumeSagaBody,
    response: { 200: sagaSchema, ...actionProblems },
  },
  handler: ({ scope, app, params, body }) => sagaActions.resume(scope, app.sagas, params.sagaId, body),
});

export const signalSagaRoute = defineRoute({
  method: 'POST',
  url: '/sagas/:sagaId/signals/:name',
  permission: sagaPermissions.signal,
  schema: {
    tags: sagaTags,
    operationId: 'signal_saga',
    summary: 'Send a saga a signal',
    description:
      'A saga waiting for this signal moves on with the payload as the waiting step’s output; one that will wait for it later finds it there. Approvals go through …/approval instead.',
    params: signalParams,
    body: signalSagaBody,
    response: { 200: sagaSchema, ...actionProblems },
  },
  handler: ({ scope, app, params, body }) =>
    sagaActions.signal(scope, app.sagas, params.sagaId, params.name, body.payload),
});

export const approveSagaRoute = defineRoute({
  method: 'POST',
  url: '/sagas/:sagaId/approval',
  permission: sagaPermissions.signal,
  schema: {
    tags: sagaTags,
    operationId: 'decide_saga_approval',
    summary: 'Approve or refuse the step a saga waits on',
    description:
      'Only a member with the role the step asks for (or an owner or admin) may answer; 403 otherwise. A refusal fails the step and undoes what the saga did.',
    params: sagaParams,
    body: approvalBody,
    response: { 200: sagaSchema, ...actionProblems },
  },
  handler: ({ scope, app, params, body }) => sagaActions.approve(scope, app.sagas, params.sagaId, body),
});

export const sagaActionRoutes = [
  cancelSagaRoute,
  retrySagaRoute,
  resumeSagaRoute,
  signalSagaRoute,
  approveSagaRoute,
];
