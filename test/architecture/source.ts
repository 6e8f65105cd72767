import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The repository root and its `src` folder. */
export const root = path.resolve(import.meta.dirname, '../..');
export const sourceRoot = path.join(root, 'src');

/** Test code: test files, the test support folder and module test helpers. */
export function isTestCode(file: string): boolean {
  const relative = path.relative(sourceRoot, file);
  return (
    /\.test\.ts$/.test(file) ||
    relative.startsWith('test-support') ||
    /(^|\/)test-helpers\.ts$/.test(relative)
  );
}

/** Every TypeScript file below `folder`, relative to the repository root when `relative` is set. */
export function sourceFiles(folder = sourceRoot): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(full);
    }
  };
  walk(folder);
  return found.sort();
}

/** The production code of `src`: every source file that is not test code. */
export function productionFiles(): string[] {
  return sourceFiles().filter((file) => !isTestCode(file));
}

export function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** `src/modules/audit/events.ts` for a full path. */
export function display(file: string): string {
  return path.relative(root, file);
}

/** Visits every node of a file. */
export function walkNodes(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walkNodes(child, visit));
}
