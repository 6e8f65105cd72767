// An Allure 2 results folder as a large CI suite leaves it, built by allure-js-commons' own
// ReporterRuntime (the code every allure-js adapter writes through) and written by its
// FileSystemWriter (without the fsync per file, see UnsyncedWriter), so file names, JSON shapes,
// history and test case ids are the real ones: one `<uuid>-result.json` per
// execution, one `<uuid>-container.json` per fixture, attachments, categories.json,
// environment.properties, and executor.json (which allure-js has no writer for; written to Allure's
// executor schema). Content comes from a seeded generator, so a given size and seed always give the
// same tests, statuses and messages (uuids and the order of files differ).
//   npx tsx bench/allure-results-generator.ts <folder> [results]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  type Label,
  LinkType,
  Stage,
  Status,
  type TestResult,
  type TestResultContainer,
} from 'allure-js-commons';
import { FileSystemWriter, ReporterRuntime } from 'allure-js-commons/sdk/reporter';
import { Zip, ZipDeflate } from 'fflate';

export interface GeneratedFolder {
  directory: string;
  /** `*-result.json` files: one per execution, retries included. */
  resultFiles: number;
  containerFiles: number;
  attachmentFiles: number;
  /** Distinct history ids: what a report shows as tests (a retried test counts once). */
  tests: number;
  /** Final status of each distinct test, counted. */
  totals: Record<'passed' | 'failed' | 'broken' | 'skipped', number>;
  /** Results written as an earlier attempt of a test that ran again. */
  retries: number;
  /** Steps written (nested ones included), and fixtures in containers. */
  steps: number;
  fixtures: number;
  bytes: number;
  files: number;
}

const epics = ['Payments', 'Accounts', 'Catalogue', 'Checkout', 'Notifications'];
const features = ['refunds', 'invoices', 'subscriptions', 'sign-in', 'search', 'cart', 'emails', 'exports'];
const stories = ['happy path', 'validation', 'permissions', 'concurrency', 'limits'];
const owners = ['alice', 'bruno', 'chen', 'dana', 'emeka', 'farah'];
const tags = ['smoke', 'regression', 'api', 'ui', 'slow', 'contract'];
const severities = ['blocker', 'critical', 'normal', 'normal', 'normal', 'minor', 'trivial'];
const verbs = ['creates', 'updates', 'rejects', 'lists', 'exports', 'retries', 'cancels', 'merges'];
const nouns = ['a refund', 'an invoice', 'a customer', 'a cart', 'a webhook', 'a coupon', 'an order'];
const actions = [
  'Open the page',
  'Create a customer through the API',
  'Sign in as a member',
  'Fill in the form',
  'Submit the request',
  'Wait for the job to finish',
  'Check the response body',
  'Check the audit trail',
];
const failures = [
  (n: number) => `AssertionError: expected ${400 + (n % 30)} to equal 200`,
  (n: number) => `AssertionError: expected [ 'line-${n % 7}' ] to deeply equal []`,
  (n: number) => `Error: Timed out in 5000ms waiting for [data-test=row-${n % 50}]`,
];
const breakages = [
  (n: number) => `TypeError: Cannot read properties of undefined (reading 'id${n % 5}')`,
  () => 'Error: connect ECONNREFUSED 127.0.0.1:5432',
  () => 'Error: Hook timed out in 10000ms',
];
export const benchCategories = [
  { name: 'Timeouts', matchedStatuses: [Status.FAILED, Status.BROKEN], messageRegex: '.*[Tt]imed out.*' },
  { name: 'Infrastructure problems', matchedStatuses: [Status.BROKEN], messageRegex: '.*ECONNREFUSED.*' },
  { name: 'Assertion failures', matchedStatuses: [Status.FAILED], messageRegex: 'AssertionError.*' },
  { name: 'Ignored tests', matchedStatuses: [Status.SKIPPED] },
];
// A 1×1 PNG: screenshots repeat across results, so the store should keep their bytes once.
const screenshot = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * FileSystemWriter as it is, except that results, containers and attachments are written without
 * its fsync and rename per file: the same names and the same JSON.stringify, so the same bytes,
 * but 100,000 files take seconds instead of many minutes on a disk shared with other work.
 */
