import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { workspaces } from '../../core/auth/schema.ts';
import { resourceColumns } from '../../core/resource/columns.ts';
import { resourceOutputFields } from '../../core/resource/schemas.ts';
import { projects } from '../projects/schema.ts';

// Shipshape's own readiness tables (in `public`): waivers, disabled checks, areas marked not
// applicable, and the daily scores behind the trend.

export const readinessWaivers = pgTable(
  'readiness_waivers',
  {
    ...resourceColumns(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    checkId: text('check_id').notNull(),
    reason: text('reason').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (table) => [index('readiness_waivers_project_idx').on(table.projectId, table.createdAt, table.id)],
);

export const readinessDisabledChecks = pgTable(
  'readiness_disabled_checks',
  {
    ...resourceColumns(),
    checkId: text('check_id').notNull(),
    reason: text('reason').notNull(),
  },
  (table) => [uniqueIndex('readiness_disabled_checks_unique').on(table.workspaceId, table.checkId)],
);

export const planAreaExclusions = pgTable(
  'plan_area_exclusions',
  {
    ...resourceColumns(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    area: text('area').notNull(),
    reason: text('reason').notNull(),
  },
  (table) => [uniqueIndex('plan_area_exclusions_unique').on(table.projectId, table.area)],
);

/** Per area: its level and how many checks pass and fail. */
export type AreaScores = Record<string, { level: string; passing: number; failing: number }>;

/** One row per project and day: the readiness that day, kept for the trend. */
export const readinessScores = pgTable(
  'readiness_scores',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    level: text('level').$type<'none' | 'bronze' | 'silver' | 'gold'>().notNull(),
    passing: integer('passing').notNull(),
    failing: integer('failing').notNull(),
    areas: jsonb('areas').$type<AreaScores>().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('readiness_scores_project_day').on(table.projectId, table.day)],
);

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
