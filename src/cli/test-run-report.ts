import type { ApiClient } from './api-client.ts';
import { runPath } from './test-client.ts';
import { formatDuration, originOf, problemLines, totalsLine } from './test-format.ts';
import type { CategoryCount, Page, TestRun, TestScenario } from './test-types.ts';

/** What `tests show` reads of a run (and prints with --json). */
export interface RunDetails {
  run: TestRun;
  categories: CategoryCount[];
  newFailures: TestScenario[];
  fixed: TestScenario[];
  slowest: TestScenario[];
  /** Whether there are more new failures or fixed tests than shown. */
  more: { newFailures: boolean; fixed: boolean };
}

/** The run and, once it is imported, its categories and the scenarios people look at first. */
export async function runDetails(client: ApiClient, run: TestRun, top: number): Promise<RunDetails> {
  const none = { run, categories: [], newFailures: [], fixed: [], slowest: [] };
  if (run.status !== 'imported') return { ...none, more: { newFailures: false, fixed: false } };
  const scenarios = (query: Record<string, string>) =>
    client.request<Page<TestScenario>>('GET', `${runPath(run)}/scenarios`, {
      query: { ...query, limit: top },
    });
  const [categories, newFailures, fixed, slowest] = await Promise.all([
    client.request<{ data: CategoryCount[] }>('GET', `${runPath(run)}/categories`),
    scenarios({ 'filter[change]': 'new-failure' }),
    scenarios({ 'filter[change]': 'fixed' }),
    scenarios({ sort: '-durationMs' }),
  ]);
  return {
    run,
    categories: categories.data,
    newFailures: newFailures.data,
    fixed: fixed.data,
    slowest: slowest.data,
    more: { newFailures: newFailures.nextCursor !== null, fixed: fixed.nextCursor !== null },
  };
}

const firstLine = (text: string | null) => (text ? `: ${text.split('\n')[0]}` : '');

function scenarioLines(scenarios: TestScenario[], more: boolean, top: number): string[] {
  if (scenarios.length === 0) return ['  (none)'];
  const lines = scenarios.map((s) => `  ${s.status.padEnd(7)} ${s.fullName}${firstLine(s.statusMessage)}`);
  return more ? [...lines, `  … and more (the first ${top} shown; --top for more)`] : lines;
}

/** `tests show` for people: where the run came from, its totals, then what to look at. */
export function runReport(
  { run, categories, newFailures, fixed, slowest, more }: RunDetails,
  top: number,
): string {
  const lines = [
    `${run.name}  (${run.id})`,
    `  ${run.status}, ${run.format}, ${originOf(run)}, uploaded ${run.createdAt}`,
  ];
  if (run.pipelineUrl) lines.push(`  pipeline: ${run.pipelineUrl}`);
  if (run.status === 'failed') lines.push('  Import failed:', ...problemLines(run.importErrors, '    '));
  if (run.status !== 'imported') return lines.join('\n');
  lines.push(`  ${totalsLine(run.totals)}, ran ${formatDuration(run.durationMs)}`);
  if (run.skippedFiles.length > 0) lines.push('  Skipped files:', ...problemLines(run.skippedFiles, '    '));
  const branch = run.branch ?? 'its branch';
  lines.push('', 'Failures by category:');
  lines.push(
    ...(categories.length > 0
      ? categories.map((c) => `  ${String(c.count).padStart(5)}  ${c.name}`)
      : ['  (none)']),
  );
  lines.push(
    '',
    `New failures (passed in the previous run of ${branch}):`,
    ...scenarioLines(newFailures, more.newFailures, top),
  );
  lines.push(
    '',
    `Fixed (failed in the previous run of ${branch}):`,
    ...scenarioLines(fixed, more.fixed, top),
  );
  lines.push('', 'Slowest:');
  lines.push(
    ...slowest.map(
      (s) => `  ${formatDuration(s.durationMs).padStart(9)}  ${s.status.padEnd(7)} ${s.fullName}`,
    ),
  );
  return lines.join('\n');
}
