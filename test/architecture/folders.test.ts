import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { display, parse, productionFiles, sourceRoot, walkNodes } from './source.ts';

/**
 * The unit a file belongs to: `db`, `cli`, a core mechanism (`core/events`), a module
 * (`modules/audit`), an engine, or the top-level files of `src`.
 */
function unitOf(file: string): string {
  const parts = path.relative(sourceRoot, file).split(path.sep);
  if (parts.length === 1) return '(top level)';
  if (['core', 'modules', 'engines'].includes(parts[0] ?? '')) return parts.slice(0, 2).join('/');
  return parts[0] ?? '';
}

/** Every relative import and export of production code (type-only ones too), as unit → unit edges. */
function importEdges(): Map<string, Map<string, string[]>> {
  const edges = new Map<string, Map<string, string[]>>();
  for (const file of productionFiles()) {
    walkNodes(parse(file), (node) => {
      if (!(ts.isImportDeclaration(node) || ts.isExportDeclaration(node))) return;
      const specifier = node.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), specifier.text);
      const [from, to] = [unitOf(file), unitOf(target)];
      if (from === to) return;
      const targets = edges.get(from) ?? new Map<string, string[]>();
      edges.set(from, targets);
      targets.set(to, [...(targets.get(to) ?? []), `${display(file)} → ${specifier.text}`]);
    });
  }
  return edges;
}

/** Groups of units that import each other, directly or around a loop (Tarjan's algorithm). */
function cycles(edges: Map<string, Map<string, string[]>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (unit: string) => {
    index.set(unit, index.size);
    low.set(unit, index.get(unit) ?? 0);
    stack.push(unit);
    onStack.add(unit);
    for (const next of edges.get(unit)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(unit, Math.min(low.get(unit) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(unit, Math.min(low.get(unit) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(unit) !== index.get(unit)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member) {
        onStack.delete(member);
        group.push(member);
      }
    } while (member && member !== unit);
    if (group.length > 1) found.push(group.sort());
  };
  for (const unit of edges.keys()) if (!index.has(unit)) visit(unit);
  return found;
}

describe('the layout', () => {
  const edges = importEdges();

  it('has no cycles between folders: each mechanism and module depends only on what is below it', () => {
    const described = cycles(edges).map((group) =>
      group
        .flatMap((from) =>
          group.flatMap((to) =>
            (edges.get(from)?.get(to) ?? []).slice(0, 2).map((line) => `${from} → ${to}: ${line}`),
          ),
        )
        .join('\n'),
    );
    expect(described).toEqual([]);
  });

  it('keeps db/ free of everything above it and core/ free of modules', () => {
    const wrong: string[] = [];
    for (const [from, targets] of edges) {
      for (const [to, lines] of targets) {
        if (from === 'db' || (from.startsWith('core/') && to.startsWith('modules/'))) wrong.push(...lines);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps engines pure: no other folder of src, no file system, network or processes', () => {
    const io = /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|dgram|worker_threads)$/;
    const wrong: string[] = [];
    for (const file of productionFiles().filter((candidate) => unitOf(candidate).startsWith('engines/'))) {
      walkNodes(parse(file), (node) => {
        if (!(ts.isImportDeclaration(node) || ts.isExportDeclaration(node))) return;
        const specifier = node.moduleSpecifier;
        if (!specifier || !ts.isStringLiteral(specifier)) return;
        const text = specifier.text;
        const leaves =
          text.startsWith('.') && unitOf(path.resolve(path.dirname(file), text)) !== unitOf(file);
        if (leaves || io.test(text)) wrong.push(`${display(file)} → ${text}`);
      });
    }
    expect(wrong).toEqual([]);
  });

  it('finds the graph it checks', () => {
    expect(edges.get('modules/decision-logs')?.has('core/resource')).toBe(true);
  });
});
