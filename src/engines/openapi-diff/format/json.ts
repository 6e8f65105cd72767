import type { DiffResult } from '../types.ts';

const resultKeys = ['kind', 'base', 'revision', 'summary', 'operations', 'findings'];
const findingKeys = [
  'ruleId',
  'level',
  'section',
  'message',
  'operation',
  'operationKey',
  'field',
  'pointer',
  'side',
  'before',
  'after',
];

/** The object with the named keys first, in that order, then any others as they came. */
function keysFirst(value: object, keys: readonly string[]): Record<string, unknown> {
  const entries = Object.entries(value);
  const named = keys.flatMap((key) => entries.filter(([name]) => name === key));
  const rest = entries.filter(([name]) => !keys.includes(name));
  return Object.fromEntries([...named, ...rest]);
}

/**
 * The DiffResult as JSON, exactly the shape the engine and the REST API use (see types.ts), with keys
 * in a fixed order so two runs over the same documents print byte for byte the same.
 */
export function formatJson(result: DiffResult): string {
  const stable = keysFirst(
    { ...result, findings: result.findings.map((f) => keysFirst(f, findingKeys)) },
    resultKeys,
  );
  return `${JSON.stringify(stable, null, 2)}\n`;
}