class UnsyncedWriter extends FileSystemWriter {
  constructor(private readonly directory: string) {
    super({ resultsDir: directory });
    fs.mkdirSync(directory, { recursive: true });
  }
  override writeResult(result: TestResult): void {
    fs.writeFileSync(path.join(this.directory, `${result.uuid}-result.json`), JSON.stringify(result));
  }
  override writeGroup(result: TestResultContainer): void {
    fs.writeFileSync(path.join(this.directory, `${result.uuid}-container.json`), JSON.stringify(result));
  }
  override writeAttachment(distFileName: string, content: Buffer): void {
    fs.writeFileSync(path.join(this.directory, distFileName), content);
  }
}

/** mulberry32: small, fast and the same everywhere. */
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

type Outcome = Status.PASSED | Status.FAILED | Status.BROKEN | Status.SKIPPED;

interface Context {
  runtime: ReporterRuntime;
  next: () => number;
  pick: <T>(items: readonly T[]) => T;
  clock: number;
  counts: GeneratedFolder;
}

function message(outcome: Outcome, n: number, pick: Context['pick']): string | undefined {
  if (outcome === Status.FAILED) return pick(failures)(n);
  if (outcome === Status.BROKEN) return pick(breakages)(n);
  if (outcome === Status.SKIPPED) return 'skipped: the feature flag is off in this environment';
  return undefined;
}

function trace(text: string, file: string, n: number): string {
  const frames = [
    `    at Proxy.<anonymous> (node_modules/chai/lib/chai/core/assertions.js:${1000 + (n % 97)}:12)`,
    `    at ${file}:${20 + (n % 180)}:${5 + (n % 30)}`,
    '    at processTicksAndRejections (node:internal/process/task_queues:95:5)',
    '    at runTest (node_modules/@vitest/runner/dist/index.js:781:11)',
    '    at runSuite (node_modules/@vitest/runner/dist/index.js:909:15)',
    '    at runFiles (node_modules/@vitest/runner/dist/index.js:958:5)',
  ];
  return `${text}\n${frames.join('\n')}`;
}

/**
 * The steps of one execution: three to five at the top, some with one or two nested steps
 * (about five in all). A failing execution stops at its failing step, as a real one does.
 */
function writeSteps(
  context: Context,
  testUuid: string,
  outcome: Outcome,
  text: string | undefined,
  spec: TestSpec,
): void {
  const { n, file } = spec;
  const { runtime, next, pick } = context;
  const top = 3 + Math.floor(next() * 3);
  const failingAt = outcome === Status.PASSED ? -1 : Math.floor(next() * top);
  for (let index = 0; index < top; index++) {
    const failing = index === failingAt;
    const start = context.clock;
    const parameters =
      next() < 0.2 ? [{ name: 'customerId', value: `cus_${(n * 7 + index).toString(36)}` }] : [];
    const step = runtime.startStep(testUuid, undefined, { name: pick(actions), start, parameters });
    if (!step) throw new Error(`the runtime refused a step of ${testUuid}`);
    const nested = next() < 0.17 ? 1 + Math.floor(next() * 2) : 0;
    for (let child = 0; child < nested; child++) {
      const inner = runtime.startStep(testUuid, step, { name: `Request ${child + 1}`, start: context.clock });
      if (!inner) throw new Error(`the runtime refused a nested step of ${testUuid}`);
      context.clock += 1 + Math.floor(next() * 40);
      runtime.updateStep(inner, (result) => {
        result.status = Status.PASSED;
      });
      runtime.stopStep(inner, { stop: context.clock });
      context.counts.steps++;
    }
    context.clock += 2 + Math.floor(next() * 120);
    runtime.updateStep(step, (result) => {
      result.status = failing ? outcome : Status.PASSED;
      if (failing && text) result.statusDetails = { message: text, trace: trace(text, file, n) };
    });
    if (failing && n % 97 === 0) attach(context, testUuid, step, n);
    runtime.stopStep(step, { stop: context.clock });
    context.counts.steps++;
    if (failing) return;
  }
}

/** A few results carry attachments: a log of the failing step, and now and then a screenshot. */
function attach(context: Context, testUuid: string, step: string | null, n: number): void {
  const log = Array.from(
    { length: 20 },
    (_, line) => `12:00:${String(line).padStart(2, '0')} request ${n}.${line}`,
  );
  context.runtime.writeAttachment(testUuid, step, 'server log', Buffer.from(log.join('\n')), {
    contentType: 'text/plain',
  });
  context.counts.attachmentFiles++;
  if (n % 3 === 0) {
    context.runtime.writeAttachment(testUuid, step, 'screenshot', screenshot, { contentType: 'image/png' });
    context.counts.attachmentFiles++;
  }
}

