import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { packTar } from 'modern-tar';
import { uuidv7 } from 'uuidv7';
import { expect } from 'vitest';
import type { Label, TestStatus } from '../../engines/test-results/model.ts';
import type { Caller, JsonBody, TestApp } from '../../test-support/app.ts';
import {
  allureReport,
  allureScenarios,
  allureSteps,
  type RetryAttempt,
  type RunStatus,
  type StatusTotals,
  type StoredAttachment,
} from './tables.ts';

// What the ingest tests share: Allure results written as adapters write them, packed as zip, tar
// or tar.gz, uploaded as CI would, and the import waited for.

export type Folder = Record<string, string | Uint8Array>;

let sequence = 0;

export async function newProject(caller: Caller): Promise<string> {
  sequence += 1;
  const project = await caller.post('/api/v1/projects', { name: `Tests ${sequence}`, key: `TST${sequence}` });
  expect(project.status, JSON.stringify(project.body)).toBe(201);
  return project.body.id;
}

export const runs = (projectId: string, rest = '') =>
  `/api/v1/projects/${projectId}/test-runs${rest ? `/${rest}` : ''}`;

interface ResultOptions {
  name: string;
  status?: string;
  message?: string;
  historyId?: string;
  start?: number;
  stop?: number;
  uuid?: string;
  labels?: { name: string; value: string }[];
  steps?: number;
  attachments?: { name: string; source: string; type?: string }[];
}

/** A `*-result.json` as Allure adapters write it: its file name and its JSON. */
export function result(options: ResultOptions): [string, string] {
  const uuid = options.uuid ?? randomUUID();
  const start = options.start ?? 1_765_000_000_000;
  const stop = options.stop ?? start + 100;
  const steps = Array.from({ length: options.steps ?? 2 }, (_, index) => ({
    name: `step ${index + 1}`,
    status: 'passed',
    statusDetails: {},
    stage: 'finished',
    steps: [],
    attachments: [],
    parameters: [],
    start: start + index,
    stop: start + index + 1,
  }));
  const body = {
    uuid,
    name: options.name,
    fullName: `suite#${options.name}`,
    historyId: options.historyId ?? `history-${options.name}`,
    testCaseId: `case-${options.name}`,
    status: options.status ?? 'passed',
    statusDetails: options.message ? { message: options.message } : {},
    stage: 'finished',
    steps,
    attachments: options.attachments ?? [],
    parameters: [],
    labels: options.labels ?? [{ name: 'feature', value: 'payments' }],
    links: [],
    start,
    stop,
  };
  return [`${uuid}-result.json`, JSON.stringify(body)];
}

/** A results folder of the given results (plus any other files). */
export function folderOf(results: [string, string][], extra: Folder = {}): Folder {
  return { ...Object.fromEntries(results), ...extra };
}

const bytesOf = (body: string | Uint8Array) => (typeof body === 'string' ? strToU8(body) : body);

export function zipOf(folder: Folder): Buffer {
  return Buffer.from(
    zipSync(Object.fromEntries(Object.entries(folder).map(([name, body]) => [name, bytesOf(body)]))),
  );
}

export async function tarOf(folder: Folder): Promise<Buffer> {
  const tar = await packTar(
    Object.entries(folder).map(([name, body]) => ({
      header: { name, size: bytesOf(body).length, type: 'file' as const },
      body: bytesOf(body),
    })),
  );
  return Buffer.from(tar);
}

export async function tarGzOf(folder: Folder): Promise<Buffer> {
  return gzipSync(await tarOf(folder));
}

