import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { ApiProblem, asObject, expectOk, isRecord, projectPath, type ShipshapeApi } from '../api.ts';
import { resolveProject } from '../project-ref.ts';
import { defineTool, projectInput, withJson } from '../tool.ts';
import { attachToTask, taskToAttach } from './evidence.ts';

const runOutput = { id: z.string(), status: z.string() };
const settled = new Set(['imported', 'failed']);

/** One line about a run: status and totals. */
export function describeRun(run: Record<string, unknown>): string {
  const totals = isRecord(run.totals) ? run.totals : undefined;
  const figures = totals
    ? `: ${String(totals.total)} tests, ${String(totals.passed)} passed, ${String(totals.failed)} failed, ${String(totals.broken)} broken`
    : '';
  return `Run ${String(run.id)} [${String(run.status)}]${figures}`;
}

/** Polls a run until its import settles (imported or failed) or the wait is over. */
async function waitForImport(
  api: ShipshapeApi,
  path: string,
  seconds: number,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + seconds * 1000;
  let run = asObject(await expectOk(api, 'GET', path));
  while (!settled.has(String(run.status)) && Date.now() < deadline) {
    await sleep(100);
    run = asObject(await expectOk(api, 'GET', path));
  }
  return run;
}

function uploadBody(input: {
  junitXml?: string;
  allureArchiveBase64?: string;
  archiveType: 'zip' | 'tar.gz';
}) {
  if (input.junitXml) return { contentType: 'application/xml', data: input.junitXml };
  if (input.allureArchiveBase64)
    return {
      contentType: input.archiveType === 'zip' ? 'application/zip' : 'application/gzip',
      data: Buffer.from(input.allureArchiveBase64, 'base64'),
    };
  throw new ApiProblem({
    status: 422,
    title: 'Validation failed',
    detail:
      'Give junitXml (the report as text) or allureArchiveBase64 (a zip or tar.gz of an Allure results folder).',
  });
}

export const uploadTestRun = defineTool({
  name: 'upload_test_run',
  title: 'Upload a test run',
  description:
    'Uploads test results — a JUnit XML report as text, or a base64 zip / tar.gz of an Allure results folder — and waits for the import. With `taskId`, the run becomes evidence of that task.',
  input: {
    project: projectInput,
    junitXml: z.string().max(20_000_000).optional(),
    allureArchiveBase64: z.string().max(40_000_000).optional(),
    archiveType: z.enum(['zip', 'tar.gz']).default('zip'),
    commit: z.string().min(4).max(64).optional(),
    branch: z.string().max(200).optional(),
    name: z.string().max(200).optional(),
    taskId: taskToAttach,
    waitSeconds: z.number().int().min(0).max(600).default(120).describe('How long to wait for the import'),
  },
  output: runOutput,
  run: async (input, api) => {
    const projectId = await resolveProject(api, input.project);
    const created = asObject(
      await expectOk(api, 'POST', `${projectPath(projectId)}/test-runs`, {
        query: { commit: input.commit, branch: input.branch, name: input.name },
        raw: uploadBody(input),
      }),
    );
    const run = await waitForImport(
      api,
      `${projectPath(projectId)}/test-runs/${String(created.id)}`,
      input.waitSeconds,
    );
    const task = await attachToTask(api, projectId, input.taskId, { testRunIds: [String(run.id)] });
    const attached = task ? `\nAdded to the evidence of ${String(task.key)}.` : '';
    return {
      data: { ...run, ...(task ? { task } : {}) },
      text: withJson(`${describeRun(run)}${attached}`, run),
    };
  },
});

export const getTestRun = defineTool({
  name: 'get_test_run',
  title: 'Read a test run',
  description: 'A test run: its import status, totals, commit and branch.',
  input: { project: projectInput, runId: z.uuid() },
  output: runOutput,
  readOnly: true,
  run: async ({ project, runId }, api) => {
    const run = asObject(
      await expectOk(api, 'GET', `${projectPath(await resolveProject(api, project))}/test-runs/${runId}`),
    );
    return { data: run, text: withJson(describeRun(run), run) };
  },
});

export const evaluateTestGate = defineTool({
  name: 'evaluate_test_gate',
  title: 'Evaluate a test gate',
  description:
    "Judges a run against conditions (`failures = 0, passRate >= 98%`) or one of the plan's quality gates (its id or name). A failing gate is an answer (passed: false, with each failure), not an error.",
  input: {
    project: projectInput,
    runId: z.uuid(),
    gate: z.string().min(1).max(2000).describe('Conditions, or a quality gate id or name'),
  },
  output: { passed: z.boolean(), failures: z.array(z.unknown()) },
  run: async ({ project, runId, gate }, api) => {
    const path = `${projectPath(await resolveProject(api, project))}/test-runs/${runId}/gate`;
    const answer = asObject(await expectOk(api, 'GET', path, { query: { gate } }));
    const failures = (Array.isArray(answer.failures) ? answer.failures.filter(isRecord) : []).map(
      (failure) => `- ${String(failure.condition)}: ${String(failure.message)}`,
    );
    const verdict = answer.passed
      ? `The gate passes (${String(answer.expression)}).`
      : `The gate fails (${String(answer.expression)}):`;
    return { data: answer, text: withJson([verdict, ...failures].join('\n'), answer) };
  },
});

export const testTools = [uploadTestRun, getTestRun, evaluateTestGate];