interface TestSpec {
  file: string;
  suite: string;
  name: string;
  labels: Label[];
  parameters: { name: string; value: string }[];
  n: number;
}

function writeExecution(context: Context, scope: string, spec: TestSpec, outcome: Outcome): void {
  const { runtime } = context;
  const start = context.clock;
  const uuid = runtime.startTest(
    {
      name: spec.name,
      fullName: `${spec.file}#${spec.suite} ${spec.name}`,
      titlePath: [...spec.file.split('/'), spec.suite],
      labels: spec.labels,
      parameters: spec.parameters,
      links: spec.n % 10 === 0 ? [{ type: LinkType.TMS, url: `https://tms.example.test/TC-${spec.n}` }] : [],
      start,
    },
    [scope],
  );
  const text = message(outcome, spec.n, context.pick);
  if (outcome !== Status.SKIPPED) writeSteps(context, uuid, outcome, text, spec);
  context.clock += 1 + Math.floor(context.next() * 30);
  runtime.updateTest(uuid, (result) => {
    result.status = outcome;
    result.stage = Stage.FINISHED;
    if (text)
      result.statusDetails =
        outcome === Status.SKIPPED
          ? { message: text }
          : { message: text, trace: trace(text, spec.file, spec.n) };
  });
  runtime.stopTest(uuid, { stop: context.clock });
  runtime.writeTest(uuid);
  context.counts.resultFiles++;
}

function outcomeOf(roll: number): Outcome {
  if (roll < 0.9) return Status.PASSED;
  if (roll < 0.96) return Status.FAILED;
  if (roll < 0.98) return Status.BROKEN;
  return Status.SKIPPED;
}

function specOf(context: Context, file: string, suite: string, n: number, feature: string): TestSpec {
  const { pick, next } = context;
  const labels: Label[] = [
    { name: 'language', value: 'javascript' },
    { name: 'framework', value: 'vitest' },
    { name: 'host', value: 'runner-7f3c' },
    { name: 'thread', value: String(1 + (n % 4)) },
    { name: 'parentSuite', value: file.split('/')[1] ?? file },
    { name: 'suite', value: suite },
    { name: 'epic', value: epics[n % epics.length] ?? 'Payments' },
    { name: 'feature', value: feature },
    { name: 'story', value: pick(stories) },
    { name: 'severity', value: pick(severities) },
    { name: 'owner', value: pick(owners) },
    { name: 'tag', value: pick(tags) },
  ];
  if (next() < 0.3) labels.push({ name: 'tag', value: pick(tags) });
  const parameters =
    next() < 0.3
      ? [
          { name: 'currency', value: pick(['EUR', 'USD', 'SEK', 'JPY']) },
          { name: 'amount', value: String(1 + Math.floor(next() * 10_000)) },
        ]
      : [];
  return { file, suite, name: `${pick(verbs)} ${pick(nouns)} (case ${n})`, labels, parameters, n };
}

/** One test file: a scope whose beforeAll and afterAll fixtures become containers of its tests. */
function writeFile(context: Context, fileIndex: number, budget: number): void {
  const { runtime, next } = context;
  const feature = features[fileIndex % features.length] ?? 'refunds';
  const file = `test/${feature}/case-${fileIndex}.test.ts`;
  const suite = `${feature} ${stories[fileIndex % stories.length]}`;
  const scope = runtime.startScope();
  const setup = runtime.startFixture(scope, 'before', {
    name: 'start the test server',
    start: context.clock,
  });
  if (!setup) throw new Error('the runtime refused a fixture');
  context.clock += 50 + Math.floor(next() * 400);
  runtime.updateFixture(setup, (fixture) => {
    fixture.status = Status.PASSED;
  });
  runtime.stopFixture(setup, { stop: context.clock });
  let written = 0;
  while (written < budget) {
    const n = context.counts.resultFiles;
    const spec = specOf(context, file, suite, n, feature);
    const outcome = outcomeOf(next());
    // An attempt that failed before the one that counts: same name and parameters, so same history id.
    if (outcome !== Status.SKIPPED && next() < 0.02 && written + 1 < budget) {
      writeExecution(context, scope, spec, next() < 0.5 ? Status.FAILED : Status.BROKEN);
      context.counts.retries++;
      written++;
    }
    writeExecution(context, scope, spec, outcome);
    context.counts.totals[outcome]++;
    context.counts.tests++;
    written++;
  }
  const teardown = runtime.startFixture(scope, 'after', {
    name: 'stop the test server',
    start: context.clock,
  });
  if (!teardown) throw new Error('the runtime refused a fixture');
  context.clock += 5 + Math.floor(next() * 50);
  runtime.updateFixture(teardown, (fixture) => {
    fixture.status = Status.PASSED;
  });
  runtime.stopFixture(teardown, { stop: context.clock });
  runtime.writeScope(scope);
  context.counts.fixtures += 2;
  context.counts.containerFiles += 2;
}

