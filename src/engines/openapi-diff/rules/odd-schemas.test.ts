import { describe, expect, it } from 'vitest';
import { diffOpenApi } from '../index.ts';
import type { Json, JsonObject, SchemaLocation } from '../types.ts';
import { withSchemaAt } from './examples.ts';

/** Schemas a hand-written or half-converted contract really holds: wrong types, booleans, dangling refs. */
const oddSchemas: Json[] = [
  true,
  false,
  {},
  { $ref: '#/components/schemas/Missing' },
  { type: 5, enum: 'a', const: null, pattern: 7, format: ['x'] },
  { type: ['string', 3, null], nullable: 'yes', default: { nested: [1, 2] } },
  { maximum: 'ten', minimum: null, exclusiveMaximum: 'no', exclusiveMinimum: true, multipleOf: 0 },
  { maxLength: -1, minLength: 'x', maxItems: [], minItems: {}, uniqueItems: 'yes' },
  { oneOf: 'x', anyOf: [null, 1, true], allOf: [{ $ref: '#/nowhere' }, false] },
  { discriminator: 'kind', 'x-extensible-enum': 'a' },
  { discriminator: { propertyName: 4, mapping: { cat: 1, dog: null } }, oneOf: [] },
  { type: 'object', properties: { a: true, b: false, c: 5 }, required: 'a', additionalProperties: 'no' },
  { type: 'object', properties: [], required: [1, null], readOnly: 'true', writeOnly: 1 },
  { type: 'array', items: [{ type: 'string' }], additionalProperties: false, unevaluatedProperties: false },
];

/** A body and a property run the same rules under different ids: one of each direction's pair will do. */
const places: ['request' | 'response', SchemaLocation][] = [
  ['request', 'parameter'],
  ['request', 'property'],
  ['response', 'body'],
  ['response', 'header'],
];

describe('schemas that are not what the specification says', () => {
  it('are compared in both directions without any rule failing', () => {
    for (const [direction, location] of places) {
      for (const base of oddSchemas) {
        for (const revision of oddSchemas) {
          const place = (schema: Json) => withSchemaAt(direction, location, schema as JsonObject);
          expect(() => diffOpenApi(place(base), place(revision))).not.toThrow();
        }
      }
    }
  });
});
