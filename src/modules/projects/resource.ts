import { defineResource } from '../../core/resource/define.ts';
import { filterOn } from '../../core/resource/filters.ts';
import { projectStatuses, projects } from '../../core/tenancy/projects-table.ts';
import { projectCreateSchema, projectSchema, projectUpdateSchema } from './contracts.ts';

/** Projects: the first resource, and the worked example of docs/architecture.md. */
export const projectResource = defineResource({
  name: 'project',
  path: 'projects',
  tag: 'Projects',
  scope: 'workspace',
  table: projects,
  schemas: { create: projectCreateSchema, update: projectUpdateSchema, output: projectSchema },
  filters: {
    status: filterOn.enum(projects.status, projectStatuses),
    key: filterOn.text(projects.key, ['eq', 'in']),
    name: filterOn.text(projects.name),
    tags: filterOn.textArray(projects.tags),
    createdAt: filterOn.timestamp(projects.createdAt),
    updatedAt: filterOn.timestamp(projects.updatedAt),
  },
  sortable: {
    createdAt: projects.createdAt,
    updatedAt: projects.updatedAt,
    name: projects.name,
    key: projects.key,
    status: projects.status,
  },
  defaultSort: '-createdAt',
  searchable: [projects.name, projects.key, projects.description],
});
