import type { FastifyReply } from 'fastify';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { etagOf } from '../../../core/http/resource-routes.ts';
import { toOutput } from '../../../core/resource/service.ts';
import { prdResource } from '../resource.ts';
import type { PrdRow } from '../tables.ts';

export const collectionPath = '/projects/:projectId/prd-reviews';
export const itemPath = `${collectionPath}/:id`;
export const tags = [prdResource.tag];

export const readErrors = problemResponses([...commonProblemStatuses, 404]);

/** Answers a PRD as the resource layer shows it, with its ETag. */
export function answerPrd(reply: FastifyReply, row: PrdRow) {
  reply.header('etag', etagOf(row.version));
  return toOutput(prdResource, row);
}
