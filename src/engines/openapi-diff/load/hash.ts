import { createHash } from 'node:crypto';
import type { Json } from '../types.ts';
import { isJsonObject } from './parse-text.ts';

/** SHA-256 (hex) of a JSON value written canonically: object keys sorted, no spaces. */
export function hashJson(value: Json): string {
  return sha256(JSON.stringify(value, sortKeys));
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A JSON.stringify replacer: each object is written with its keys in order, arrays as they are. */
function sortKeys(_key: string, value: unknown): unknown {
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, value[key]]),
  );
}
