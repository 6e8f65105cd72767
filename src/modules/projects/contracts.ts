import { z } from 'zod';
import { resourceOutputFields } from '../../core/resource/schemas.ts';
import { projectStatuses } from '../../core/tenancy/projects-table.ts';

const tag = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._:/-]*$/u, 'letters, digits, space and . _ : / - only');

const projectFields = {
  name: z.string().trim().min(1).max(200).describe('Human-readable name').meta({ example: 'Payments' }),
  key: z
    .string()
    .regex(
      /^[A-Z][A-Z0-9_]{1,19}$/,
      'an uppercase slug of 2 to 20 characters: A-Z, 0-9 and _, starting with a letter',
    )
    .describe('Short unique key within the workspace, used in references such as PAY-12')
    .meta({ example: 'PAY' }),
  description: z.string().max(10_000).describe('What the project is and who it is for (Markdown)'),
  status: z
    .enum(projectStatuses)
    .describe('Archived projects are read-only in spirit and hidden by default in the UI'),
  tags: z.array(tag).max(50).describe('Free-form labels'),
};

export const projectCreateSchema = z
  .strictObject({
    name: projectFields.name,
    key: projectFields.key,
    description: projectFields.description.default(''),
    status: projectFields.status.default('active'),
    tags: projectFields.tags.default([]),
  })
  .meta({ id: 'ProjectCreate' });

export const projectUpdateSchema = z
  .strictObject({
    name: projectFields.name,
    key: projectFields.key,
    description: projectFields.description,
    status: projectFields.status,
    tags: projectFields.tags,
  })
  .partial()
  .meta({ id: 'ProjectUpdate' });

export const projectSchema = z
  .object({
    ...resourceOutputFields,
    name: projectFields.name,
    key: projectFields.key,
    description: projectFields.description,
    status: projectFields.status,
    tags: projectFields.tags,
  })
  .meta({ id: 'Project' });
