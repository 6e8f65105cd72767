import { z } from 'zod';
import { resourceOutputFields } from '../../../core/resource/schemas.ts';
import type { SagaRow } from '../../../core/sagas/tables.ts';
import { deployWavesOptions, releaseTemplates } from './templates.ts';

// The shapes of the release workflow API.

const workflowKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'a key is lower-case letters, digits and dashes')
  .describe('How people and the CLI name the workflow (`deploy-waves`)');

const definitionInput = z
  .union([z.record(z.string(), z.unknown()), z.string().max(200_000)])
  .describe(
    'The definition as JSON, or as a YAML string (docs/release-workflows.md); 422 names each problem',
  );

export const workflowCreateSchema = z
  .strictObject({
    key: workflowKey,
    name: z.string().min(1).max(200),
    description: z.string().max(5000).default(''),
    definition: definitionInput.optional(),
    template: z
      .enum(releaseTemplates)
      .optional()
      .describe('Start from a ready-made workflow instead of a definition'),
    templateOptions: deployWavesOptions.optional().describe("The template's options (its waves)"),
  })
  .meta({ id: 'ReleaseWorkflowCreate' });
export type WorkflowCreate = z.output<typeof workflowCreateSchema>;

export const workflowUpdateSchema = z
  .strictObject({
    name: z.string().min(1).max(200).optional(),
    description: z.string().max(5000).optional(),
    definition: definitionInput.optional(),
    version: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('The version you read (or If-Match); 412 when stale'),
  })
  .meta({ id: 'ReleaseWorkflowUpdate' });
export type WorkflowUpdate = z.output<typeof workflowUpdateSchema>;

export const workflowSchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    key: z.string(),
    name: z.string(),
    description: z.string(),
    definition: z
      .record(z.string(), z.unknown())
      .describe('The current definition; `version` is its version'),
    createdBy: z.uuid().nullable(),
  })
  .meta({ id: 'ReleaseWorkflow' });

export const workflowVersionSchema = z
  .object({
    id: z.uuid(),
    workflowId: z.uuid(),
    workflowVersion: z.number().int(),
    definition: z.record(z.string(), z.unknown()),
    createdBy: z.uuid().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'ReleaseWorkflowVersion' });

export const runBodySchema = z.strictObject({
  inputs: z
    .record(z.string().max(60), z.union([z.string().max(2000), z.number(), z.boolean()]))
    .default({})
    .describe("Values of the workflow's inputs (numbers and booleans are taken as their text)"),
});

export const workflowParams = z.object({
  projectId: z.uuid().describe('The project id'),
  key: z.string().max(60).describe("The workflow's key"),
});
export const projectParams = z.object({ projectId: z.uuid().describe('The project id') });

export const versionsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,9}$/)
    .optional()
    .describe('From the previous page'),
});

export const allowedHostCreateSchema = z.strictObject({
  host: z
    .string()
    .max(260)
    .transform((host) => host.toLowerCase())
    .pipe(
      z
        .string()
        .regex(
          /^(\*\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/,
          'a host, host:port or *.domain',
        ),
    )
    .describe('`deploy.example.com`, `10.0.0.5:8443`, or `*.example.com` (then only public addresses)'),
  note: z.string().max(500).default(''),
});

export const allowedHostSchema = z
  .object({ ...resourceOutputFields, projectId: z.uuid(), host: z.string(), note: z.string() })
  .meta({ id: 'ReleaseAllowedHost' });

export const secretCreateSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{0,99}$/, 'upper-case letters, digits and underscores')
    .describe('Used in headers as `{{secrets.NAME}}`'),
  value: z.string().min(1).max(10_000).describe('Stored encrypted; never answered'),
});

export const secretSchema = z
  .object({ ...resourceOutputFields, projectId: z.uuid(), name: z.string(), createdBy: z.uuid().nullable() })
  .meta({ id: 'ReleaseSecret' });

/** A saga as the API answers it (the sagas API's shape). */
export const releaseRunSchema = z
  .object({
    id: z.uuid(),
    sagaType: z.string(),
    title: z.string(),
    status: z.string(),
    projectId: z.uuid().nullable(),
    currentStep: z.number().int(),
    stepCount: z.number().int(),
    stepNames: z.array(z.string()),
    context: z.record(z.string(), z.unknown()),
    outputs: z.record(z.string(), z.unknown()),
    startedBy: z.uuid().nullable(),
    waitingFor: z.unknown().nullable(),
    cancelRequested: z.boolean(),
    errorMessage: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    startedAt: z.date().nullable(),
    completedAt: z.date().nullable(),
    failedAt: z.date().nullable(),
  })
  .meta({ id: 'ReleaseRun' });

export function runAnswer(saga: SagaRow, stepNames: string[]): z.input<typeof releaseRunSchema> {
  return {
    id: saga.id,
    sagaType: saga.sagaType,
    title: saga.title,
    status: saga.status,
    projectId: saga.projectId,
    currentStep: saga.currentStep,
    stepCount: saga.stepCount,
    stepNames,
    context: saga.context,
    outputs: saga.outputs,
    startedBy: saga.startedBy,
    waitingFor: saga.waitingFor ?? null,
    cancelRequested: saga.cancelRequested,
    errorMessage: saga.errorMessage,
    createdAt: saga.createdAt,
    updatedAt: saga.updatedAt,
    startedAt: saga.startedAt,
    completedAt: saga.completedAt,
    failedAt: saga.failedAt,
  };
}
