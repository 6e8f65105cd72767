import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';
import { checkOneOf, resourceColumns } from '../../core/tenancy/columns.ts';
import { projectIdColumn } from '../../core/tenancy/projects-table.ts';

// Tasks: the work items people and agents claim, one project's at a time. A task comes from a PRD
// requirement, a failing readiness check, a review finding, or a person; it moves
// open → claimed → in_review → done (or blocked / cancelled), and it reaches in_review or done only
// past its quality gates, evaluated on the evidence the holder attached.

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const taskStatuses = ['open', 'claimed', 'in_review', 'done', 'blocked', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskSourceKinds = ['requirement', 'check', 'finding', 'manual'] as const;
export type TaskSourceKind = (typeof taskSourceKinds)[number];

/** Where a task came from: the PRD requirement (FR-003), the readiness check, the finding. */
export interface TaskSource {
  kind: TaskSourceKind;
  /** The PRD's id for a requirement; the finding's id for a finding; absent for a check or by hand. */
  refId?: string;
  /** FR-003, a check id such as `flags.every-flag-has-owner`, or a finding's rule. */
  key?: string;
  /** The requirement's or check's own words, as they were when the task was made. */
  text?: string;
}

/** What done means: a PRD success criterion (SC-001) or a readiness check that must pass. */
export interface AcceptanceCriterion {
  kind: 'criterion' | 'check';
  /** SC-001, or a readiness check id. */
  ref: string;
  text?: string;
}

/** What the holder shows for its work; gates are evaluated on it. */
export interface TaskEvidence {
  commits: string[];
  mergeRequestUrl?: string;
  /** Imported test runs (test evidence); the newest one is the one gates evaluate. */
  testRunIds: string[];
  /** Uploaded SARIF finding sets. */
  findingSetIds: string[];
}

/** One condition of a gate evaluation, passed or not, with why. */
export interface GateCondition {
  /** The plan quality gate it comes from, when it comes from one. */
  gateId?: string;
  gateName?: string;
  kind: 'tests' | 'findings' | 'check';
  passed: boolean;
  /** `passRate >= 95%: 80% of 10 tests`, `2 open findings at or above major`, `flags.owned: fail`. */
  message: string;
}

/** An admin's override of a failing gate: who, when and why, kept on the task for all to see. */
export interface GateOverride {
  by: string;
  at: string;
  reason: string;
  evaluationId: string;
}

export const tasks = pgTable(
  'tasks',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    /** T-1, T-2… within the project, for people to quote. */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    source: jsonb('source').$type<TaskSource>().notNull(),
    /**
     * What makes generation idempotent: `requirement:<prdId>:FR-003`, `check:<checkId>`,
     * `finding:<findingId>`; null for a task made by hand.
     */
    sourceKey: text('source_key'),
    acceptanceCriteria: jsonb('acceptance_criteria')
      .$type<AcceptanceCriterion[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    status: text('status').$type<TaskStatus>().notNull().default('open'),
    /** The plan quality gates (plan.quality_gates ids) that apply to this task. */
    gateIds: uuid('gate_ids').array().notNull().default(sql`'{}'::uuid[]`),
    evidence: jsonb('evidence')
      .$type<TaskEvidence>()
      .notNull()
      .default(sql`'{"commits":[],"testRunIds":[],"findingSetIds":[]}'::jsonb`),
    /** Who holds or last held the task: an agent or a person. */
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /** A claim lasts until then unless its holder sends a heartbeat; a lapsed claim returns the task to open. */
    claimExpiresAt: at('claim_expires_at'),
    claimedAt: at('claimed_at'),
    /** Claims so far: each claim of the task is an attempt at it. */
    attempts: integer('attempts').notNull().default(0),
    override: jsonb('override').$type<GateOverride>(),
    completedAt: at('completed_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    uniqueIndex('tasks_project_number_unique').on(table.projectId, table.number),
    uniqueIndex('tasks_project_source_unique')
      .on(table.projectId, table.sourceKey)
      .where(sql`${table.sourceKey} is not null`),
    index('tasks_project_status_idx').on(table.projectId, table.status, table.createdAt, table.id),
    index('tasks_claim_expiry_idx').on(table.claimExpiresAt).where(sql`${table.status} = 'claimed'`),
    checkOneOf('tasks_status_check', table.status, taskStatuses),
  ],
);

export type TaskRow = typeof tasks.$inferSelect;

/** Every evaluation of a task's gates, stored: the 409 a holder got, or the pass that let it move. */
export const taskGateEvaluations = pgTable(
  'task_gate_evaluations',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    /** The status the task was to move to. */
    targetStatus: text('target_status').$type<TaskStatus>().notNull(),
    passed: boolean('passed').notNull(),
    conditions: jsonb('conditions').$type<GateCondition[]>().notNull(),
    overridden: boolean('overridden').notNull().default(false),
    evaluatedBy: uuid('evaluated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [index('task_gate_evaluations_task_idx').on(table.taskId, table.createdAt)],
);
