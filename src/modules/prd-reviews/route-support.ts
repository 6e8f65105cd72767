import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contextOf } from '../../core/http/request-context.ts';
import type { Row } from '../../core/resource/define.ts';
import { etagOf } from '../../core/resource/routes.ts';
import { type Scope, toOutput } from '../../core/resource/service.ts';
import type { prdSchema } from './contracts.ts';
import { prdResource } from './resource.ts';

export const collectionPath = '/projects/:projectId/prd-reviews';
export const itemPath = `${collectionPath}/:id`;
export const tags = ['PRD reviews'];

export const itemParams = z.object({
  projectId: z.uuid().describe('The project id'),
  id: z.uuid().describe('The PRD id'),
});
export const collectionParams = z.object({ projectId: z.uuid().describe('The project id') });

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size (default 50, at most 200)'),
  cursor: z.string().max(200).optional().describe('The nextCursor of the previous page'),
});

/** The caller's workspace and the project in the path. */
export function scopeOf(request: FastifyRequest): Scope {
  return { ctx: contextOf(request), projectId: (request.params as { projectId: string }).projectId };
}

/** Answers a PRD as the resource layer shows it, with its ETag. */
export function sendPrd(reply: FastifyReply, row: Row): z.infer<typeof prdSchema> {
  reply.header('etag', etagOf(row.version));
  return toOutput(prdResource, row) as z.infer<typeof prdSchema>;
}
