import { isObject } from '../document.ts';
import type { Json, JsonObject } from '../types.ts';

/** The JSON types a schema allows, `null` excluded (3.0 `type: x` and 3.1 `type: [x, 'null']`). */
export function typesOf(schema: JsonObject): string[] {
  const type = schema.type;
  const list = Array.isArray(type) ? type : typeof type === 'string' ? [type] : [];
  return list.filter((value): value is string => typeof value === 'string' && value !== 'null').sort();
}

/** Whether a schema accepts null: 3.0 `nullable: true`, 3.1 `type` including 'null', or an enum with null. */
export function isNullable(schema: JsonObject): boolean {
  if (schema.nullable === true) return true;
  if (Array.isArray(schema.type) && schema.type.includes('null')) return true;
  return Array.isArray(schema.enum) && schema.enum.includes(null);
}

/** The enum values of a schema (`const` counts as a one-value enum), or null when it has none. */
export function enumValues(schema: JsonObject): Json[] | null {
  if (Array.isArray(schema.enum)) return schema.enum;
  if (schema.const !== undefined) return [schema.const];
  return null;
}

/** A numeric keyword's value, or undefined. */
export function numberAt(schema: JsonObject, key: string): number | undefined {
  const value = schema[key];
  return typeof value === 'number' ? value : undefined;
}

/** The values of `values` absent from `from`, compared as JSON. */
export function missingFrom(values: readonly Json[], from: readonly Json[]): Json[] {
  const present = new Set(from.map((value) => JSON.stringify(value)));
  return values.filter((value) => !present.has(JSON.stringify(value)));
}

/** A value for a message: strings quoted, the rest as JSON. */
export function shown(value: Json | undefined): string {
  if (value === undefined) return 'unset';
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

export { isObject };
