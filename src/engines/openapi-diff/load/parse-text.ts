import { LineCounter, parseDocument } from 'yaml';
import type { Json, JsonObject } from '../types.ts';
import { ContractLoadError } from './errors.ts';

/**
 * Parses a JSON or YAML document. JSON is read by `JSON.parse` (fast); text that is not JSON, and
 * JSON with a mistake, go through the YAML parser, which accepts JSON too and says where a mistake is.
 */
export function parseStructuredText(text: string, file: string): Json {
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
      { file, line, column: col },
    );
  }
  // Aliases are expanded; yaml's default cap on alias expansion stops "billion laughs" documents.
  return document.toJS();
}

/** A JSON object (not an array, not null): the shape every contract document has. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
