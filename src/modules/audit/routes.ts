import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../core/auth/permissions.ts';
import { writeCheckpoint } from '../../core/events/checkpoints.ts';
import type { CheckpointSigner } from '../../core/events/signing.ts';
import { verifyChain } from '../../core/events/verify.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { contextOf } from '../../core/http/request-context.ts';
import type { Database } from '../../db/connection.ts';
import { auditAdminister, auditVerify } from './permissions.ts';
import { checkpointSchema, verifyReportSchema } from './schema.ts';

export interface AuditDependencies {
  db: Database;
  signer: CheckpointSigner;
}

const tags = ['Audit'];

/** The audit trail's HTTP API: verification and checkpoints. */
export function registerAuditRoutes(app: FastifyInstance, deps: AuditDependencies): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, signer } = deps;

  api.get(
    '/audit/verify',
    {
      config: { permission: auditVerify },
      schema: {
        tags,
        operationId: 'verify_audit_chain',
        summary: 'Verify the audit trail',
        description:
          "Recomputes the workspace's hash chain from its first event and checks it against the chain head and every signed checkpoint. Answers 200 either way; `ok` says whether it holds and `firstBroken` where it breaks.",
        response: { 200: verifyReportSchema, ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, auditVerify);
      return verifyChain(db, signer, ctx.workspaceId);
    },
  );

  api.post(
    '/audit/checkpoints',
    {
      config: { permission: auditAdminister },
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
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, auditAdminister);
      const checkpoint = await writeCheckpoint(db, signer, ctx.workspaceId);
      if (!checkpoint) return reply.code(204).send(null);
      const { workspaceId: _workspace, ...shown } = checkpoint;
      return reply.code(201).send(shown);
    },
  );
}
