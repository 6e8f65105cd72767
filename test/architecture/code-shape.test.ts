import fs from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { display, parse, productionFiles, walkNodes } from './source.ts';

// Measures of the production code that reviews kept finding: long functions, type assertions that
// hide what the types should say, timers where the job queue belongs, and versions bumped by hand.

const longestFunction = 80;
/** Type assertions (`x as T`; `as const` is not one) across src/, outside tests. */
const assertionBudget = 60;

function isFunction(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isGetAccessor(node)
  );
}

describe('the production code', () => {
  const files = productionFiles().filter((file) => !file.includes('/db/migrations/'));

  it(`has no function over ${longestFunction} lines`, () => {
    const long: string[] = [];
    for (const file of files) {
      const source = parse(file);
      walkNodes(source, (node) => {
        if (!isFunction(node) || !node.body) return;
        const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        // A function that only returns a declaration (a route, a resource) is a value, not logic.
        if (end - start + 1 > longestFunction)
          long.push(`${display(file)}:${start + 1} (${end - start + 1} lines)`);
      });
    }
    expect(long).toEqual([]);
  });

  it(`uses at most ${assertionBudget} type assertions`, () => {
    const assertions: string[] = [];
    for (const file of files) {
      const source = parse(file);
      walkNodes(source, (node) => {
        if (!(ts.isAsExpression(node) || ts.isTypeAssertionExpression(node))) return;
        if (ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(source) === 'const') return;
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        assertions.push(`${display(file)}:${line}`);
      });
    }
    expect(assertions.length, assertions.join('\n')).toBeLessThanOrEqual(assertionBudget);
  });

  it('schedules recurring work on the job queue: timers only poll subscribers and flush the access log', () => {
    const timers = files.filter((file) => /\bsetInterval\(/.test(fs.readFileSync(file, 'utf8'))).map(display);
    expect(timers).toEqual(['src/core/events/subscribe.ts']);
  });

  it('bumps versions in one place only, the resource layer', () => {
    // A write that moves a row's version on: `set({ version: sql`${table.version} + 1` })`.
    const byHand = files
      .filter((file) => /\$\{[\w.]*version\}\s*\+\s*1/.test(fs.readFileSync(file, 'utf8')))
      .map(display)
      .filter((file) => !file.startsWith('src/core/resource/'));
    expect(byHand).toEqual([]);
  });
});
