/**
 * Prerequisites: a flag is on only when each flag it depends on evaluates to the required value. A boolean
 * requirement asks whether the parent is on (true) or off (false); any other value asks that the parent is
 * on and serves exactly that value.
 */
import type { Evaluation, FlagValue } from './model.ts';

const onReasons = new Set(['STATIC', 'TARGETING_MATCH', 'SPLIT']);

/** Whether the evaluation served the flag as on (a rule or no rules selected the context). */
export function isOn(evaluation: Evaluation): boolean {
  return onReasons.has(evaluation.reason);
}

export function sameValue(left: FlagValue, right: FlagValue): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  const leftEntries = Object.entries(left);
  const rightValues = new Map(Object.entries(right));
  if (leftEntries.length !== rightValues.size) return false;
  return leftEntries.every(
    ([key, value]) => rightValues.has(key) && sameValue(value, rightValues.get(key) ?? null),
  );
}

export function prerequisiteMet(parent: Evaluation, required: FlagValue): boolean {
  if (typeof required === 'boolean') return isOn(parent) === required;
  return isOn(parent) && sameValue(parent.value, required);
}

/**
 * The first dependency cycle among the flags, as the path that closes it (e.g. ['a', 'b', 'a']), or null.
 * Prerequisites naming flags that are not in the list are ignored.
 */
export function findPrerequisiteCycle(
  flags: readonly { key: string; prerequisites: readonly { flagKey: string }[] }[],
): string[] | null {
  const edges = new Map(flags.map((flag) => [flag.key, flag.prerequisites.map((p) => p.flagKey)]));
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (key: string): string[] | null => {
    if (onPath.has(key)) return [...path.slice(path.indexOf(key)), key];
    if (done.has(key) || !edges.has(key)) return null;
    path.push(key);
    onPath.add(key);
    for (const next of edges.get(key) ?? []) {
      const cycle = visit(next);
      if (cycle !== null) return cycle;
    }
    path.pop();
    onPath.delete(key);
    done.add(key);
    return null;
  };
  for (const flag of flags) {
    const cycle = visit(flag.key);
    if (cycle !== null) return cycle;
  }
  return null;
}