function folderSize(directory: string): { bytes: number; files: number } {
  let bytes = 0;
  const names = fs.readdirSync(directory);
  for (const name of names) bytes += fs.statSync(path.join(directory, name)).size;
  return { bytes, files: names.length };
}

/** Writes `results` result files (retries included) into `directory`, which must not exist yet. */
export function generateAllureResults(directory: string, results: number, seed = 14): GeneratedFolder {
  const next = random(seed);
  const runtime = new ReporterRuntime({
    writer: new UnsyncedWriter(directory),
    categories: structuredClone(benchCategories),
    environmentInfo: {
      'node.version': 'v20.20.0',
      os: 'linux',
      browser: 'chromium 131',
      'api.url': 'https://staging.example.test',
    },
  });
  const counts: GeneratedFolder = {
    directory,
    resultFiles: 0,
    containerFiles: 0,
    attachmentFiles: 0,
    tests: 0,
    totals: { passed: 0, failed: 0, broken: 0, skipped: 0 },
    retries: 0,
    steps: 0,
    fixtures: 0,
    bytes: 0,
    files: 0,
  };
  const context: Context = {
    runtime,
    next,
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('nothing to pick from');
      return item;
    },
    clock: Date.UTC(2026, 11, 1, 10),
    counts,
  };
  for (let fileIndex = 0; counts.resultFiles < results; fileIndex++)
    writeFile(context, fileIndex, Math.min(results - counts.resultFiles, 5 + Math.floor(next() * 36)));
  runtime.writeCategoriesDefinitions();
  runtime.writeEnvironmentInfo();
  const executor = {
    name: 'GitLab CI',
    type: 'gitlab',
    url: 'https://gitlab.example.test',
    buildOrder: 4711,
    buildName: 'pipeline #4711',
    buildUrl: 'https://gitlab.example.test/shop/-/pipelines/4711',
    reportName: 'Allure report',
    reportUrl: 'https://gitlab.example.test/shop/-/jobs/99/artifacts/browse/allure-report',
  };
  fs.writeFileSync(path.join(directory, 'executor.json'), JSON.stringify(executor));
  return { ...counts, ...folderSize(directory) };
}

/** Zips a results folder flat (names at the root), as `zip -r ../results.zip .` would; fflate, level 6. */
export function packZip(directory: string, file: string): void {
  const out = fs.openSync(file, 'w');
  try {
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      fs.writeSync(out, chunk);
    });
    for (const name of fs.readdirSync(directory).sort()) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(fs.readFileSync(path.join(directory, name)), true);
    }
    zip.end();
  } finally {
    fs.closeSync(out);
  }
}

/** A .tar.gz of the folder's files, as `tar -czf` packs it in CI (GNU tar, gzip level 6). */
export function packTarGz(directory: string, file: string): void {
  const list = `${file}.files`;
  fs.writeFileSync(list, fs.readdirSync(directory).sort().join('\n'));
  const packed = spawnSync('tar', ['-C', directory, '-czf', file, '-T', list], { encoding: 'utf8' });
  fs.rmSync(list);
  if (packed.status !== 0) throw new Error(`tar failed: ${packed.stderr}`);
}

if (import.meta.filename === process.argv[1]) {
  const [directory, size] = process.argv.slice(2);
  if (!directory) throw new Error('usage: allure-results-generator.ts <folder> [results]');
  const started = performance.now();
  const folder = generateAllureResults(directory, Number(size ?? 1000));
  console.log(JSON.stringify({ ...folder, seconds: (performance.now() - started) / 1000 }, null, 2));
}
