import { z } from 'zod';
import { apiBase, asObject, expectOk, isRecord, projectPath } from '../api.ts';
import { resolveProject } from '../project-ref.ts';
import { defineTool, projectInput, withJson } from '../tool.ts';

// Sagas for agents: read them (with their timeline), start a project's release workflow, and send
// a waiting saga the signal it waits for. Cancelling, retrying and approving stay with people.

const sagaOutput = { id: z.string(), status: z.string(), sagaType: z.string() };
const sagaId = z.uuid().describe('The saga id');
const sagaStatuses = [
  'pending',
  'running',
  'waiting',
  'compensating',
  'completed',
  'failed',
  'compensation_failed',
  'cancelled',
] as const;

const sagaPath = (id: string) => `${apiBase}/sagas/${encodeURIComponent(id)}`;

/** What a waiting saga waits for, in words. */
function waitText(wait: unknown): string {
  if (!isRecord(wait)) return '';
  switch (wait.kind) {
    case 'signal':
      return ` · waits for the signal ${String(wait.name)}`;
    case 'approval':
      return ` · waits for an approval by the ${String(wait.role)} role`;
    case 'time':
      return ` · waits until ${String(wait.until)}`;
    default:
      return ` · paused: step ${String(wait.step)} failed (${String(wait.error)})`;
  }
}

/** One line about a saga: title, type, status, step, what it waits for, id. */
export function describeSaga(saga: Record<string, unknown>): string {
  const steps = Array.isArray(saga.stepNames) ? saga.stepNames : [];
  const current = typeof saga.currentStep === 'number' ? steps[saga.currentStep] : undefined;
  const at =
    current && !['completed', 'failed', 'cancelled'].includes(String(saga.status))
      ? ` at ${String(current)}`
      : '';
  const error = saga.errorMessage ? ` · ${String(saga.errorMessage)}` : '';
  return `${String(saga.title)} (${String(saga.sagaType)}) [${String(saga.status)}]${at}${waitText(saga.waitingFor)}${error} (${String(saga.id)})`;
}

const sagaAnswer = (verb: string, body: unknown) => {
  const saga = asObject(body);
  return { data: saga, text: withJson(`${verb} ${describeSaga(saga)}`, saga) };
};

export const listSagas = defineTool({
  name: 'list_sagas',
  title: 'List sagas',
  description:
    "The workspace's sagas (long multi-step operations such as release workflows), newest first, filtered by type, status, project or who started them.",
  input: {
    project: projectInput.optional(),
    type: z.string().max(100).optional().describe('A saga type, e.g. release'),
    status: z.array(z.enum(sagaStatuses)).max(8).optional().describe('One or several statuses'),
    startedBy: z.uuid().optional().describe('A user id'),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().optional(),
  },
  output: { data: z.array(z.unknown()), nextCursor: z.string().nullable().optional() },
  readOnly: true,
  run: async ({ project, type, status, startedBy, limit, cursor }, api) => {
    const projectId = project ? await resolveProject(api, project) : undefined;
    const body = asObject(
      await expectOk(api, 'GET', `${apiBase}/sagas`, {
        query: { projectId, type, status: status?.join(','), startedBy, limit, cursor },
      }),
    );
    const rows = Array.isArray(body.data) ? body.data.filter(isRecord) : [];
    return {
      data: body,
      text: withJson(`${rows.length} saga(s):\n${rows.map(describeSaga).join('\n')}`, body),
    };
  },
});

export const getSaga = defineTool({
  name: 'get_saga',
  title: 'Read a saga',
  description:
    'One saga with its timeline: its steps, every run of a step or of its compensation (attempt, status, duration, output or error), and what it waits for.',
  input: { id: sagaId },
  output: { ...sagaOutput, steps: z.array(z.unknown()) },
  readOnly: true,
  run: async ({ id }, api) => {
    const saga = asObject(await expectOk(api, 'GET', sagaPath(id)));
    const runs = (Array.isArray(saga.steps) ? saga.steps.filter(isRecord) : []).map(
      (run) =>
        `- ${run.phase === 'compensation' ? 'undo ' : ''}${String(run.stepName)} #${String(run.attempt)} ${String(run.status)}${run.durationMs === null ? '' : ` ${String(run.durationMs)} ms`}${run.error ? `: ${String(run.error)}` : ''}`,
    );
    return { data: saga, text: withJson(`${describeSaga(saga)}\n${runs.join('\n')}`, saga) };
  },
});

export const startReleaseWorkflow = defineTool({
  name: 'start_release_workflow',
  title: 'Start a release workflow',
  description:
    "Runs one of the project's release workflows (by its key) as a saga, with the inputs it takes; answers the saga at once. Follow it with get_saga. Needs the saga.start permission (editors and agents).",
  input: {
    project: projectInput,
    workflow: z.string().min(1).max(100).describe('The workflow key, e.g. deploy-waves'),
    inputs: z.record(z.string(), z.unknown()).optional().describe('The inputs the workflow declares'),
  },
  output: sagaOutput,
  run: async ({ project, workflow, inputs }, api) => {
    const base = projectPath(await resolveProject(api, project));
    return sagaAnswer(
      'Started',
      await expectOk(api, 'POST', `${base}/release-workflows/${encodeURIComponent(workflow)}/runs`, {
        body: inputs ? { inputs } : {},
      }),
    );
  },
});

export const signalSaga = defineTool({
  name: 'signal_saga',
  title: 'Send a saga a signal',
  description:
    'Sends a signal to a saga: one waiting for it moves on, with the payload as the waiting step’s output; one that will wait for it later finds it there. Approvals are for people, not signals.',
  input: {
    id: sagaId,
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_.-]*$/i)
      .max(100)
      .describe('The signal, as the saga’s waitingFor names it'),
    payload: z.unknown().optional().describe('Any JSON'),
  },
  output: sagaOutput,
  run: async ({ id, name, payload }, api) =>
    sagaAnswer(
      `Sent ${name} to`,
      await expectOk(api, 'POST', `${sagaPath(id)}/signals/${encodeURIComponent(name)}`, {
        body: payload === undefined ? {} : { payload },
      }),
    ),
});

export const sagaTools = [listSagas, getSaga, startReleaseWorkflow, signalSaga];
