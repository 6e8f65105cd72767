import { describe, expect, it } from 'vitest';
import { diffOpenApi } from '../index.ts';
import type { JsonObject } from '../types.ts';
import { withRequestSchema, withResponseSchema } from './examples.ts';

function findings(place: 'request' | 'response', base: JsonObject, revision: JsonObject) {
  const document = place === 'request' ? withRequestSchema : withResponseSchema;
  return diffOpenApi(document(base), document(revision)).findings;
}

const order = (properties: JsonObject, required: string[] = []) => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
});

describe('properties clients never meet in a direction', () => {
  it('ignores a read-only property added as required to a request: the server sets it', () => {
    const added = findings(
      'request',
      order({ name: { type: 'string' } }),
      order({ name: { type: 'string' }, id: { type: 'string', readOnly: true } }, ['id']),
    );
    expect(added).toEqual([]);
  });

  it('ignores tighter limits on a read-only property of a request', () => {
    const tightened = findings(
      'request',
      order({ id: { type: 'string', readOnly: true, maxLength: 36 } }),
      order({ id: { type: 'string', readOnly: true, maxLength: 26, pattern: '^[0-9A-Z]+$' } }),
    );
    expect(tightened).toEqual([]);
  });

  it('ignores a write-only property removed from a response: it was never returned', () => {
    const removed = findings(
      'response',
      order({ id: { type: 'string' }, password: { type: 'string', writeOnly: true } }, ['id', 'password']),
      order({ id: { type: 'string' } }, ['id']),
    );
    expect(removed).toEqual([]);
  });

  it('still reports the same changes on a property clients do send', () => {
    const tightened = findings(
      'request',
      order({ id: { type: 'string', maxLength: 36 } }),
      order({ id: { type: 'string', maxLength: 26 } }),
    );
    expect(tightened.map((finding) => finding.ruleId)).toEqual(['request-property-max-length-decreased']);
  });
});

describe('properties at depth', () => {
  it('names nested properties by their path and points removals into the base document', () => {
    const nested = (city: JsonObject | undefined) =>
      order({
        address: order({ street: { type: 'string' }, ...(city ? { city } : {}) }, city ? ['city'] : []),
      });
    const [removed] = findings('response', nested({ type: 'string' }), nested(undefined));
    expect(removed).toMatchObject({
      ruleId: 'response-required-property-removed',
      level: 'ERR',
      message: 'GET /orders/{id}: required response 200 property address.city removed',
      field: 'response.200.body.address.city',
      side: 'base',
      pointer:
        '/paths/~1orders~1{id}/get/responses/200/content/application~1json/schema/properties/address/properties/city',
    });
  });

  it('reports a property of array items under the list’s field', () => {
    const lines = (required: string[]) => ({
      type: 'array',
      items: order({ sku: { type: 'string' }, quantity: { type: 'integer' } }, required),
    });
    const [required] = findings('request', lines(['sku']), lines(['sku', 'quantity']));
    expect(required).toMatchObject({
      ruleId: 'request-property-became-required',
      message: 'POST /orders: request property [].quantity became required',
      field: 'request.body[].quantity',
    });
  });
});
