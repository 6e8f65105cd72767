import type { z } from 'zod';
import type { Transaction } from '../../db/connection.ts';
import type { AppServices } from '../http/route.ts';
import type { Scope } from '../resource/scope.ts';
import type { SagaRow } from './tables.ts';

/** How often a step is tried and how long it waits between tries (exponential, with jitter). */
export interface RetryPolicy {
  /** Tries in all, the first included (1: no retry). */
  attempts: number;
  /** The wait before the second try; each later wait doubles, up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs?: number;
}

export const defaultRetry: RetryPolicy = { attempts: 3, backoffMs: 200, maxBackoffMs: 30_000 };

/** What a step's action or compensation is handed. */
export interface StepContext<Context> {
  /** The services of the process driving the saga. */
  app: AppServices;
  /** The saga as stored when the step started. */
  saga: SagaRow;
  /** The saga's context, parsed by its type's schema. */
  context: Context;
  /** What earlier steps answered, by step name. */
  outputs: Record<string, unknown>;
  /**
   * Acts as whoever started the saga (the system when nobody did), in the saga's workspace and project:
   * writes through it are audited as them.
   */
  scope: Scope;
  /** The same on every attempt of this step in this phase: hand it to what the step calls. */
  idempotencyKey: string;
  /** 1 on the first try; counts retries, restarts after a crash and a person's retries. */
  attempt: number;
  /** Aborted when the step's timeout passes or the process closes. */
  signal: AbortSignal;
}

/** A step that does work: an action, and how to undo it. */
export interface ActionStep<Context> {
  name: string;
  /** One line for the timeline: "Archive the due access-log entries". */
  title?: string;
  /**
   * The step's work; what it answers (JSON) is kept as its output. With `transactional`, it runs in
   * the transaction that records its outcome: its writes and the step's completion commit together,
   * so it takes effect exactly once. Otherwise it runs before that commit and may run again after a
   * crash (at least once): make it idempotent with `idempotencyKey`.
   */
  run(step: StepContext<Context>, tx: Transaction | undefined): Promise<unknown>;
  transactional?: boolean;
  /** Undoes the step once it completed, when a later step fails or the saga is cancelled. */
  compensate?(
    step: StepContext<Context> & { output: unknown },
    tx: Transaction | undefined,
  ): Promise<unknown>;
  retry?: Partial<RetryPolicy>;
  /** A try that takes longer fails (and is retried per the policy). */
  timeoutMs?: number;
  /**
   * What a failure past the retries does: `compensate` (the default) undoes the completed steps;
   * `pause` makes the saga wait for a person, who retries the step or cancels the saga.
   */
  onExhausted?: 'compensate' | 'pause';
}

/** What a waiting step waits for, worked out once when the saga reaches it. */
export type WaitFor =
  | { kind: 'time'; until: Date }
  | { kind: 'signal'; name: string; timeoutMs?: number }
  | { kind: 'approval'; role: string; prompt?: string; timeoutMs?: number };

/**
 * A step that waits: for a time, for a signal sent through the API, or for an approval by a
 * member with a role. Its output is the signal's payload (or the approval). A rejected approval,
 * or a wait that passes its timeout, fails the step (and compensates the saga).
 */
export interface WaitStep<Context> {
  name: string;
  title?: string;
  wait(step: StepContext<Context>): WaitFor;
}

export type SagaStep<Context> = ActionStep<Context> | WaitStep<Context>;

export function isWaitStep<Context>(step: SagaStep<Context>): step is WaitStep<Context> {
  return 'wait' in step;
}

/** A kind of saga, declared once in code: its context's schema and its ordered steps. */
export interface SagaType<Context = Record<string, unknown>> {
  /** Stable, stored with every saga: `audit.access-log-retention`, `release`. */
  type: string;
  title: string;
  context: z.ZodType<Context>;
  /** The steps, the same for every saga of the type, or worked out from its context (release workflows). */
  steps: readonly SagaStep<Context>[] | ((context: Context) => readonly SagaStep<Context>[]);
  /**
   * May callers holding `saga.start` start it through the API (`POST /api/v1/sagas`) with a context
   * of their choosing? Off by default: most sagas are started by the code that owns them.
   */
  startable?: boolean;
}

// Saga types are stored in a registry of the app; their context type is erased there.
// biome-ignore lint/suspicious/noExplicitAny: the registry holds saga types of every context.
export type AnySagaType = SagaType<any>;

/** Declares a saga type; checks step names are unique slugs (they key outputs and timelines). */
export function defineSaga<Context>(definition: SagaType<Context>): SagaType<Context> {
  if (!/^[a-z][a-z0-9.-]*$/.test(definition.type))
    throw new Error(`Saga type ${definition.type} is not a slug`);
  if (Array.isArray(definition.steps)) assertStepNames(definition.type, definition.steps);
  return definition;
}

export function stepsOf<Context>(type: SagaType<Context>, context: Context): readonly SagaStep<Context>[] {
  const steps = typeof type.steps === 'function' ? type.steps(context) : type.steps;
  assertStepNames(type.type, steps);
  return steps;
}

function assertStepNames(type: string, steps: readonly { name: string }[]): void {
  const seen = new Set<string>();
  for (const step of steps) {
    if (!/^[a-z0-9][a-z0-9_.-]*$/i.test(step.name) || seen.has(step.name))
      throw new Error(`Saga type ${type}: step name ${step.name} is not a unique slug`);
    seen.add(step.name);
  }
}
