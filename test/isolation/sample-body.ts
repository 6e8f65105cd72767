import { randomUUID } from 'node:crypto';

/** A JSON Schema node as the OpenAPI document holds it (loosely typed: it is read, not trusted). */
// biome-ignore lint/suspicious/noExplicitAny: schemas are walked generically; each branch checks what it reads
type JsonSchema = any;

const stringCandidates = ['Sample', 'SAMPLE', 'sample', 'abc', 'ABC1', 'a', 'A', 'x1', '1', 'sample-text'];

/**
 * The smallest value a schema accepts: required fields only, first enum value, minimal lengths. It
 * lets the suite send a well-formed body to every write route, so that what it observes is the
 * authorization or scoping answer, not a validation error.
 */
export function sampleOf(schema: JsonSchema, components: Record<string, JsonSchema>): unknown {
  if (!schema) return {};
  if (schema.$ref) return sampleOf(components[String(schema.$ref).split('/').pop() ?? ''], components);
  if ('const' in schema) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const chosen = variants.find((variant: JsonSchema) => variant.type !== 'null') ?? variants[0];
    return sampleOf(chosen, components);
  }
  if (schema.allOf) {
    return Object.assign({}, ...schema.allOf.map((part: JsonSchema) => sampleOf(part, components)));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const name of schema.required ?? []) value[name] = sampleOf(schema.properties?.[name], components);
      return value;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items, components));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'string':
      return sampleString(schema);
    default:
      return {};
  }
}

function sampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'email':
      return `sample-${randomUUID().slice(0, 8)}@example.test`;
    case 'date-time':
      return new Date(Date.now() + 86_400_000).toISOString();
    case 'date':
      return '2030-01-01';
    case 'uri':
      return 'https://example.test/sample';
  }
  const min = schema.minLength ?? 1;
  const pattern = schema.pattern ? new RegExp(schema.pattern) : null;
  for (const candidate of stringCandidates) {
    const value = candidate.length >= min ? candidate : candidate.padEnd(min, candidate.slice(-1));
    if (!pattern || pattern.test(value)) return value;
  }
  return 'x'.repeat(min);
}
