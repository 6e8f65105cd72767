import { isDeepStrictEqual } from 'node:util';
import { stringify } from 'yaml';
import { isObject } from './document.ts';
import type { Json, JsonObject } from './types.ts';

/** The part of two documents that differs: where it is, and the differing members on each side. */
export interface ChangedPart {
  /** Keys from the root down to the object holding the change (`paths`, `/orders`, `get`, `parameters[0]`). */
  path: string[];
  /** The members that differ, as each side has them (empty when a side lacks them all). */
  before: JsonObject;
  after: JsonObject;
}

function pick(node: JsonObject, keys: string[]): JsonObject {
  return Object.fromEntries(keys.filter((key) => key in node).map((key) => [key, node[key] as Json]));
}

/** The one array index at which two equally long arrays of objects differ, if there is exactly one. */
function singleChangedItem(base: Json | undefined, revision: Json | undefined): number | undefined {
  if (!Array.isArray(base) || !Array.isArray(revision) || base.length !== revision.length) return undefined;
  const changed = base.flatMap((item, index) => (isDeepStrictEqual(item, revision[index]) ? [] : [index]));
  const [index] = changed;
  if (changed.length !== 1 || index === undefined) return undefined;
  return isObject(base[index]) && isObject(revision[index]) ? index : undefined;
}

/**
 * The smallest part of two documents that differs: it goes down while exactly one member of an object
 * (or one item of a list) differs on both sides, and stops at the object whose differing members it
 * then shows, so `maxLength: 40` against `maxLength: 20` rather than the whole schema.
 */
export function changedPart(base: JsonObject, revision: JsonObject, path: string[] = []): ChangedPart {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(revision)])];
  const differing = keys.filter((key) => !isDeepStrictEqual(base[key], revision[key]));
  const [only] = differing;
  if (differing.length === 1 && only !== undefined) {
    const [before, after] = [base[only], revision[only]];
    if (isObject(before) && isObject(after)) return changedPart(before, after, [...path, only]);
    const index = singleChangedItem(before, after);
    if (index !== undefined && Array.isArray(before) && Array.isArray(after))
      return changedPart(before[index] as JsonObject, after[index] as JsonObject, [
        ...path,
        `${only}[${index}]`,
      ]);
  }
  return { path, before: pick(base, differing), after: pick(revision, differing) };
}

function yamlLines(node: JsonObject): string[] {
  if (Object.keys(node).length === 0) return [];
  return stringify(node, { lineWidth: 0 }).trimEnd().split('\n');
}

/**
 * A changed part as the body of a ```diff block: a hunk header naming where it is, the base's members
 * as removed lines and the revision's as added ones.
 */
export function changeAsDiff(change: ChangedPart): string {
  const where = change.path.length === 0 ? '(document root)' : change.path.join(' › ');
  return [
    `@@ ${where} @@`,
    ...yamlLines(change.before).map((line) => `-${line}`),
    ...yamlLines(change.after).map((line) => `+${line}`),
  ].join('\n');
}
