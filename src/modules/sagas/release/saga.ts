import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineSaga, type SagaStep, type StepContext } from '../../../core/sagas/define.ts';
import { patchConfig } from '../../flags/configs.ts';
import { getFlag } from '../../flags/flags.ts';
import { qualityGates } from '../../plan/areas/code-review-automation.ts';
import { readinessOf } from '../../plan/readiness-service.ts';
import { type HttpCall, type ReleaseStep, releaseDefinitionSchema } from './definition.ts';
import { callOut, redact, render, renderJson, type TemplateValues } from './outbound.ts';
import { allowedHostsOf, secretsOf } from './store.ts';

// The saga type `release`: a run of a release workflow. Its context carries the definition version
// it started with, so a workflow edited mid-run does not change the run; its steps are built from it.

export const releaseContextSchema = z.object({
  workflowId: z.string(),
  workflowKey: z.string(),
  workflowVersion: z.number().int(),
  definition: releaseDefinitionSchema,
  inputs: z.record(z.string(), z.string()).default({}),
});
export type ReleaseContext = z.output<typeof releaseContextSchema>;
type Step = StepContext<ReleaseContext>;

const levelOrder = ['none', 'bronze', 'silver', 'gold'];

/** What a step's templates and calls need: the values, the allowed hosts and the secrets to hide. */
async function prepare(step: Step) {
  const projectId = step.saga.projectId;
  if (!projectId) throw new Error('a release runs in a project');
  const secrets = await secretsOf(step.scope, projectId);
  const values: TemplateValues = { secrets, inputs: step.context.inputs, outputs: step.outputs };
  return { values, hosts: await allowedHostsOf(step.scope, projectId), secrets: Object.values(secrets) };
}

/** Runs `work`, hiding every secret from its answer and from its error (both are stored). */
async function hidingSecrets<T>(secrets: readonly string[], work: () => Promise<T>): Promise<T> {
  try {
    return redact(await work(), secrets);
  } catch (error) {
    throw new Error(redact(error instanceof Error ? error.message : String(error), secrets));
  }
}

async function call(step: Step, http: HttpCall) {
  const { values, hosts, secrets } = await prepare(step);
  return hidingSecrets(secrets, async () => {
    const body =
      http.body === undefined
        ? undefined
        : typeof http.body === 'string'
          ? render(http.body, values)
          : JSON.stringify(renderJson(http.body, values));
    const headers = Object.fromEntries(
      Object.entries(http.headers).map(([name, value]) => [name, render(value, values)]),
    );
    if (
      body !== undefined &&
      typeof http.body !== 'string' &&
      !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')
    )
      headers['content-type'] = 'application/json';
    return callOut(
      {
        method: http.method,
        url: render(http.url, values),
        headers,
        body,
        expectedStatus: http.expectedStatus,
        timeoutMs: http.timeoutMs,
        saveHeaders: http.saveHeaders,
        idempotencyKey: step.idempotencyKey,
        signal: step.signal,
      },
      hosts,
    );
  });
}

function httpStep(definition: Extract<ReleaseStep, { kind: 'http' }>): SagaStep<ReleaseContext> {
  const rollback = definition.compensate;
  return {
    name: definition.name,
    title: definition.title ?? `${definition.method} ${definition.url}`,
    retry: { attempts: definition.retry.attempts, backoffMs: definition.retry.backoffMs },
    run: (step: Step) => call(step, definition),
    ...(rollback ? { compensate: (step: Step) => call(step, rollback) } : {}),
  };
}

function healthStep(definition: Extract<ReleaseStep, { kind: 'health_check' }>): SagaStep<ReleaseContext> {
  const intervalMs = Math.round(definition.intervalSeconds * 1000);
  const attempts = Math.max(1, Math.ceil((definition.timeoutMinutes * 60_000) / intervalMs));
  const probe: HttpCall = {
    method: 'GET',
    url: definition.url,
    headers: definition.headers,
    expectedStatus: definition.expectedStatus,
    timeoutMs: definition.timeoutMs,
    saveHeaders: [],
  };
  return {
    name: definition.name,
    title: definition.title ?? `Health check ${definition.url}`,
    // Each try is one probe; the engine waits about the interval between them, up to the timeout.
    retry: { attempts, backoffMs: intervalMs, maxBackoffMs: intervalMs },
    run: async (step: Step) => {
      const answer = await call(step, probe);
      return { status: answer.status, probes: step.attempt };
    },
  };
}

type ReadinessCheck = Extract<ReleaseStep, { kind: 'check_readiness' }>;

async function checkLevel(step: Step, definition: ReadinessCheck, level: string) {
  const scorecard = await readinessOf(step.scope, { area: definition.area });
  if (levelOrder.indexOf(scorecard.level) < levelOrder.indexOf(level))
    throw new Error(
      `the project${definition.area ? `'s ${definition.area} area` : ''} is at readiness ${scorecard.level}, below ${level}`,
    );
  return { level: scorecard.level, required: level };
}

