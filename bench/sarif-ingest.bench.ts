// Ingesting a large SARIF log: one generated log of 10,000 results (50 rules over 500 files, shaped
// as ESLint's SARIF formatter writes them), then in the same run
//   - the baseline: parsing the log and reading it with the engine alone (JSON.parse + readSarif),
//   - Shipshape: a real server (`shipshape serve`) on PGlite and on PostgreSQL, the log POSTed to
//     `…/findings/sarif` three times — first (every result opened), again (every result seen again),
//     then without a tenth of them (those closed as fixed) — each answer's counts checked.
//   npm run bench -- sarif-ingest                 (PGlite, and PostgreSQL with BENCH_DATABASE_URL=postgres://…/postgres)
//   BENCH_SARIF_RESULTS=2000                      a quick run
//   BENCH_SARIF_DATABASES=pglite,postgres         which databases (default: both when possible)

import { performance } from 'node:perf_hooks';
import { readSarif } from '../src/engines/sarif/index.ts';
import {
  createProject,
  loadAverage,
  startServer,
  token,
  withScratchDataDir,
  withScratchPostgres,
} from './test-evidence-server.ts';

const resultCount = Number(process.env.BENCH_SARIF_RESULTS ?? 10_000);
const postgresUrl = process.env.BENCH_DATABASE_URL;
const databases = (process.env.BENCH_SARIF_DATABASES ?? (postgresUrl ? 'pglite,postgres' : 'pglite'))
  .split(',')
  .filter((name) => name === 'pglite' || name === 'postgres');

const rules = Array.from({ length: 50 }, (_, index) => `rule-${index}`);

function resultOf(index: number) {
  const file = `src/module-${index % 500}/file-${index % 37}.ts`;
  return {
    ruleId: rules[index % rules.length],
    ruleIndex: index % rules.length,
    level: index % 5 === 0 ? 'error' : 'warning',
    message: { text: `Finding ${index}: something the rule does not like in ${file}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: `file:///home/ci/app/${file}`, index: index % 500 },
          region: { startLine: (index % 400) + 1, startColumn: 5, endLine: (index % 400) + 1, endColumn: 20 },
        },
      },
    ],
  };
}

function logOf(count: number, skipEvery = 0): string {
  const results = [];
  for (let index = 0; index < count; index += 1)
    if (!skipEvery || index % skipEvery !== 0) results.push(resultOf(index));
  return JSON.stringify({
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'ESLint',
            version: '9.1.0',
            informationUri: 'https://eslint.org',
            rules: rules.map((id) => ({ id, shortDescription: { text: `The ${id} rule` }, properties: {} })),
          },
        },
        results,
      },
    ],
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

interface Step {
  what: string;
  seconds: number;
  counts: Record<string, number>;
}

async function upload(
  url: string,
  projectId: string,
  body: string,
): Promise<{ seconds: number; counts: Record<string, number> }> {
  const started = performance.now();
  const response = await fetch(
    `${url}/api/v1/projects/${projectId}/findings/sarif?commit=abcdef1&branch=main`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/sarif+json' },
      body,
    },
  );
  const text = await response.text();
  const seconds = (performance.now() - started) / 1000;
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${text.slice(0, 500)}`);
  return { seconds, counts: JSON.parse(text).data[0].counts };
}

async function ingestOn(database: string, environment: Record<string, string>, full: string, fewer: string) {
  const server = await startServer({ SARIF_UPLOAD_LIMIT_BYTES: String(100 * 1024 * 1024), ...environment });
  try {
    const projectId = await createProject(server.url, `SARIF${database.slice(0, 2).toUpperCase()}`);
    const steps: Step[] = [];
    const first = await upload(server.url, projectId, full);
    steps.push({ what: 'first upload (all opened)', ...first });
    const again = await upload(server.url, projectId, full);
    steps.push({ what: 'same log again (all seen again)', ...again });
    const less = await upload(server.url, projectId, fewer);
    steps.push({ what: 'a tenth gone (closed as fixed)', ...less });
    const expected = [
      first.counts.opened === resultCount,
      again.counts.seenAgain === resultCount,
      less.counts.closed === resultCount / 10 && less.counts.seenAgain === (resultCount * 9) / 10,
    ];
    if (expected.includes(false)) throw new Error(`unexpected counts: ${JSON.stringify(steps)}`);
    return steps;
  } finally {
    await server.stop();
  }
}

const full = logOf(resultCount);
const fewer = logOf(resultCount, 10);
const baseline: number[] = [];
for (let attempt = 0; attempt < 5; attempt += 1) {
  const started = performance.now();
  const reading = readSarif(JSON.parse(full));
  baseline.push((performance.now() - started) / 1000);
  if (!reading.ok || reading.runs[0]?.results.length !== resultCount)
    throw new Error('the engine misread the log');
}
console.log(
  `${resultCount} results, ${(full.length / 1024 / 1024).toFixed(1)} MB of SARIF; load ${loadAverage()}`,
);
const rows: string[] = [
  '| database | step | wall s | × baseline | counts |',
  '| --- | --- | ---: | ---: | --- |',
  `| — | baseline: JSON.parse + readSarif (median of 5) | ${median(baseline).toFixed(3)} | 1.0 | ${resultCount} results |`,
];
for (const database of databases) {
  const steps =
    database === 'pglite'
      ? await withScratchDataDir((dataDir) => ingestOn(database, { DATA_DIR: dataDir }, full, fewer))
      : await withScratchPostgres(postgresUrl ?? '', (url) =>
          ingestOn(database, { DATABASE_URL: url }, full, fewer),
        );
  for (const step of steps) {
    const { opened, seenAgain, closed } = step.counts;
    rows.push(
      `| ${database} | ${step.what} | ${step.seconds.toFixed(2)} | ${(step.seconds / median(baseline)).toFixed(1)} | opened ${opened}, seen again ${seenAgain}, closed ${closed} |`,
    );
  }
}
console.log(rows.join('\n'));
console.log(`load after: ${loadAverage()}`);
