import { isObject } from '../document.ts';
import type { BothSides, Json, JsonObject, Pair, ReportDetail } from '../types.ts';

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

/**
 * Whether clients never meet a schema in this direction: a read-only value is not sent in requests
 * and a write-only one is not returned in responses, so changes to it affect no client there.
 */
export function isHiddenIn(direction: 'request' | 'response', schemas: Pair<JsonObject>): boolean {
  const key = direction === 'request' ? 'readOnly' : 'writeOnly';
  return schemas.base?.[key] === true || schemas.revision?.[key] === true;
}

/**
 * The JSON types a schema admits, `null` excluded, or null when it admits any: no `type` and nothing
 * (properties, items) that implies one. 3.0's `type: x` and 3.1's `type: [x, 'null']` read alike.
 */
export function typeSet(schema: JsonObject): string[] | null {
  if (typeof schema.type === 'string' || Array.isArray(schema.type)) return typesOf(schema);
  if (isObject(schema.properties) || schema.additionalProperties !== undefined) return ['object'];
  if (schema.items !== undefined) return ['array'];
  return null;
}

/** Whether a set of types (null for any) takes values of a type: every integer is a number. */
export function admitsType(types: readonly string[] | null, type: string): boolean {
  if (types === null) return true;
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

/** A numeric limit, inclusive or not. */
export interface Bound {
  value: number;
  exclusive: boolean;
  /** The keyword that sets it, for the finding's pointer. */
  keyword: string;
}

/**
 * The effective bound on one side (`maximum` or `minimum`): 3.0 marks the bound exclusive with a
 * boolean `exclusiveMaximum`, 3.1 gives `exclusiveMaximum` its own number; when 3.1 has both, the
 * tighter one holds.
 */
export function boundOf(schema: JsonObject, side: 'maximum' | 'minimum'): Bound | undefined {
  const exclusiveKey = side === 'maximum' ? 'exclusiveMaximum' : 'exclusiveMinimum';
  const inclusive = numberAt(schema, side);
  const exclusiveFlag = schema[exclusiveKey];
  const candidates: Bound[] = [];
  if (inclusive !== undefined) {
    candidates.push({ value: inclusive, exclusive: exclusiveFlag === true, keyword: side });
  }
  if (typeof exclusiveFlag === 'number') {
    candidates.push({ value: exclusiveFlag, exclusive: true, keyword: exclusiveKey });
  }
  return candidates.reduce<Bound | undefined>(
    (tightest, bound) => (!tightest || isTighter(bound, tightest, side) ? bound : tightest),
    undefined,
  );
}

/** Whether bound `a` admits fewer values than bound `b` on the same side. */
export function isTighter(a: Bound, b: Bound, side: 'maximum' | 'minimum'): boolean {
  if (a.value !== b.value) return side === 'maximum' ? a.value < b.value : a.value > b.value;
  return a.exclusive && !b.exclusive;
}

/** A bound for a message: `10`, or `10 (exclusive)`. */
export function shownBound(bound: Bound): string {
  return bound.exclusive ? `${bound.value} (exclusive)` : String(bound.value);
}

/** Whether `value` is a whole multiple of `step`, allowing for binary fractions (0.3 of 0.1). */
export function isMultipleOf(value: number, step: number): boolean {
  if (step === 0) return false;
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9 * Math.max(1, Math.abs(ratio));
}

/** The enum values a schema lists, `null` left to the nullable rules; null when it has no enum. */
export function enumValuesWithoutNull(schema: JsonObject): Json[] | null {
  const values = enumValues(schema);
  return values === null ? null : values.filter((value) => value !== null);
}

/** The values of `x-extensible-enum` (Zalando's open enum), or null when there is none. */
export function extensibleEnumValues(schema: JsonObject): Json[] | null {
  const values = schema['x-extensible-enum'];
  return Array.isArray(values) ? values : null;
}

/** A string keyword's value, or undefined. */
export function stringAt(schema: JsonObject, key: string): string | undefined {
  const value = schema[key];
  return typeof value === 'string' ? value : undefined;
}

/** A list of values for a message: `'a', 'b'`. */
export function shownList(values: readonly Json[]): string {
  return values.map((value) => shown(value)).join(', ');
}

/**
 * A count or length limit that changed, for a finding: `maxItems decreased from 10 to 5`,
 * `maxItems set to 5`, `maxItems removed (was 10)`, pointing at the keyword.
 */
export function limitChange(
  keyword: string,
  before: number | undefined,
  after: number | undefined,
  verb: string,
): ReportDetail {
  let message = `${keyword} ${verb} from ${before} to ${after}`;
  if (before === undefined) message = `${keyword} set to ${after}`;
  if (after === undefined) message = `${keyword} removed (was ${before})`;
  return {
    message,
    at: `/${keyword}`,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  };
}

/**
 * Whether both sides admit values of a type, so that the keywords for that type (maxLength for
 * strings, maximum for numbers, maxItems for arrays) still compare like with like. When the type
 * itself changed, the type rules report it and the keywords that went with the old type are moot.
 */
export function bothAdmit(schemas: BothSides<JsonObject>, type: string): boolean {
  return admitsType(typeSet(schemas.base), type) && admitsType(typeSet(schemas.revision), type);
}