/** The plan's quality gate of that name must have passed on its last run. */
async function checkGate(step: Step, name: string) {
  const [gate] = await step.scope.db.read((db) =>
    db
      .select({ id: qualityGates.id, lastResult: qualityGates.lastResult, lastRunAt: qualityGates.lastRunAt })
      .from(qualityGates)
      .where(
        and(
          eq(qualityGates.workspaceId, step.saga.workspaceId),
          eq(qualityGates.projectId, step.saga.projectId ?? ''),
          eq(qualityGates.name, name),
        ),
      )
      .limit(1),
  );
  if (!gate) throw new Error(`the project has no quality gate named ${name}`);
  if (gate.lastResult !== 'passed')
    throw new Error(
      `quality gate ${name} has ${gate.lastResult ? `last ${gate.lastResult}` : 'not run yet'}`,
    );
  return { gate: name, gateId: gate.id, lastResult: gate.lastResult, lastRunAt: gate.lastRunAt };
}

function readinessStep(definition: ReadinessCheck): SagaStep<ReleaseContext> {
  const { level, gate } = definition;
  return {
    name: definition.name,
    title: definition.title ?? (gate ? `Quality gate ${gate} passed` : `Readiness ${level} or better`),
    retry: { attempts: 1, backoffMs: 1 },
    run: (step: Step) => (gate ? checkGate(step, gate) : checkLevel(step, definition, level ?? 'bronze')),
  };
}

async function flagState(step: Step, key: string, environment: string, ruleId?: string) {
  const flag = await getFlag(step.scope, key);
  const config = flag.environments.find((entry) => entry.environment === environment);
  if (!config) throw new Error(`flag ${key} has no environment ${environment}`);
  const rule = ruleId ? config.rules.find((entry) => entry.id === ruleId) : undefined;
  if (ruleId && !rule) throw new Error(`flag ${key} has no rule ${ruleId} in ${environment}`);
  return { enabled: config.enabled, percentage: rule?.rollout ?? null };
}

function flagStep(definition: Extract<ReleaseStep, { kind: 'flag_rollout' }>): SagaStep<ReleaseContext> {
  const address = { key: definition.flagKey, environment: definition.environment };
  const { ruleId } = definition;
  const change = async (step: Step, enabled: boolean | undefined, percentage: number | null | undefined) => {
    await patchConfig(step.scope, address, {
      ...(enabled === undefined ? {} : { enabled }),
      ...(ruleId && typeof percentage === 'number' ? { rollout: { ruleId, percentage } } : {}),
    });
  };
  return {
    name: definition.name,
    title: definition.title ?? `Roll out ${definition.flagKey} in ${definition.environment}`,
    retry: { attempts: 2, backoffMs: 500 },
    run: async (step: Step) => {
      const previous = await flagState(step, definition.flagKey, definition.environment, ruleId);
      await change(step, definition.enabled, definition.percentage);
      return {
        previous,
        applied: { enabled: definition.enabled ?? null, percentage: definition.percentage ?? null },
      };
    },
    ...(definition.compensate
      ? {
          compensate: async (step: Step & { output: unknown }) => {
            const parsed = flagOutput.safeParse(step.output);
            if (!parsed.success) throw new Error('the flag step kept no previous state to switch back to');
            const { previous } = parsed.data;
            await change(
              step,
              definition.enabled === undefined ? undefined : previous.enabled,
              previous.percentage,
            );
            return { restored: previous };
          },
        }
      : {}),
  };
}

const flagOutput = z.object({
  previous: z.object({ enabled: z.boolean(), percentage: z.number().nullable() }),
});

/** The approval's prompt with the run's inputs and outputs filled in (left as written if it names others). */
function promptOf(prompt: string, step: Step): string {
  try {
    return render(prompt, { secrets: {}, inputs: step.context.inputs, outputs: step.outputs });
  } catch {
    return prompt;
  }
}

function stepOf(definition: ReleaseStep): SagaStep<ReleaseContext> {
  switch (definition.kind) {
    case 'http':
      return httpStep(definition);
    case 'health_check':
      return healthStep(definition);
    case 'check_readiness':
      return readinessStep(definition);
    case 'flag_rollout':
      return flagStep(definition);
    case 'approval':
      return {
        name: definition.name,
        title: definition.title ?? `Approval by ${definition.role}`,
        wait: (step: Step) => ({
          kind: 'approval',
          role: definition.role,
          prompt: definition.prompt && promptOf(definition.prompt, step),
          timeoutMs: definition.timeoutMinutes ? definition.timeoutMinutes * 60_000 : undefined,
        }),
      };
    case 'wait': {
      const ms =
        definition.minutes !== undefined ? definition.minutes * 60_000 : (definition.seconds ?? 0) * 1000;
      return {
        name: definition.name,
        title:
          definition.title ??
          `Wait ${definition.minutes ? `${definition.minutes} min` : `${definition.seconds} s`}`,
        wait: () => ({ kind: 'time', until: new Date(Date.now() + ms) }),
      };
    }
  }
}

export const releaseSaga = defineSaga<ReleaseContext>({
  type: 'release',
  title: 'Release workflow',
  context: releaseContextSchema,
  steps: (context) => context.definition.steps.map(stepOf),
});
