// Child process of flaky-analysis.bench.ts: the real server, which on request (over IPC) seeds a
// project's test history straight into allure_report and allure_scenarios on its own database
// handle (PGlite allows no second process), with previous_status filled as the importer fills it,
// and times a hand-written SQL answer of the same question (the baseline: no API, no paging).
import { uuidv7 } from 'uuidv7';
import { loadConfig } from '../src/config.ts';
import type { DatabaseHandle } from '../src/db/connection.ts';
import { startServer } from '../src/server.ts';

export interface SeedRequest {
  kind: 'seed';
  projectId: string;
  runs: number;
  tests: number;
  /** Runs of another branch, interleaved, that the analysis must leave out. */
  otherRuns: number;
}
export interface BaselineRequest {
  kind: 'baseline';
  projectId: string;
  runs: number;
  repeat: number;
}

/** mulberry32, as the results generator: the same history every time. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A test's behaviour over the runs: most always pass; some flip at random (flaky), some always fail
 * or are always skipped, some start failing at one run (a regression: one flip), and some pass only
 * after a retry now and then.
 */
function statusOf(test: number, run: number, next: () => number): { status: string; retried: boolean } {
  const kind = test % 100;
  if (kind < 90) return { status: 'passed', retried: false };
  if (kind < 94)
    return { status: next() < 0.3 ? (next() < 0.7 ? 'failed' : 'broken') : 'passed', retried: false };
  if (kind < 96) return { status: test % 2 ? 'failed' : 'broken', retried: false };
  if (kind < 98) return { status: 'skipped', retried: false };
  if (kind < 99) return { status: run >= 100 + (test % 80) ? 'failed' : 'passed', retried: false };
  return { status: 'passed', retried: next() < 0.3 };
}

const scenarioColumns =
  'id, workspace_id, project_id, run_id, result_uuid, history_id, test_case_id, full_name, name, status, status_message, started_at, stopped_at, duration_ms, suite, feature, severity, retries, flaky, previous_status, created_at';

async function insertRun(
  database: DatabaseHandle,
  scope: { workspaceId: string; projectId: string },
  branch: string,
  at: Date,
  statuses: { status: string; retried: boolean }[],
  previous: string[] | null,
): Promise<void> {
  const runId = uuidv7();
  const count = (status: string) => statuses.filter((entry) => entry.status === status).length;
  const totals = {
    total: statuses.length,
    passed: count('passed'),
    failed: count('failed'),
    broken: count('broken'),
    skipped: count('skipped'),
    unknown: 0,
  };
  const stoppedAt = new Date(at.getTime() + 600_000);
  await database.query(
    `insert into allure_report (id, workspace_id, project_id, name, format, commit_sha, branch, status, files_total, files_read, imported_at, started_at, stopped_at, duration_ms, totals, created_at, updated_at)
     values ($1, $2, $3, $4, 'allure', $5, $6, 'imported', $7, $7, $8, $9, $8, 600000, $10::jsonb, $8, $8)`,
    [
      runId,
      scope.workspaceId,
      scope.projectId,
      `${branch} ${at.toISOString()}`,
      runId.replaceAll('-', '').slice(0, 12),
      branch,
      statuses.length,
      stoppedAt,
      at,
      JSON.stringify(totals),
    ],
  );
  const ids = statuses.map(() => uuidv7());
  const historyIds = statuses.map((_, test) => `history-${test}`);
  await database.query(
    `insert into allure_scenarios (${scenarioColumns})
     select id, $1, $2, $3, id::text, history_id, history_id, 'test/flaky.test.ts#' || history_id, history_id, status,
            case when status in ('failed', 'broken') then 'AssertionError: expected 500 to equal 200' end,
            $4::timestamptz, $4::timestamptz + make_interval(secs => duration / 1000.0), duration, 'flaky suite', 'checkout', 'normal',
            case when retried then '[{"status":"failed","statusMessage":"Error: Timed out in 5000ms"}]'::jsonb else '[]'::jsonb end,
            false, previous, $5
     from unnest($6::uuid[], $7::text[], $8::text[], $9::bigint[], $10::boolean[], $11::text[])
       as input(id, history_id, status, duration, retried, previous)`,
    [
      scope.workspaceId,
      scope.projectId,
      runId,
      at,
      stoppedAt,
      ids,
      historyIds,
      statuses.map((entry) => entry.status),
      statuses.map((_, test) => 20 + ((test * 37) % 2000)),
      statuses.map((entry) => entry.retried),
      previous ?? statuses.map(() => null),
    ],
  );
}

