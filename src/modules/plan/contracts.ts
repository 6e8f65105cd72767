import { z } from 'zod';
import { resourceOutputFields } from '../../core/resource/schemas.ts';
import { checkStatuses, levels } from './checks.ts';
import { fieldKinds } from './fields.ts';

// The shapes of the plan's API: bodies, queries and answers, and the types inferred from them.

// Waivers, disabled checks and areas marked not applicable.

const reason = z.string().trim().min(1).max(2000);
const checkIdValue = z
  .string()
  .max(120)
  .regex(/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/, 'a check id such as jobs.retry-policy-for-every-job-type')
  .describe('The check (GET /readiness/checks lists them)');

export const waiverCreateSchema = z
  .strictObject({
    checkId: checkIdValue,
    reason: reason.describe('Why the check may fail for now, and what makes it acceptable'),
    expiresAt: z.iso
      .datetime({ offset: true })
      .pipe(z.coerce.date())
      .describe('When the waiver ends (at most a year ahead); the check counts again after it'),
  })
  .meta({ id: 'ReadinessWaiverCreate' });

export const waiverUpdateSchema = waiverCreateSchema
  .pick({ reason: true, expiresAt: true })
  .partial()
  .meta({ id: 'ReadinessWaiverUpdate' });

export const waiverSchema = z
  .object({
    ...resourceOutputFields,
    checkId: z.string(),
    reason: z.string(),
    expiresAt: z.date(),
    active: z.boolean().describe('Not expired yet'),
  })
  .meta({ id: 'ReadinessWaiver' });

export const disabledCheckCreateSchema = z
  .strictObject({
    checkId: checkIdValue,
    reason: reason.describe('Why this check does not matter in this workspace'),
  })
  .meta({ id: 'ReadinessDisabledCheckCreate' });

export const disabledCheckUpdateSchema = disabledCheckCreateSchema
  .pick({ reason: true })
  .partial()
  .meta({ id: 'ReadinessDisabledCheckUpdate' });

export const disabledCheckSchema = z
  .object({ ...resourceOutputFields, checkId: z.string(), reason: z.string() })
  .meta({ id: 'ReadinessDisabledCheck' });

export const areaExclusionCreateSchema = z
  .strictObject({
    area: z
      .string()
      .max(60)
      .regex(/^[a-z][a-z0-9-]*$/)
      .describe('The area slug (GET /plan/areas lists them)'),
    reason: reason.describe('Why the project needs no plan in this area'),
  })
  .meta({ id: 'PlanAreaExclusionCreate' });

export const areaExclusionUpdateSchema = areaExclusionCreateSchema
  .pick({ reason: true })
  .partial()
  .meta({ id: 'PlanAreaExclusionUpdate' });

export const areaExclusionSchema = z
  .object({ ...resourceOutputFields, area: z.string(), reason: z.string() })
  .meta({ id: 'PlanAreaExclusion' });

// Readiness: scorecards, history, checks and areas.

const level = z.enum(levels);
const reachedLevel = z
  .enum(['none', ...levels])
  .describe('The highest level whose checks (and those below) all pass');

export const outcomeSchema = z
  .object({
    id: z.string().describe('Stable check id'),
    area: z.string(),
    level,
    title: z.string(),
    why: z.string(),
    status: z.enum([...checkStatuses, 'waived', 'disabled']),
    message: z.string().describe('For a failure, names the rows at fault'),
    rows: z.array(z.object({ table: z.string(), id: z.string(), name: z.string() })),
    waiver: z.object({ id: z.uuid(), reason: z.string(), expiresAt: z.date() }).optional(),
    disabledReason: z.string().optional(),
  })
  .meta({ id: 'ReadinessCheckOutcome' });

export const areaScoreSchema = z
  .object({
    number: z.number().int(),
    slug: z.string(),
    title: z.string(),
    applicable: z.boolean(),
    notApplicableReason: z.string().nullable(),
    level: reachedLevel.nullable().describe('Null when the area is marked not applicable'),
    nextLevel: level.nullable(),
    passing: z.array(outcomeSchema).describe('Passing, not applicable and waived checks'),
    failing: z.array(outcomeSchema).describe('Failing checks, and checks whose answer is unknown'),
    disabled: z.array(outcomeSchema).describe('Checks the workspace turned off'),
  })
  .meta({ id: 'ReadinessAreaScore' });

export const scorecardSchema = z
  .object({
    projectId: z.uuid(),
    evaluatedAt: z.date(),
    level: reachedLevel.describe('The lowest level among the applicable areas'),
    passing: z.number().int(),
    failing: z.number().int(),
    areas: z.array(areaScoreSchema),
    waivers: z.array(
      z.object({ id: z.uuid(), checkId: z.string(), reason: z.string(), expiresAt: z.date() }),
    ),
  })
  .meta({ id: 'ReadinessScorecard' });

export const historyEntrySchema = z
  .object({
    day: z.iso.date(),
    level: reachedLevel,
    passing: z.number().int(),
    failing: z.number().int(),
    areas: z.record(z.string(), z.object({ level: z.string(), passing: z.number(), failing: z.number() })),
    recordedAt: z.date(),
  })
  .meta({ id: 'ReadinessHistoryEntry' });

export const checkSchema = z
  .object({ id: z.string(), area: z.string(), level, title: z.string(), why: z.string() })
  .meta({ id: 'ReadinessCheck' });

