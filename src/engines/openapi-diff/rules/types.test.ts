import { describe, expect, it } from 'vitest';
import { diffOpenApi } from '../index.ts';
import type { JsonObject } from '../types.ts';
import { withResponseSchema } from './examples.ts';

function responseRuleIds(base: JsonObject, revision: JsonObject): string[] {
  return diffOpenApi(withResponseSchema(base), withResponseSchema(revision)).findings.map(
    (finding) => finding.ruleId,
  );
}

describe('a type change', () => {
  it('is reported once, without the keywords that belonged to the old type', () => {
    expect(
      responseRuleIds(
        { type: 'string', minLength: 1, maxLength: 20, pattern: '^[0-9]+$' },
        { type: 'integer', minimum: 0 },
      ),
    ).toEqual(['response-body-type-changed']);
  });

  it('keeps the keywords compared when both types take them (integer to number)', () => {
    expect(
      responseRuleIds({ type: 'integer', maximum: 100 }, { type: 'number', maximum: 1000 }).sort(),
    ).toEqual(['response-body-max-increased', 'response-body-type-generalized']);
  });

  it('reads a schema without a type but with properties as an object', () => {
    const properties = { id: { type: 'string' } };
    expect(responseRuleIds({ properties }, { type: 'object', properties })).toEqual([]);
  });
});
