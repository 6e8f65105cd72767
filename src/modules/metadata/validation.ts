import type { FieldError } from '../../core/errors/app-error.ts';
import type { FieldSpec, MetadataSchemaDefinition } from './contracts.ts';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Why `value` does not fit `spec`, or null when it does. */
function mismatch(spec: FieldSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' ? null : 'must be a string';
    case 'number':
      return typeof value === 'number' ? null : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof value === 'string' &&
        datePattern.test(value) &&
        !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime())
        ? null
        : 'must be a date, YYYY-MM-DD';
    case 'enum':
      return typeof value === 'string' && spec.values?.includes(value)
        ? null
        : `must be one of ${spec.values?.join(', ')}`;
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? null
        : 'must be an array of strings';
  }
}

/**
 * Checks a whole metadata set (as it would be after the write) against the workspace's schema for
 * the entity type: every field error, with `prefix.key` paths.
 */
export function schemaErrors(
  schema: MetadataSchemaDefinition | null,
  set: Record<string, unknown>,
  prefix: string,
): FieldError[] {
  if (!schema) return [];
  const errors: FieldError[] = [];
  for (const [key, spec] of Object.entries(schema.fields)) {
    if (!Object.hasOwn(set, key)) {
      if (spec.required) errors.push({ path: `${prefix}.${key}`, message: 'is required' });
      continue;
    }
    const problem = mismatch(spec, set[key]);
    if (problem) errors.push({ path: `${prefix}.${key}`, message: problem });
  }
  if (!schema.allowOtherKeys) {
    for (const key of Object.keys(set)) {
      if (!Object.hasOwn(schema.fields, key))
        errors.push({ path: `${prefix}.${key}`, message: 'is not a declared key of this entity type' });
    }
  }
  return errors;
}
