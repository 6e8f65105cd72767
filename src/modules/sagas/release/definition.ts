import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { roles } from '../../../core/auth/schema.ts';
import { AppError } from '../../../core/errors/app-error.ts';
import { levels } from '../../plan/checks.ts';

// A release workflow as data: inputs it is run with, and steps of built-in kinds, each with an
// optional compensation. Saved definitions are validated here (422 naming each bad path) and kept
// as versions; a run carries the version it started with in its saga context.

const stepName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/i, 'a step name is letters, digits, dots, dashes and underscores')
  .max(60);
const statusList = z.array(z.number().int().min(100).max(599)).min(1).max(20);
const headerName = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'a header name is letters, digits and dashes');

/** One HTTP call: URL, headers and body may hold `{{secrets.X}}`, `{{inputs.x}}`, `{{outputs.step.field}}`. */
const httpCall = {
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('POST'),
  url: z.string().min(1).max(2000),
  headers: z.record(headerName, z.string().max(4000)).default({}),
  /** A string, or JSON whose strings are templates. */
  body: z.unknown().optional(),
  expectedStatus: statusList.default([200, 201, 202, 204]),
  /** Each call fails past this (and is retried per the step's retry). */
  timeoutMs: z.number().int().min(100).max(300_000).default(10_000),
  /** Response headers kept in the output (lower case). */
  saveHeaders: z.array(headerName).max(20).default([]),
};
export const httpCallSchema = z.strictObject(httpCall);
export type HttpCall = z.output<typeof httpCallSchema>;

/** Each probe of a health check is kept on the timeline: bounded. */
const maxProbes = 2000;

const common = { name: stepName, title: z.string().max(200).optional() };

const checkReadiness = z
  .strictObject({
    ...common,
    kind: z.literal('check_readiness'),
    /** The lowest readiness level the project (or `area`) must have reached. */
    level: z.enum(levels).optional(),
    area: z.string().max(100).optional(),
    /** A quality gate of the plan, by name, whose last result must be `passed`. */
    gate: z.string().min(1).max(200).optional(),
  })
  .refine((step) => (step.level === undefined) !== (step.gate === undefined), {
    message: 'give a level or a gate (one of them)',
    path: ['level'],
  });

const approval = z.strictObject({
  ...common,
  kind: z.literal('approval'),
  role: z.enum(roles),
  prompt: z.string().max(1000).optional(),
  timeoutMinutes: z
    .number()
    .positive()
    .max(60 * 24 * 30)
    .optional(),
});

const http = z.strictObject({
  ...common,
  kind: z.literal('http'),
  ...httpCall,
  retry: z
    .strictObject({
      attempts: z.number().int().min(1).max(10),
      backoffMs: z.number().int().min(1).max(600_000).default(1000),
    })
    .default({ attempts: 3, backoffMs: 1000 }),
  /** The rollback call, made when a later step fails or the run is cancelled. */
  compensate: httpCallSchema.optional(),
});

const wait = z
  .strictObject({
    ...common,
    kind: z.literal('wait'),
    minutes: z
      .number()
      .positive()
      .max(60 * 24 * 7)
      .optional(),
    seconds: z
      .number()
      .positive()
      .max(60 * 60 * 24 * 7)
      .optional(),
  })
  .refine((step) => (step.minutes === undefined) !== (step.seconds === undefined), {
    message: 'give minutes or seconds (one of them)',
    path: ['minutes'],
  });

const healthCheck = z
  .strictObject({
    ...common,
    kind: z.literal('health_check'),
    url: z.string().min(1).max(2000),
    headers: z.record(headerName, z.string().max(4000)).default({}),
    expectedStatus: statusList.default([200]),
    intervalSeconds: z.number().min(0.01).max(3600).default(10),
    timeoutMinutes: z
      .number()
      .positive()
      .max(24 * 60)
      .default(5),
    /** Each probe's own bound. */
    timeoutMs: z.number().int().min(100).max(60_000).default(5000),
  })
  .refine((step) => (step.timeoutMinutes * 60) / step.intervalSeconds <= maxProbes, {
    message: `at most ${maxProbes} probes: make the interval longer or the timeout shorter`,
    path: ['intervalSeconds'],
  });

