import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../core/observability/metrics.ts';
import { registerResourceRoutes } from '../../core/resource/routes.ts';
import type { Database } from '../../db/connection.ts';
import { prdResource } from './resource.ts';
import { registerCommentRoutes } from './routes-comments.ts';
import { registerContentRoutes } from './routes-content.ts';
import { registerWorkflowRoutes } from './routes-workflow.ts';

/** PRD reviews: CRUD from the resource layer, plus workflow, revisions, comments, lint and exchange. */
export function registerPrdReviewRoutes(api: FastifyInstance, db: Database, metrics: Metrics): void {
  registerResourceRoutes(api, db, prdResource);
  registerWorkflowRoutes(api, db);
  registerContentRoutes(api, db, metrics);
  registerCommentRoutes(api, db);
}
