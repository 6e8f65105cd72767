import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { signCheckpoint, verifyTrail } from '../chain.ts';
import { checkpointSchema, verifyReportSchema } from '../contracts.ts';
import { auditAdminister, auditVerify } from '../permissions.ts';

const tags = ['Audit'];

export const verifyRoute = defineRoute({
  method: 'GET',
  url: '/audit/verify',
  permission: auditVerify,
  schema: {
    tags,
    operationId: 'verify_audit_chain',
    summary: 'Verify the audit trail',
    description:
      "Recomputes the workspace's hash chain from its first event and checks it against the chain head and every signed checkpoint. Answers 200 either way; `ok` says whether it holds and `firstBroken` where it breaks.",
    response: { 200: verifyReportSchema, ...problemResponses(commonProblemStatuses) },
  },
  handler: ({ scope, app }) => verifyTrail(scope, app.signer),
});

export const checkpointRoute = defineRoute({
  method: 'POST',
  url: '/audit/checkpoints',
  permission: auditAdminister,
  schema: {
    tags,
    operationId: 'create_audit_checkpoint',
    summary: 'Sign a checkpoint of the audit trail now',
    description:
      'Checkpoints are also written periodically (AUDIT_CHECKPOINT_INTERVAL_SECONDS). Answers 201 with the checkpoint covering the current chain head, or 204 when the trail is empty.',
    body: z.strictObject({}).optional(),
    response: {
      201: checkpointSchema,
      204: z.null().describe('No event yet: nothing to sign'),
      ...problemResponses(commonProblemStatuses),
    },
  },
  handler: async ({ scope, app, reply }) => {
    const checkpoint = await signCheckpoint(scope, app.signer);
    return checkpoint ? reply.code(201).send(checkpoint) : reply.code(204).send(null);
  },
});
