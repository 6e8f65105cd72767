import { isDeepStrictEqual } from 'node:util';
import { diffLines } from 'diff';
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
  const picked: JsonObject = {};
  for (const key of keys) {
    const value = node[key];
    if (value !== undefined) picked[key] = value;
  }
  return picked;
}

/** The one item at which two equally long lists of objects differ, if there is exactly one. */
function singleChangedItem(
  base: Json | undefined,
  revision: Json | undefined,
): { index: number; before: JsonObject; after: JsonObject } | undefined {
  if (!Array.isArray(base) || !Array.isArray(revision) || base.length !== revision.length) return undefined;
  const changed = base.flatMap((item, index) => (isDeepStrictEqual(item, revision[index]) ? [] : [index]));
  const [index] = changed;
  if (changed.length !== 1 || index === undefined) return undefined;
  const [before, after] = [base[index], revision[index]];
  return isObject(before) && isObject(after) ? { index, before, after } : undefined;
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
    const item = singleChangedItem(before, after);
    if (item) return changedPart(item.before, item.after, [...path, `${only}[${item.index}]`]);
  }
  return { path, before: pick(base, differing), after: pick(revision, differing) };
}

function yamlText(node: JsonObject): string {
  return Object.keys(node).length === 0 ? '' : stringify(node, { lineWidth: 0 });
}

/** Lines kept on each side of a change, so a reader sees where it sits. */
const contextLines = 2;

/**
 * Two texts as the lines of a unified diff: removed lines with `-`, added ones with `+`, and up to two
 * unchanged lines either side of a change with a space (a longer unchanged run is cut to ` …`).
 */
export function lineDiff(before: string, after: string): string[] {
  const ended = (text: string) => (text.trim() === '' ? '' : `${text.trimEnd()}\n`);
  const parts = diffLines(ended(before), ended(after));
  return parts.flatMap((part, index) => {
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (part.added || part.removed) return lines.map((line) => `${part.added ? '+' : '-'}${line}`);
    const head = index > 0 ? lines.slice(0, contextLines) : [];
    const tail = index < parts.length - 1 ? lines.slice(-contextLines) : [];
    // A short run is kept whole: cutting two lines to one `…` hides more than it saves.
    const kept = lines.length <= head.length + tail.length + 2 ? lines : [...head, '…', ...tail];
    return kept.map((line) => ` ${line}`);
  });
}

/**
 * A changed part as the body of a ```diff block: a hunk header naming where it is, then the differing
 * members as YAML, the base's lines removed and the revision's added.
 */
export function changeAsDiff(change: ChangedPart): string {
  const where = change.path.length === 0 ? '(document root)' : change.path.join(' › ');
  return [`@@ ${where} @@`, ...lineDiff(yamlText(change.before), yamlText(change.after))].join('\n');
}
