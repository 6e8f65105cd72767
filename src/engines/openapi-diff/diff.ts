import { isObject } from './document.ts';
import { DiffRun } from './rule-set.ts';
import { rules as catalogue } from './rules/index.ts';
import type { DiffOptions, DiffResult, OpenApiDocument, Rule } from './types.ts';
import { walkDocuments } from './walk.ts';

function infoOf(document: OpenApiDocument): { title: string | null; version: string | null } {
  const info = isObject(document.info) ? document.info : {};
  return {
    title: typeof info.title === 'string' ? info.title : null,
    version: typeof info.version === 'string' ? info.version : null,
  };
}

/**
 * Compares two versions of an OpenAPI document and lists every change with its level: ERR breaks
 * existing clients, WARN may, INFO does not. Pure and synchronous: the documents are already loaded.
 */
export function diffOpenApi(
  base: OpenApiDocument,
  revision: OpenApiDocument,
  options: DiffOptions = {},
  rules: readonly Rule[] = catalogue,
): DiffResult {
  const run = new DiffRun({ base, revision }, rules, options);
  const operations = walkDocuments(run);
  const findings = run.collector.findings;
  const summary = { ERR: 0, WARN: 0, INFO: 0 };
  for (const finding of findings) summary[finding.level]++;
  return { kind: 'openapi', base: infoOf(base), revision: infoOf(revision), findings, summary, operations };
}
