import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import {
  etagOf,
  expectedVersion,
  listQuerySchema,
  versionHeaders,
} from '../../../core/http/resource-routes.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { projectParams, taskParams, taskSchema, taskUpdateSchema } from '../contracts.ts';
import { taskResource } from '../resource.ts';
import { getTask, listTasks, updateTask } from '../service.ts';

// List, get and change: the resource layer's, answered with each task's assignee.

const tags = [taskResource.tag];
const versionField = z
  .number()
  .int()
  .min(1)
  .optional()
  .describe('The version you read; answers 412 if it changed since');

export const listTasksRoute = defineRoute({
  method: 'GET',
  url: '/projects/:projectId/tasks',
  permission: taskResource.permissions.read,
  schema: {
    tags,
    operationId: 'list_tasks',
    summary: 'List tasks',
    description:
      "A page of the project's tasks, by number unless sorted otherwise (number, createdAt, updatedAt). Filters: `filter[status]`, `filter[assigneeId]`, `filter[sourceKind]` (requirement, check, finding, manual), `q` on title and description.",
    params: projectParams,
    querystring: listQuerySchema(taskResource),
    response: { 200: pageSchema(taskSchema), ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: ({ scope, query }) => listTasks(scope, query),
});

export const getTaskRoute = defineRoute({
  method: 'GET',
  url: '/projects/:projectId/tasks/:id',
  permission: taskResource.permissions.read,
  schema: {
    tags,
    operationId: 'get_task',
    summary: 'Get one task',
    params: taskParams,
    response: { 200: taskSchema, ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: async ({ scope, params, reply }) => {
    const { row, output } = await getTask(scope, params.id);
    reply.header('etag', etagOf(row.version));
    return output;
  },
});

export const updateTaskRoute = defineRoute({
  method: 'PATCH',
  url: '/projects/:projectId/tasks/:id',
  permission: taskResource.permissions.update,
  schema: {
    tags,
    operationId: 'update_task',
    summary: 'Change a task',
    description:
      'Title, description, acceptance criteria and gates. Send If-Match (or version) to refuse overwriting a newer version. Status moves through claim, complete and transition.',
    params: taskParams,
    headers: versionHeaders,
    body: taskUpdateSchema.extend({ version: versionField }),
    response: { 200: taskSchema, ...problemResponses([...commonProblemStatuses, 404, 409, 412, 422]) },
  },
  handler: async ({ scope, params, headers, body, reply }) => {
    const { version, ...changes } = body;
    const { row, output } = await updateTask(
      scope,
      params.id,
      changes,
      expectedVersion(headers['if-match'], version),
    );
    reply.header('etag', etagOf(row.version));
    return output;
  },
});