export const projectParams = z.object({ projectId: z.uuid().describe('The project id') });

export const readinessQuerySchema = z.strictObject({
  area: z
    .string()
    .max(2000)
    .optional()
    .describe('Comma-separated area slugs to evaluate only those (the score is then not recorded)'),
});

export const historyQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(366).default(90),
  cursor: z.iso.date().optional().describe('The nextCursor of the previous page'),
});

export const historyPageSchema = z.object({
  data: z.array(historyEntrySchema),
  nextCursor: z.string().nullable(),
});

export const checksQuerySchema = z.strictObject({
  area: z.string().max(60).optional().describe('Only this area'),
  level: level.optional().describe('Only this level'),
});

export const checkListSchema = z.object({ data: z.array(checkSchema), nextCursor: z.null() });

export const areaListSchema = z.object({
  data: z.array(
    z.object({
      number: z.number().int(),
      slug: z.string(),
      key: z.string(),
      title: z.string(),
      summary: z.string(),
      tables: z.array(z.object({ name: z.string(), slug: z.string(), purpose: z.string() })),
      checks: z.array(z.string()),
    }),
  ),
  nextCursor: z.null(),
});

export type CheckOutcome = z.output<typeof outcomeSchema>;
export type OutcomeStatus = CheckOutcome['status'];
export type AreaScore = z.output<typeof areaScoreSchema>;
/** `none` when not even bronze is reached. */
export type ReachedLevel = z.output<typeof reachedLevel>;
export type Scorecard = z.output<typeof scorecardSchema>;
export type HistoryPage = z.output<typeof historyPageSchema>;

// Importing rows.

export const maxImportRows = 2000;

const importRow = z.strictObject({
  ref: z
    .string()
    .regex(/^[\w.-]{1,100}$/)
    .optional()
    .describe('A name for this row within the import; other rows point to it with "@<ref>"'),
  values: z
    .record(z.string(), z.unknown())
    .describe("The row's fields, as the table's create route takes them"),
});

export const planImportSchema = z
  .strictObject({
    areas: z
      .record(z.string().max(60), z.record(z.string().max(60), z.array(importRow).max(maxImportRows)))
      .describe(
        'Rows by area slug and table slug; reference fields may name rows of this import as "@<ref>"',
      ),
  })
  .meta({ id: 'PlanImport' });

export const importAnswerSchema = z.object({
  created: z.record(z.string(), z.array(z.object({ ref: z.string().optional(), id: z.uuid() }))),
});

export type PlanImport = z.output<typeof planImportSchema>;
/** The rows of one area to import, by table slug: `{ 'job-types': [{ ref, values }] }`. */
export type AreaImport = PlanImport['areas'][string];
export type ImportAnswer = z.output<typeof importAnswerSchema>;

// Exporting the plan.

export const exportQuerySchema = z.strictObject({ format: z.enum(['json', 'md']).default('json') });
export type ExportFormat = z.output<typeof exportQuerySchema>['format'];

// Describing an area's tables, so that a client can edit any of them from this description.

export const fieldDescriptionSchema = z
  .object({
    name: z.string().describe('The field as bodies and rows name it (camelCase)'),
    label: z.string().describe('The field as people read it'),
    type: z
      .enum(fieldKinds)
      .describe('What it holds; `long-text` is Markdown, `array` a list of short texts'),
    required: z.boolean().describe('Whether a new row must carry it'),
    nullable: z.boolean().describe('Whether null clears it'),
    description: z.string(),
    filterable: z.boolean().describe('Whether lists take `filter[<name>]`'),
    sortable: z.boolean().describe('Whether lists take `sort=<name>`'),
    enumValues: z.array(z.string()).optional().describe('The values an `enum` field allows'),
    references: z
      .object({
        table: z.string().describe('The table of the same area it points to (its URL segment)'),
        nameField: z.string().describe('The field of that table that names its rows'),
      })
      .optional()
      .describe('Where a `reference` field points'),
  })
  .meta({ id: 'PlanFieldDescription' });

export const areaDescriptionSchema = z
  .object({
    number: z.number().int(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    tables: z.array(
      z.object({
        name: z.string().describe('URL segment: /projects/{projectId}/plan/{area}/{name}'),
        table: z.string().describe('Database table name'),
        label: z.string(),
        purpose: z.string(),
        writer: z.enum(['write', 'contribute']).describe('The permission class that writes its rows'),
        nameField: z.string().describe('The field that names a row'),
        fields: z.array(fieldDescriptionSchema),
      }),
    ),
  })
  .meta({ id: 'PlanAreaDescription' });

export const areaParams = z.object({ area: z.string().max(60).describe('The area slug') });

export const planCountsSchema = z
  .object({
    areas: z.array(
      z.object({
        slug: z.string(),
        rows: z.number().int().describe('Rows of all its tables'),
        tables: z.record(z.string(), z.number().int()).describe('Rows by table (URL segment)'),
      }),
    ),
    total: z.number().int(),
  })
  .meta({ id: 'PlanCounts' });

export type FieldDescription = z.output<typeof fieldDescriptionSchema>;
export type AreaDescription = z.output<typeof areaDescriptionSchema>;
export type PlanCounts = z.output<typeof planCountsSchema>;