async function seed(
  database: DatabaseHandle,
  request: SeedRequest,
): Promise<{ seconds: number; otherRuns: number }> {
  const started = performance.now();
  const [project] = await database.query<{ workspace_id: string }>(
    'select workspace_id from projects where id = $1',
    [request.projectId],
  );
  if (!project) throw new Error(`no project ${request.projectId}`);
  const scope = { workspaceId: project.workspace_id, projectId: request.projectId };
  const next = random(200);
  const first = Date.UTC(2026, 5, 1);
  let previousMain: string[] | null = null;
  let previousOther: string[] | null = null;
  let otherRuns = 0;
  const otherEvery = request.otherRuns > 0 ? Math.floor(request.runs / request.otherRuns) : 0;
  for (let run = 0; run < request.runs; run++) {
    const statuses = Array.from({ length: request.tests }, (_, test) => statusOf(test, run, next));
    await insertRun(database, scope, 'main', new Date(first + run * 3_600_000), statuses, previousMain);
    previousMain = statuses.map((entry) => entry.status);
    // The other branch runs between two runs of main, never last, so `main` stays the default branch.
    if (otherEvery && run % otherEvery === 0 && run + 1 < request.runs) {
      const other = Array.from({ length: request.tests }, (_, test) => statusOf(test + 7, run, next));
      await insertRun(
        database,
        scope,
        'feature/checkout',
        new Date(first + run * 3_600_000 + 60_000),
        other,
        previousOther,
      );
      previousOther = other.map((entry) => entry.status);
      otherRuns++;
    }
  }
  await database.exec('analyze allure_report; analyze allure_scenarios;');
  return { seconds: (performance.now() - started) / 1000, otherRuns };
}

/** The question in one hand-written statement: flips between consecutive runs, retried passes. */
const baselineSql = `
with recent as (
  select id, created_at from allure_report
  where project_id = $1 and branch = 'main' and status = 'imported'
  order by created_at desc limit $2
), results as (
  select s.test_case_id, s.status, r.created_at,
         s.status = 'passed' and jsonb_array_length(s.retries) > 0 as retried_pass,
         lag(s.status) over (partition by s.test_case_id order by r.created_at) as before
  from allure_scenarios s join recent r on r.id = s.run_id
  where s.status in ('passed', 'failed', 'broken')
), flips as (
  select test_case_id, count(*) as runs,
         count(*) filter (where before is not null and (before = 'passed') <> (status = 'passed')) as flips,
         count(*) filter (where retried_pass) as retried_passes
  from results group by test_case_id
)
select * from flips where flips > 0 or retried_passes > 0
order by flips::float / runs desc, test_case_id limit 50`;

async function baseline(database: DatabaseHandle, request: BaselineRequest): Promise<number[]> {
  const timings: number[] = [];
  for (let index = 0; index < request.repeat; index++) {
    const started = performance.now();
    await database.query(baselineSql, [request.projectId, request.runs]);
    timings.push(performance.now() - started);
  }
  return timings;
}

const running = await startServer(loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' }), () => {});
process.stdout.write(`listening on ${running.url}\n`);
process.on('message', (message: SeedRequest | BaselineRequest) => {
  const work =
    message.kind === 'seed' ? seed(running.database, message) : baseline(running.database, message);
  work.then(
    (result) => process.send?.({ ok: true, result }),
    (error: unknown) => process.send?.({ ok: false, error: String(error) }),
  );
});
const stop = async () => {
  await running.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
