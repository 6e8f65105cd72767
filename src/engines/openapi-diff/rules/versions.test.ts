import { describe, expect, it } from 'vitest';
import { diffOpenApi } from '../index.ts';
import type { JsonObject } from '../types.ts';
import { withRequestSchema, withResponseSchema } from './examples.ts';

/** The same contract written for OpenAPI 3.0 and for 3.1. */
const order30 = {
  type: 'object',
  properties: {
    note: { type: 'string', nullable: true, maxLength: 200 },
    amount: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1000 },
    status: { type: 'string', enum: ['open', 'paid'] },
    kind: { type: 'string', enum: ['order'] },
  },
  required: ['amount'],
};
const order31 = {
  type: 'object',
  properties: {
    note: { type: ['string', 'null'], maxLength: 200 },
    amount: { type: 'number', exclusiveMinimum: 0, maximum: 1000 },
    status: { type: 'string', enum: ['open', 'paid'] },
    kind: { type: 'string', const: 'order' },
  },
  required: ['amount'],
};

function findingsBothWays(base: JsonObject, revision: JsonObject): string[] {
  const request = diffOpenApi(withRequestSchema(base), withRequestSchema(revision)).findings;
  const response = diffOpenApi(withResponseSchema(base), withResponseSchema(revision)).findings;
  return [...request, ...response].map((finding) => finding.message);
}

describe('a contract moved from OpenAPI 3.0 to 3.1 without changing what it accepts', () => {
  it('reports nothing in either direction', () => {
    expect(findingsBothWays(order30, order31)).toEqual([]);
    expect(findingsBothWays(order31, order30)).toEqual([]);
  });

  it('still reports a real change made in the same move', () => {
    const stricter = {
      ...order31,
      properties: { ...order31.properties, note: { type: 'string', maxLength: 200 } },
    };
    expect(findingsBothWays(order30, stricter)).toEqual([
      'POST /orders: request property note: became not nullable',
      'GET /orders/{id}: response 200 property note: became not nullable',
    ]);
  });
});
