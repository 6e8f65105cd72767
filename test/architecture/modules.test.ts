import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shipshapeModules } from '../../src/modules/index.ts';
import { display, isTestCode, sourceFiles, sourceRoot } from './source.ts';

// Every module has the same anatomy (docs/architecture.md, "A module"), so that whoever opens one
// knows where each thing is, and every new module copies the same pattern.

const modulesRoot = path.join(sourceRoot, 'modules');
const moduleNames = fs
  .readdirSync(modulesRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function filesOf(name: string): string[] {
  return sourceFiles(path.join(modulesRoot, name)).filter((file) => !isTestCode(file));
}

/** Route files: `routes.ts` or anything under `routes/`. */
function routeFiles(name: string): string[] {
  return filesOf(name).filter((file) => /\/routes(\.ts|\/)/.test(path.relative(modulesRoot, file)));
}

describe('every module', () => {
  it('is installed by the app, once, under its folder name', () => {
    expect(shipshapeModules.map((module) => module.name).sort()).toEqual(moduleNames);
  });

  it.each(moduleNames)(
    '%s has index.ts declaring the module, contracts.ts for its shapes, tables.ts if it owns tables',
    (name) => {
      const files = filesOf(name).map((file) => path.relative(path.join(modulesRoot, name), file));
      const index = fs.readFileSync(path.join(modulesRoot, name, 'index.ts'), 'utf8');
      expect(index).toMatch(/export const \w+Module = defineModule\(/);
      const module = shipshapeModules.find((candidate) => candidate.name === name);
      if ((module?.tables?.length ?? 0) > 0) expect(files).toContain('tables.ts');
      if (routeFiles(name).length > 0)
        expect(files.some((file) => /^contracts(\.ts|\/)/.test(file))).toBe(true);
      // "schema" says neither "database" nor "zod": tables.ts and contracts.ts say which.
      expect(files.filter((file) => /(^|\/)schemas?\.ts$/.test(file))).toEqual([]);
    },
  );

  it.each(moduleNames)(
    '%s keeps its routes thin: no SQL, no transactions, no permission checks of their own',
    (name) => {
      const offences: string[] = [];
      for (const file of routeFiles(name)) {
        const text = fs.readFileSync(file, 'utf8');
        const patterns: [RegExp, string][] = [
          [/\.transaction\(/, 'opens a transaction'],
          [/\bsql`/, 'writes SQL'],
          [/\.(select|insert|update|delete|execute)\(/, 'builds a query'],
          [/\bauthorize\(/, 'checks a permission (the route declares it; the authentication hook checks it)'],
          [/\bsystemDatabase\b/, 'reaches the unbound database'],
        ];
        for (const [pattern, what] of patterns)
          if (pattern.test(text)) offences.push(`${display(file)} ${what}`);
      }
      expect(offences).toEqual([]);
    },
  );

  it('registers nothing on import: no module has a side-effect import', () => {
    const sideEffects = sourceFiles(modulesRoot)
      .filter((file) => !isTestCode(file))
      .filter((file) => /^import '[^']+';$/m.test(fs.readFileSync(file, 'utf8')))
      .map(display);
    expect(sideEffects).toEqual([]);
  });
});
