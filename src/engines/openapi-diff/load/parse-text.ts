import { LineCounter, parseDocument } from 'yaml';
import type { Json, JsonObject } from '../types.ts';
import { ContractLoadError } from './errors.ts';

/** Deeper than any real contract; deep enough nesting would otherwise overflow the recursive steps after parsing. */
export const maxNesting = 1000;

/**
 * Parses a JSON or YAML document. JSON is read by `JSON.parse` (fast); text that is not JSON, and
 * JSON with a mistake, go through the YAML parser, which accepts JSON too and says where a mistake is.
 */
export function parseStructuredText(text: string, file: string): Json {
  const value = parseJsonOrYaml(text, file);
  if (nestingDepth(value) > maxNesting) {
    throw new ContractLoadError('parse-error', `${file} is nested more than ${maxNesting} levels deep`, {
      file,
    });
  }
  return value;
}

function parseJsonOrYaml(text: string, file: string): Json {
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    try {
      return JSON.parse(text);
    } catch {
      // Fall through: YAML reads most JSON mistakes' positions, and accepts what JSON.parse alone rejects.
    }
  }
  const lineCounter = new LineCounter();
  // prettyErrors off: the message is one line, the position is given as line and column below.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new ContractLoadError(
      'parse-error',
      `${file} line ${line}, column ${col}: ${firstLine(error.message)}`,
      {
        file,
        line,
        column: col,
      },
    );
  }
  try {
    // Aliases are expanded, up to yaml's cap: a "billion laughs" document is refused, not expanded.
    return document.toJS();
  } catch (expansion) {
    const reason = expansion instanceof Error ? expansion.message : String(expansion);
    throw new ContractLoadError('parse-error', `${file}: ${reason}`, { file });
  }
}

/** How deep arrays and objects nest in a value, measured without recursion. */
function nestingDepth(root: Json): number {
  let deepest = 0;
  const stack: [Json, number][] = [[root, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > maxNesting) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** A JSON object (not an array, not null): the shape every contract document has. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