const flagRollout = z
  .strictObject({
    ...common,
    kind: z.literal('flag_rollout'),
    flagKey: z.string().min(1).max(100),
    environment: z.string().min(1).max(100),
    enabled: z.boolean().optional(),
    /** The targeting rule whose rollout moves to `percentage`. */
    ruleId: z.string().min(1).max(100).optional(),
    percentage: z.number().min(0).max(100).optional(),
    /** Switch back to the state read before the change when the run is undone (default true). */
    compensate: z.boolean().default(true),
  })
  .refine((step) => step.enabled !== undefined || step.percentage !== undefined, {
    message: 'give enabled, or ruleId and percentage',
    path: ['enabled'],
  })
  .refine((step) => (step.percentage === undefined) === (step.ruleId === undefined), {
    message: 'a percentage needs the ruleId it applies to',
    path: ['ruleId'],
  });

export const releaseStepSchema = z.discriminatedUnion('kind', [
  checkReadiness,
  approval,
  http,
  wait,
  healthCheck,
  flagRollout,
]);
export type ReleaseStep = z.output<typeof releaseStepSchema>;
export const releaseStepKinds = [
  'check_readiness',
  'approval',
  'http',
  'wait',
  'health_check',
  'flag_rollout',
];

const inputName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,59}$/, 'an input name is a letter, then letters, digits or _');

export const releaseDefinitionSchema = z
  .strictObject({
    inputs: z
      .record(
        inputName,
        z.strictObject({
          description: z.string().max(500).optional(),
          default: z.string().max(2000).optional(),
          required: z.boolean().default(false),
        }),
      )
      .default({}),
    steps: z.array(releaseStepSchema).min(1).max(50),
  })
  .superRefine((definition, issues) => {
    const seen = new Set<string>();
    definition.steps.forEach((step, index) => {
      if (seen.has(step.name))
        issues.addIssue({
          code: 'custom',
          message: `step ${step.name} is named twice`,
          path: ['steps', index, 'name'],
        });
      seen.add(step.name);
    });
  });
export type ReleaseDefinition = z.output<typeof releaseDefinitionSchema>;

/** A definition given as JSON, or as a YAML string: validated, 422 with the path of each problem. */
export function parseDefinition(raw: unknown, path = 'definition'): ReleaseDefinition {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = parseYaml(raw, { maxAliasCount: 50 });
    } catch (error) {
      throw new AppError('unprocessable', 'The definition is not valid YAML.', {
        code: 'release.invalid_definition',
        errors: [
          { path, message: error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'unreadable' },
        ],
      });
    }
  }
  const parsed = releaseDefinitionSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('unprocessable', 'The release workflow definition is not valid.', {
    code: 'release.invalid_definition',
    errors: parsed.error.issues.map((issue) => ({
      path: [path, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  });
}

/** The inputs of a run: the given ones over the defaults; 422 for unknown or missing ones. */
export function runInputs(
  definition: ReleaseDefinition,
  given: Record<string, string>,
): Record<string, string> {
  const errors: { path: string; message: string }[] = [];
  for (const name of Object.keys(given))
    if (!definition.inputs[name])
      errors.push({ path: `inputs.${name}`, message: 'the workflow has no such input' });
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(definition.inputs)) {
    const value = given[name] ?? spec.default;
    if (value !== undefined) inputs[name] = value;
    else if (spec.required) errors.push({ path: `inputs.${name}`, message: 'required' });
  }
  if (errors.length)
    throw new AppError('unprocessable', 'The run inputs do not fit the workflow.', {
      code: 'release.invalid_inputs',
      errors,
    });
  return inputs;
}
