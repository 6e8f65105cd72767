// Optic's open-source CLI (@useoptic/optic), installed at run time into a cache under the system's
// temporary folder (never a project dependency) and run on two files with no login and no network:
//   optic diff <base> <revision> --check --standard standard.yml --validation loose --json
// with CI=true, so it also writes its check results to ci-run-details.json in its working folder.
// The standard is Optic's own breaking-changes ruleset with `skip_when_major_version_changes`
// off: by default Optic skips every breaking-change check when info.version changes major, as it
// does from 22.0.0 to 23.0.2, and reports nothing.
//
// Two adjustments, both needed for it to run at all on GitHub's description:
// - ajv is pinned to one version for the whole tree (npm `overrides`). A plain install resolves
//   Optic's exact ajv 8.17.1 at the top and a nested ajv 8.20.0 under @stoplight/spectral-core
//   (which asks for ^8.18.0); ajv-errors then compiles with the other copy and every `optic`
//   command dies at start-up with `SyntaxError: Unexpected token ':'` (stoplightio/spectral#2946).
// - `--validation loose`: the default strict validation rejects the description (schemas of type
//   array that also list `required`, in /repos/{owner}/{repo}/dependency-graph/sbom).
// Install scripts are not run (--ignore-scripts): the tree has two, @scarf/scarf's postinstall
// (install analytics sent to scarf.sh) and es5-ext's (a message printed once); neither is needed
// to run the CLI, and no package downloads a binary.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const opticVersion = '1.0.9';
const ajvVersion = '8.20.0';
const cacheFolder = path.join(os.tmpdir(), 'shipshape-bench', `optic-${opticVersion}`);
const entryPoint = path.join(cacheFolder, 'node_modules/@useoptic/optic/build/index.js');

/** Where Optic runs: a folder outside any git repository, so it compares exactly the two files. */
export const opticWorkFolder = path.join(cacheFolder, 'work');

/** Installs Optic on first use; gives the path of its CLI script, or the reason it could not. */
export function installOptic(): { script: string } | { error: string } {
  if (fs.existsSync(entryPoint)) return { script: entryPoint };
  fs.mkdirSync(cacheFolder, { recursive: true });
  fs.writeFileSync(
    path.join(cacheFolder, 'package.json'),
    `${JSON.stringify({ private: true, overrides: { ajv: ajvVersion } }, null, 2)}\n`,
  );
  const result = spawnSync(
    'npm',
    [
      'install',
      '--no-save',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--prefix',
      cacheFolder,
      `@useoptic/optic@${opticVersion}`,
    ],
    { cwd: cacheFolder, maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0 || !fs.existsSync(entryPoint)) {
    return { error: `npm install failed: ${result.error?.message ?? result.stderr.toString().slice(-1500)}` };
  }
  return { script: entryPoint };
}

const standardFile = path.join(opticWorkFolder, 'standard.yml');
const yamlMemo = path.join(import.meta.dirname, 'optic-yaml-memo.cjs');

/**
 * The node arguments that run `optic diff` on two files. `memoisedYaml` preloads
 * bench/optic-yaml-memo.cjs, a diagnostic that parses each file as YAML once instead of once per
 * property moved out of an `allOf` (same results; see that file).
 */
export function opticArguments(
  script: string,
  files: { base: string; revision: string },
  memoisedYaml = false,
): string[] {
  fs.mkdirSync(opticWorkFolder, { recursive: true });
  fs.writeFileSync(
    standardFile,
    'ruleset:\n  - breaking-changes:\n      skip_when_major_version_changes: false\n',
  );
  return [
    ...(memoisedYaml ? ['--require', yamlMemo] : []),
    script,
    'diff',
    files.base,
    files.revision,
    '--check',
    '--standard',
    standardFile,
    '--validation',
    'loose',
    '--json',
  ];
}

/** No telemetry (Segment, Sentry), no update check, CI mode for the results file. */
export function opticEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, OPTIC_TELEMETRY_LEVEL: 'off', NO_UPDATE_NOTIFIER: '1', CI: 'true' };
}

export const opticResultsFile = path.join(opticWorkFolder, 'ci-run-details.json');

export interface OpticCounts {
  /** Failed checks by Optic's severity (its breaking-changes standard reports them as errors). */
  failedChecks: { error: number; warn: number; info: number };
  /** Checks that ran and passed. */
  passedChecks: number;
  /** Endpoints its changelog lists as added, removed or changed. */
  endpoints: { added: number; removed: number; changed: number };
}

const severityNames = ['info', 'warn', 'error'] as const;

function field(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    current = typeof current === 'object' && current !== null ? Reflect.get(current, key) : undefined;
  }
  return current;
}

/** Reads what Optic reported: its check results (CI file) and its changelog (stdout). */
export function countOpticFindings(stdout: string): OpticCounts {
  const details: unknown = JSON.parse(fs.readFileSync(opticResultsFile, 'utf8'));
  const completed = field(details, 'completed');
  const results = field(Array.isArray(completed) ? completed[0] : undefined, 'comparison', 'results');
  const failedChecks = { error: 0, warn: 0, info: 0 };
  let passedChecks = 0;
  for (const result of Array.isArray(results) ? results : []) {
    if (field(result, 'passed') === true || field(result, 'exempted') === true) {
      passedChecks += 1;
      continue;
    }
    const severity = severityNames[Number(field(result, 'severity'))] ?? 'error';
    failedChecks[severity] += 1;
  }
  return { failedChecks, passedChecks, endpoints: countChangelogEndpoints(stdout) };
}

function countChangelogEndpoints(stdout: string): OpticCounts['endpoints'] {
  const endpoints = { added: 0, removed: 0, changed: 0 };
  const listed = field(JSON.parse(stdout), 'operations');
  for (const operation of Array.isArray(listed) ? listed : []) {
    const change = field(operation, 'change');
    if (change === 'added' || change === 'removed' || change === 'changed') endpoints[change] += 1;
  }
  return endpoints;
}
