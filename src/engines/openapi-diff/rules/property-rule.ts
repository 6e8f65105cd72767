import type { Direction, JsonObject, OpenApiDocument, PropertyRule, RuleExample } from '../types.ts';
import { withRequestSchema, withResponseSchema } from './examples.ts';

/** A property rule with its section taken from its direction. */
export function propertyRule(rule: Omit<PropertyRule, 'scope' | 'section'>): PropertyRule {
  return {
    ...rule,
    scope: 'property',
    section: rule.direction === 'request' ? 'request-schema' : 'response-schema',
  };
}

/** An object with the given properties, as the request body of `POST /orders` or a `GET` response. */
export function objectDocument(
  direction: Direction,
  properties: JsonObject,
  required: readonly string[] = [],
): OpenApiDocument {
  const schema = { type: 'object', properties, ...(required.length > 0 ? { required: [...required] } : {}) };
  return direction === 'request' ? withRequestSchema(schema) : withResponseSchema(schema);
}

/** One side of an object example: its properties and which of them it requires. */
export interface ObjectSide {
  properties: JsonObject;
  required?: readonly string[];
}

/** An example pair of objects in one direction. */
export function objectExample(direction: Direction, base: ObjectSide, revision: ObjectSide): RuleExample {
  return {
    base: objectDocument(direction, base.properties, base.required),
    revision: objectDocument(direction, revision.properties, revision.required),
  };
}
