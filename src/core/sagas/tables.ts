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
import { users } from '../auth/schema.ts';
import { checkOneOf, resourceColumns } from '../tenancy/columns.ts';
import { projects } from '../tenancy/projects-table.ts';

// Sagas: long operations of several steps that either finish or are undone. A saga's row is its
// durable state (where it is, what each step answered, who drives it until when); each run of a
// step or of its compensation is a row of `saga_steps`; signals and approvals sent to a waiting
// saga are rows of `saga_signals` until the saga takes them. docs/sagas.md tells the guarantees.

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const sagaStatuses = [
  'pending',
  'running',
  'waiting',
  'compensating',
  'completed',
  'failed',
  'compensation_failed',
  'cancelled',
] as const;
export type SagaStatus = (typeof sagaStatuses)[number];

/** The statuses a saga ends in; nothing drives it any more. `compensation_failed` waits for a person. */
export const settledSagaStatuses: readonly SagaStatus[] = ['completed', 'failed', 'cancelled'];

/** What a waiting saga waits for. */
export type SagaWait =
  | { kind: 'time'; until: string }
  | { kind: 'signal'; name: string; until?: string }
  | { kind: 'approval'; name: string; role: string; prompt?: string; until?: string }
  /** A step failed past its retries and its policy pauses for a person: retry it, or cancel. */
  | { kind: 'intervention'; step: string; error: string };

export const workflowSagas = pgTable(
  'workflow_sagas',
  {
    ...resourceColumns(),
    /** The project the saga works on, if it works on one. */
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    sagaType: text('saga_type').notNull(),
    /** A human title: the release workflow's name, "Access log retention"… */
    title: text('title').notNull(),
    status: text('status').$type<SagaStatus>().notNull().default('pending'),
    /** The index of the step running or next to run (while compensating: the one being undone). */
    currentStep: integer('current_step').notNull().default(0),
    /** Tries of the current step in the current phase since it was reached (or a person retried it). */
    stepAttempts: integer('step_attempts').notNull().default(0),
    /** The input the saga started with, valid for its type's schema. */
    context: jsonb('context').$type<Record<string, unknown>>().notNull(),
    /** What each completed step answered, by step name; later steps read it. */
    outputs: jsonb('outputs').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** How many steps the saga has (fixed when it starts). */
    stepCount: integer('step_count').notNull(),
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
    /** A caller's key: starting again with it answers the saga it started. */
    idempotencyKey: text('idempotency_key'),
    /** The process driving the saga and until when; a lapsed lease lets another process take it. */
    leaseOwner: text('lease_owner'),
    leaseUntil: at('lease_until'),
    /** Not before then: a retry's backoff, or the end of a timed wait. */
    wakeAt: at('wake_at'),
    waitingFor: jsonb('waiting_for').$type<SagaWait>(),
    /** A person asked to cancel: the driver compensates at its next step boundary. */
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    startedAt: at('started_at'),
    completedAt: at('completed_at'),
    failedAt: at('failed_at'),
    errorMessage: text('error_message'),
  },
  (table) => [
    uniqueIndex('workflow_sagas_idempotency_unique')
      .on(table.workspaceId, table.sagaType, table.idempotencyKey)
      .where(sql`${table.idempotencyKey} is not null`),
    index('workflow_sagas_workspace_created_idx').on(table.workspaceId, table.createdAt, table.id),
    index('workflow_sagas_runnable_idx')
      .on(table.wakeAt)
      .where(sql`${table.status} in ('pending', 'running', 'compensating', 'waiting')`),
    checkOneOf('workflow_sagas_status_check', table.status, sagaStatuses),
  ],
);

export type SagaRow = typeof workflowSagas.$inferSelect;

export const sagaStepPhases = ['action', 'compensation'] as const;
export type SagaStepPhase = (typeof sagaStepPhases)[number];
export const sagaStepStatuses = ['running', 'succeeded', 'failed', 'interrupted', 'skipped'] as const;
export type SagaStepStatus = (typeof sagaStepStatuses)[number];

/** One execution of a step's action or compensation: an attempt, its times, what it answered or why it failed. */
export const sagaSteps = pgTable(
  'saga_steps',
  {
    ...resourceColumns(),
    sagaId: uuid('saga_id')
      .notNull()
      .references(() => workflowSagas.id, { onDelete: 'cascade' }),
    stepIndex: integer('step_index').notNull(),
    stepName: text('step_name').notNull(),
    phase: text('phase').$type<SagaStepPhase>().notNull(),
    /** 1 for the first try of this step in this phase, counting every retry, restart and person's retry. */
    attempt: integer('attempt').notNull(),
    status: text('status').$type<SagaStepStatus>().notNull(),
    /** The same for every attempt of one step in one phase: what the step hands the systems it calls. */
    idempotencyKey: text('idempotency_key').notNull(),
    startedAt: at('started_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
    output: jsonb('output'),
    error: text('error'),
  },
  (table) => [
    index('saga_steps_saga_idx').on(table.sagaId, table.stepIndex, table.phase, table.attempt),
    checkOneOf('saga_steps_phase_check', table.phase, sagaStepPhases),
    checkOneOf('saga_steps_status_check', table.status, sagaStepStatuses),
  ],
);

export type SagaStepRow = typeof sagaSteps.$inferSelect;

/** A signal or approval sent to a saga, kept until the waiting step takes it. */
export const sagaSignals = pgTable(
  'saga_signals',
  {
    ...resourceColumns(),
    sagaId: uuid('saga_id')
      .notNull()
      .references(() => workflowSagas.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    payload: jsonb('payload').$type<unknown>(),
    sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
    consumedAt: at('consumed_at'),
  },
  (table) => [index('saga_signals_saga_idx').on(table.sagaId, table.name, table.createdAt)],
);
