/**
 * Builds the web UI into web/dist when its sources changed since the last build (a hash of the
 * sources is kept in web/dist/.source-hash), so `npm install` and `npm start` can both call it and
 * only the first pays. Without Vite (an install that omitted dev dependencies) it says so and
 * leaves the server to show its "not built" page.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'web');
const hashFile = join(web, 'dist', '.source-hash');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** A hash of everything the build reads: the UI's sources, the server code it imports, its config and the locked dependencies. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...sourceFiles(join(web, 'src')),
    join(web, 'index.html'),
    join(web, 'vite.config.ts'),
    join(root, 'package-lock.json'),
    // Server code the UI shares: the PRD lint rules, the search languages and the flag engine's names.
    join(root, 'src', 'modules', 'prd-reviews', 'lint.ts'),
    join(root, 'src', 'core', 'search', 'languages.ts'),
    join(root, 'src', 'engines', 'flag-eval', 'model.ts'),
  ];
  for (const file of files) hash.update(file.slice(root.length)).update(readFileSync(file));
  return hash.digest('hex');
}

export async function buildWeb(options: { force?: boolean } = {}): Promise<'built' | 'fresh' | 'skipped'> {
  const hash = sourceHash();
  if (!options.force && existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash) return 'fresh';
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    console.warn('web UI not built: Vite is not installed (dev dependencies omitted).');
    return 'skipped';
  }
  await vite.build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(hashFile, hash);
  return 'built';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await buildWeb({ force: process.argv.includes('--force') });
  if (result === 'built') console.log('built the web UI into web/dist');
}
