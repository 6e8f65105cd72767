import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { ApiProblem, asObject, expectOk, isRecord, projectPath, type ShipshapeApi } from './api.ts';
import { resolveProject } from './project-ref.ts';

/** The gates of a task, one line each: name, stage, threshold and blocking severity. */
async function gateLines(api: ShipshapeApi, projectId: string, gateIds: unknown): Promise<string[]> {
  const wanted = new Set(Array.isArray(gateIds) ? gateIds.map(String) : []);
  if (wanted.size === 0) return ['_No quality gates apply._'];
  const body = asObject(
    await expectOk(api, 'GET', `${projectPath(projectId)}/plan/code-review-automation/quality-gates`, {
      query: { limit: 200 },
    }),
  );
  return (Array.isArray(body.data) ? body.data.filter(isRecord) : [])
    .filter((gate) => wanted.has(String(gate.id)))
    .map(
      (gate) =>
        `- **${String(gate.name)}** (${String(gate.stage ?? 'any stage')}): ${String(gate.threshold || 'judged by its last result')}${gate.blockingSeverity ? `; open findings at or above ${String(gate.blockingSeverity)} block` : ''}`,
    );
}

/** The spec behind a task that came from a PRD requirement, else nothing. */
async function specOf(api: ShipshapeApi, projectId: string, source: unknown): Promise<string | undefined> {
  if (!isRecord(source) || source.kind !== 'requirement' || typeof source.refId !== 'string')
    return undefined;
  try {
    return String(
      await expectOk(api, 'GET', `${projectPath(projectId)}/prd-reviews/${source.refId}/export`, {
        query: { format: 'spec' },
      }),
    );
  } catch (error) {
    if (error instanceof ApiProblem) return undefined;
    throw error;
  }
}

/** The text that hands a task to an agent: what to do, the spec, the plan's constraints, the gates. */
export async function workOnTaskText(api: ShipshapeApi, project: string, taskId: string): Promise<string> {
  const projectId = await resolveProject(api, project);
  const task = asObject(await expectOk(api, 'GET', `${projectPath(projectId)}/tasks/${taskId}`));
  const [spec, plan, gates] = await Promise.all([
    specOf(api, projectId, task.source),
    expectOk(api, 'GET', `${projectPath(projectId)}/plan`, { query: { format: 'md' } }),
    gateLines(api, projectId, task.gateIds),
  ]);
  const criteria = (
    Array.isArray(task.acceptanceCriteria) ? task.acceptanceCriteria.filter(isRecord) : []
  ).map(
    (criterion) =>
      `- ${String(criterion.kind)} ${String(criterion.ref)}${criterion.text ? `: ${String(criterion.text)}` : ''}`,
  );
  return [
    `# Task ${String(task.key)}: ${String(task.title)}`,
    '',
    `Project ${projectId}, task id ${taskId}, status ${String(task.status)}.`,
    '',
    String(task.description ?? ''),
    '',
    '## Acceptance criteria',
    ...(criteria.length ? criteria : ['_None stated._']),
    '',
    '## Quality gates (completion is refused while one fails)',
    ...gates,
    '',
    '## How to work',
    `1. claim_task {project: "${projectId}", id: "${taskId}"}; heartbeat_task before the lease ends.`,
    '2. Make the change. Follow the accepted decisions and the plan below.',
    "3. report_findings with your analysers' SARIF and upload_test_run with your test report, each with taskId, so they become evidence.",
    '4. evaluate_task_gates; fix what fails; then complete_task. If completion is refused, each failed condition is listed.',
    '',
    ...(spec ? ['## Spec', '', spec, ''] : []),
    '## Plan (gaps first)',
    '',
    String(plan),
  ].join('\n');
}

export function registerPrompts(server: McpServer, api: ShipshapeApi): void {
  server.registerPrompt(
    'work_on_task',
    {
      title: 'Work on a task',
      description: 'Hands you a task with its spec, the plan’s constraints and the gates it must pass.',
      argsSchema: {
        project: z.string().describe('The project id or key'),
        taskId: z.string().describe('The task id'),
      },
    },
    async ({ project, taskId }) => ({
      messages: [
        { role: 'user', content: { type: 'text', text: await workOnTaskText(api, project, taskId) } },
      ],
    }),
  );
}
