// Runs the sample suite in test/fixtures/allure-sample under allure-vitest, so tests can import the
// results folder a real Allure adapter writes (passed, failed, broken, skipped, retried tests with
// steps, parameters and an attachment) instead of a hand-written imitation.

import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const config = path.join(root, 'test/fixtures/allure-sample/vitest.config.ts');

function vitestBin(): string {
  const manifest = createRequire(import.meta.url).resolve('vitest/package.json');
  return path.join(path.dirname(manifest), 'vitest.mjs');
}

/** The environment without the outer Vitest's variables, so the inner run is a run of its own. */
function childEnvironment(outDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('VITEST') && key !== 'NODE_OPTIONS' && key !== 'TEST') env[key] = value;
  }
  return { ...env, ALLURE_SAMPLE_RESULTS: outDir, FORCE_COLOR: '0', CI: 'true' };
}

/** Runs the sample suite once; answers Vitest's exit code and output. */
async function runSample(outDir: string, extra: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [vitestBin(), 'run', '--config', config, ...extra], {
    cwd: root,
    env: { ...childEnvironment(outDir), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  return { code, output };
}

/**
 * Writes an allure-results folder into `outDir` by running the sample suite with allure-vitest:
 * the whole suite, and (at the same time, as the two do not depend on each other) a rerun of the
 * test that failed on the first run, as CI reruns do. The suite fails on purpose, so Vitest's exit
 * code 1 is expected; anything else, or a folder without results, rejects with the runs' output.
 */
export async function produceAllureSample(outDir: string): Promise<void> {
  const folder = path.resolve(outDir);
  await fs.mkdir(folder, { recursive: true });
  const cache = await fs.mkdtemp(path.join(os.tmpdir(), 'allure-sample-cache-'));
  const runs = await Promise.all([
    runSample(folder, [], { ALLURE_SAMPLE_CACHE: path.join(cache, 'first') }),
    runSample(folder, ['-t', 'confirms the order'], {
      ALLURE_SAMPLE_RERUN: '1',
      ALLURE_SAMPLE_CACHE: path.join(cache, 'rerun'),
    }),
  ]).finally(() => fs.rm(cache, { recursive: true, force: true }));
  const written = await fs.readdir(folder);
  const failed = runs.find(({ code }) => code !== 0 && code !== 1);
  if (failed || written.filter((file) => file.endsWith('-result.json')).length < 7) {
    const output = runs.map((run) => `exit ${run.code}:\n${run.output.slice(-3000)}`).join('\n');
    throw new Error(`the Allure sample suite did not write its results:\n${output}`);
  }
}
