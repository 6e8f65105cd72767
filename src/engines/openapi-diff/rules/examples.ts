import type { JsonObject, OpenApiDocument, RuleExample, SchemaLocation } from '../types.ts';

/**
 * Small documents for the rules' examples: each rule shows a change that triggers it and a near miss
 * that must not, and the catalogue test runs both. These builders keep an example to the part that
 * changes.
 */

/** A minimal OpenAPI 3.1 document with the given paths (and other top-level members). */
export function api(paths: JsonObject, extra: JsonObject = {}): OpenApiDocument {
  return { openapi: '3.1.0', info: { title: 'Example', version: '1.0.0' }, paths, ...extra };
}

const ok = { '200': { description: 'OK' } };

/** A document with one operation (responses default to a bare 200). */
export function withOperation(method: string, path: string, operation: JsonObject, extra: JsonObject = {}) {
  return api({ [path]: { [method]: { responses: ok, ...operation } } }, extra);
}

/** A document whose one operation, `GET /orders`, takes the given parameter. */
export function withParameter(parameter: JsonObject): OpenApiDocument {
  return withOperation('get', '/orders', { parameters: [parameter] });
}

/** A document whose one operation, `POST /orders`, takes a JSON body with the given schema. */
export function withRequestSchema(schema: JsonObject, required = true): OpenApiDocument {
  return withOperation('post', '/orders', {
    requestBody: { required, content: { 'application/json': { schema } } },
  });
}

/** A document whose one operation, `GET /orders/{id}`, answers 200 with the given JSON schema. */
export function withResponseSchema(schema: JsonObject, status = '200'): OpenApiDocument {
  return withOperation('get', '/orders/{id}', {
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    responses: { [status]: { description: 'The order', content: { 'application/json': { schema } } } },
  });
}

/** A document whose one operation, `GET /orders`, answers 200 with the given response header. */
export function withResponseHeader(name: string, header: JsonObject): OpenApiDocument {
  return withOperation('get', '/orders', {
    responses: { '200': { description: 'OK', headers: { [name]: header } } },
  });
}

/**
 * A document with the schema placed at a direction and location: a query parameter `q`, a request
 * or response body, a property `value` of one, or a response header `X-Value`.
 */
export function withSchemaAt(
  direction: 'request' | 'response',
  location: SchemaLocation,
  schema: JsonObject,
) {
  if (location === 'parameter') return withParameter({ name: 'q', in: 'query', schema });
  if (location === 'header') return withResponseHeader('X-Value', { schema });
  const body = location === 'property' ? { type: 'object', properties: { value: schema } } : schema;
  return direction === 'request' ? withRequestSchema(body) : withResponseSchema(body);
}

/** An example pair from two schemas placed at the same spot. */
export function schemaExample(
  direction: 'request' | 'response',
  location: SchemaLocation,
  base: JsonObject,
  revision: JsonObject,
): RuleExample {
  return {
    base: withSchemaAt(direction, location, base),
    revision: withSchemaAt(direction, location, revision),
  };
}