/** Uploads bytes as the body, as CI does, and answers the parsed answer. */
export async function upload(
  t: TestApp,
  caller: Caller,
  projectId: string,
  body: Buffer,
  mediaType = 'application/zip',
  query: Record<string, string> = {},
): Promise<{ status: number; body: JsonBody; headers: Record<string, unknown> }> {
  const response = await t.app.inject({
    method: 'POST',
    url: runs(projectId),
    query,
    headers: { authorization: `Bearer ${caller.token}`, 'content-type': mediaType },
    payload: body,
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

/** Waits until this app's process has imported everything queued, then answers the run. */
export async function imported(
  t: TestApp,
  caller: Caller,
  projectId: string,
  runId: string,
): Promise<JsonBody> {
  await t.services.sagas.idle();
  const run = await caller.get(runs(projectId, runId));
  expect(run.status, JSON.stringify(run.body)).toBe(200);
  return run.body;
}

/** Uploads and waits for the import; expects the upload to be accepted. */
export async function uploadAndImport(
  t: TestApp,
  caller: Caller,
  projectId: string,
  body: Buffer,
  mediaType = 'application/zip',
  query: Record<string, string> = {},
): Promise<JsonBody> {
  const answer = await upload(t, caller, projectId, body, mediaType, query);
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return imported(t, caller, projectId, answer.body.id);
}

/** How many rows of a table are left for the run (or in all, without one). */
export async function rowsLeft(t: TestApp, table: string, runId?: string): Promise<number> {
  const column = table === 'allure_report' ? 'id' : 'run_id';
  const [row] = await t.database.query<{ count: number }>(
    `select count(*)::int as count from ${table}${runId ? ` where ${column} = $1` : ''}`,
    runId ? [runId] : [],
  );
  return row?.count ?? 0;
}

// Imported runs written straight into the tables, as an import would leave them, so that the
// questions asked of runs are tested apart from the import pipeline.

export interface SeedStep {
  name: string;
  status?: TestStatus;
  kind?: 'before' | 'step' | 'after';
  durationMs?: number;
  attachments?: StoredAttachment[];
  steps?: SeedStep[];
}

export interface SeedScenario {
  historyId: string;
  testCaseId?: string | null;
  fullName?: string;
  status: TestStatus;
  statusMessage?: string;
  durationMs?: number | null;
  category?: string | null;
  retries?: TestStatus[];
  flaky?: boolean;
  muted?: boolean;
  quarantined?: boolean;
  labels?: Label[];
  owner?: string;
  feature?: string;
  suite?: string;
  severity?: string;
  tags?: string[];
  /** As the import writes it: by default the test's status in the branch's previous imported run. */
  previousStatus?: TestStatus | null;
  steps?: SeedStep[];
  attachments?: StoredAttachment[];
}

export interface SeedRun {
  branch?: string | null;
  name?: string;
  commitSha?: string;
  status?: RunStatus;
  createdAt?: Date;
  durationMs?: number;
  scenarios: SeedScenario[];
}

export const evidence = (projectId: string, rest: string) => `/api/v1/projects/${projectId}/${rest}`;

function totalsOf(scenarios: SeedScenario[]): StatusTotals {
  const totals: StatusTotals = { total: 0, passed: 0, failed: 0, broken: 0, skipped: 0, unknown: 0 };
  for (const scenario of scenarios) {
    totals.total += 1;
    totals[scenario.status] += 1;
  }
  return totals;
}

const failedCategory = (status: TestStatus) =>
  status === 'failed' ? 'Product defects' : status === 'broken' ? 'Test defects' : null;

let keys = 0;

/** Projects and runs in the test app `app()`, made by its owner unless another caller is named. */
export function evidenceKit(app: () => TestApp) {
  const db = () => app().database.db;

  /** Each test's status in the branch's latest imported run, as the import reads it. */
  async function previousStatuses(projectId: string, branch: string | null) {
    const [previous] = await db()
      .select({ id: allureReport.id })
      .from(allureReport)
      .where(
        and(
          eq(allureReport.projectId, projectId),
          branch === null ? isNull(allureReport.branch) : eq(allureReport.branch, branch),
          eq(allureReport.status, 'imported'),
        ),
      )
      .orderBy(desc(allureReport.createdAt), desc(allureReport.id))
      .limit(1);
    if (!previous) return new Map<string, TestStatus>();
    const rows = await db()
      .select({ historyId: allureScenarios.historyId, status: allureScenarios.status })
      .from(allureScenarios)
      .where(inArray(allureScenarios.runId, [previous.id]));
    return new Map(rows.map((row) => [row.historyId, row.status]));
  }

  async function insertSteps(
    ids: { workspaceId: string; runId: string; scenarioId: string },
    steps: SeedStep[],
    parentId: string | null,
  ) {
    for (const [position, step] of steps.entries()) {
      const id = uuidv7();
      await db()
        .insert(allureSteps)
        .values({
          id,
          ...ids,
          parentId,
          position,
          kind: step.kind ?? 'step',
          name: step.name,
          status: step.status ?? 'passed',
          durationMs: step.durationMs ?? null,
          attachments: step.attachments ?? [],
        });
      await insertSteps(ids, step.steps ?? [], id);
    }
  }

  return {
    async newProject(caller: Caller = app().owner): Promise<string> {
      keys += 1;
      const project = await caller.post('/api/v1/projects', { name: `Evidence ${keys}`, key: `EVD${keys}` });
      expect(project.status, JSON.stringify(project.body)).toBe(201);
      return project.body.id;
    },

    /** A run with its scenarios and steps, imported (or in the status given); its id and scenario ids. */
    async insertRun(projectId: string, run: SeedRun, caller: Caller = app().owner) {
      const branch = run.branch === undefined ? 'main' : run.branch;
      const previous = await previousStatuses(projectId, branch);
      const runId = uuidv7();
      const createdAt = run.createdAt ?? new Date();
      const status = run.status ?? 'imported';
      await db()
        .insert(allureReport)
        .values({
          id: runId,
          workspaceId: caller.workspaceId,
          projectId,
          name: run.name ?? `${branch ?? 'run'} ${createdAt.toISOString()}`,
          format: 'allure',
          branch,
          commitSha: run.commitSha ?? null,
          status,
          durationMs: run.durationMs ?? 1000,
          totals: totalsOf(run.scenarios),
          createdAt,
          updatedAt: createdAt,
          importedAt: status === 'imported' ? createdAt : null,
        });
      const scenarioIds: string[] = [];
      for (const scenario of run.scenarios) {
        const id = uuidv7();
        scenarioIds.push(id);
        const retries: RetryAttempt[] = (scenario.retries ?? []).map((attempt) => ({ status: attempt }));
        await db()
          .insert(allureScenarios)
          .values({
            id,
            workspaceId: caller.workspaceId,
            projectId,
            runId,
            resultUuid: randomUUID(),
            historyId: scenario.historyId,
            testCaseId:
              scenario.testCaseId === undefined ? `case-${scenario.historyId}` : scenario.testCaseId,
            fullName: scenario.fullName ?? `suite.${scenario.historyId}`,
            name: scenario.fullName ?? scenario.historyId,
            status: scenario.status,
            statusMessage: scenario.statusMessage ?? null,
            category: scenario.category === undefined ? failedCategory(scenario.status) : scenario.category,
            durationMs: scenario.durationMs === undefined ? 100 : scenario.durationMs,
            labels: scenario.labels ?? [],
            owner: scenario.owner ?? null,
            feature: scenario.feature ?? null,
            suite: scenario.suite ?? null,
            severity: scenario.severity ?? null,
            tags: scenario.tags ?? [],
            retries,
            flaky: scenario.flaky ?? false,
            muted: scenario.muted ?? false,
            quarantined: scenario.quarantined ?? false,
            attachments: scenario.attachments ?? [],
            previousStatus:
              scenario.previousStatus === undefined
                ? (previous.get(scenario.historyId) ?? null)
                : scenario.previousStatus,
          });
        await insertSteps(
          { workspaceId: caller.workspaceId, runId, scenarioId: id },
          scenario.steps ?? [],
          null,
        );
      }
      return { runId, scenarioIds };
    },
  };
}

/** `count` runs of `branch`, a minute apart and oldest first, each with the statuses given by test. */
export function runsOf(
  statuses: Record<string, readonly TestStatus[]>,
  start = new Date(Date.now() - 86_400_000),
) {
  const count = Math.max(...Object.values(statuses).map((list) => list.length));
  return Array.from({ length: count }, (_, index) => ({
    createdAt: new Date(start.getTime() + index * 60_000),
    scenarios: Object.entries(statuses).flatMap(([historyId, list]) => {
      const status = list[index];
      return status ? [{ historyId, status }] : [];
    }),
  }));
}
