// GitHub's REST API description as published in the npm package @octokit/openapi, fetched at run
// time with `npm pack` into a cache under the system's temporary folder (reused when present), so
// nothing of it is committed. The package ships each description twice: `api.github.com.json`
// with its `$ref`s (what a team keeps in its repository, and what the diff must follow) and
// `api.github.com.deref.json` with every `$ref` inlined; the benchmark uses the first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const descriptionPackage = '@octokit/openapi';
export const descriptionFile = 'package/generated/api.github.com.json';
const cacheRoot = path.join(os.tmpdir(), 'shipshape-bench', 'octokit-openapi');

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) {
    const reason = result.error?.message ?? result.stderr.toString().slice(-2000);
    throw new Error(`${command} ${args.join(' ')} failed: ${reason}`);
  }
  return result.stdout.toString();
}

/** The npm pack report: one entry per packed package, with the file name it wrote. */
function packedFileName(report: string): string {
  const parsed: unknown = JSON.parse(report);
  const first: unknown = Array.isArray(parsed) ? parsed[0] : undefined;
  const filename = typeof first === 'object' && first !== null ? Reflect.get(first, 'filename') : undefined;
  if (typeof filename !== 'string')
    throw new Error(`npm pack did not name its file: ${report.slice(0, 500)}`);
  return filename;
}

/**
 * The path of GitHub's description at one version of the package, downloading it on first use.
 * The file is moved into place only once complete, so an interrupted download is not reused.
 */
export function githubDescription(version: string): string {
  const folder = path.join(cacheRoot, version);
  const target = path.join(folder, path.basename(descriptionFile));
  if (fs.existsSync(target)) return target;
  fs.mkdirSync(folder, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(folder, 'download-'));
  try {
    const report = run(
      'npm',
      ['pack', `${descriptionPackage}@${version}`, '--pack-destination', scratch, '--json', '--silent'],
      scratch,
    );
    const tarball = path.join(scratch, packedFileName(report));
    run('tar', ['-xzf', tarball, '-C', scratch, descriptionFile], scratch);
    fs.renameSync(path.join(scratch, descriptionFile), target);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return target;
}
