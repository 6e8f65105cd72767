import { describe, expect, it } from 'vitest';
import { diffOpenApi } from '../index.ts';
import type { JsonObject } from '../types.ts';
import { withOperation } from './examples.ts';

const card = { type: 'object', properties: { number: { type: 'string' } }, required: ['number'] };
const transfer = { type: 'object', properties: { iban: { type: 'string' } }, required: ['iban'] };

/** `POST /payments` taking a payment that is one of the given components. */
function payments(oneOf: JsonObject[], schemas: JsonObject = { Card: card, Transfer: transfer }) {
  return withOperation(
    'post',
    '/payments',
    { requestBody: { content: { 'application/json': { schema: { oneOf } } } } },
    { components: { schemas } },
  );
}
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function ruleIds(base: JsonObject, revision: JsonObject): string[] {
  return diffOpenApi(base, revision).findings.map((finding) => finding.ruleId);
}

describe('matching the members of oneOf and anyOf', () => {
  it('matches members by reference, so reordering them is no change', () => {
    expect(
      ruleIds(payments([ref('Card'), ref('Transfer')]), payments([ref('Transfer'), ref('Card')])),
    ).toEqual([]);
  });

  it('names a removed member by its component', () => {
    const [removed] = diffOpenApi(payments([ref('Card'), ref('Transfer')]), payments([ref('Card')])).findings;
    expect(removed).toMatchObject({
      ruleId: 'request-body-one-of-removed',
      level: 'ERR',
      message: "POST /payments: request body: 'Transfer' removed from oneOf",
    });
  });

  it('compares an edited member with its old self rather than reporting it removed and added', () => {
    const edited = {
      ...transfer,
      required: ['iban', 'bic'],
      properties: { ...transfer.properties, bic: {} },
    };
    expect(
      ruleIds(
        payments([ref('Card'), ref('Transfer')]),
        payments([ref('Card'), ref('Transfer')], { Card: card, Transfer: edited }),
      ),
    ).toEqual(['new-required-request-property']);
  });

  it('reports nothing for a composition that appears where there was none: other rules judge the new shape', () => {
    const single = withOperation(
      'post',
      '/payments',
      { requestBody: { content: { 'application/json': { schema: ref('Card') } } } },
      { components: { schemas: { Card: card, Transfer: transfer } } },
    );
    expect(ruleIds(single, payments([ref('Card'), ref('Transfer')]))).not.toContain(
      'request-body-one-of-added',
    );
  });
});
