import type { FastifyInstance } from 'fastify';
import { registerResourceRoutes } from '../../core/resource/routes.ts';
import type { Database } from '../../db/connection.ts';
import { projectResource } from './resource.ts';

export function registerProjectRoutes(api: FastifyInstance, db: Database): void {
  registerResourceRoutes(api, db, projectResource);
}
