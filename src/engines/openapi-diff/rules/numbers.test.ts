import { describe, expect, it } from 'vitest';
import { diffOpenApi } from '../index.ts';
import type { JsonObject } from '../types.ts';
import { withRequestSchema, withResponseSchema } from './examples.ts';

function requestFindings(base: JsonObject, revision: JsonObject) {
  return diffOpenApi(withRequestSchema(base), withRequestSchema(revision)).findings.map(
    ({ ruleId, message }) => ({ ruleId, message }),
  );
}

describe('numeric bounds in OpenAPI 3.0 and 3.1 form', () => {
  it('reports a maximum that became exclusive (3.0 boolean) as decreased', () => {
    expect(
      requestFindings(
        { type: 'number', maximum: 10 },
        { type: 'number', maximum: 10, exclusiveMaximum: true },
      ),
    ).toEqual([
      {
        ruleId: 'request-body-max-decreased',
        message: 'POST /orders: request body: maximum decreased from 10 to 10 (exclusive)',
      },
    ]);
  });

  it('reports nothing when a 3.0 exclusive maximum is rewritten in 3.1 form', () => {
    expect(
      requestFindings(
        { type: 'number', maximum: 10, exclusiveMaximum: true },
        { type: 'number', exclusiveMaximum: 10 },
      ),
    ).toEqual([]);
  });

  it('takes the tighter of a 3.1 minimum and exclusiveMinimum given together', () => {
    expect(
      requestFindings({ type: 'number', minimum: 0 }, { type: 'number', minimum: 0, exclusiveMinimum: 0 }),
    ).toEqual([
      {
        ruleId: 'request-body-min-increased',
        message: 'POST /orders: request body: minimum increased from 0 to 0 (exclusive)',
      },
    ]);
  });

  it('reports a response maximum that became inclusive as increased', () => {
    const findings = diffOpenApi(
      withResponseSchema({ type: 'integer', exclusiveMaximum: 100 }),
      withResponseSchema({ type: 'integer', maximum: 100 }),
    ).findings;
    expect(findings.map((finding) => [finding.ruleId, finding.level])).toEqual([
      ['response-body-max-increased', 'ERR'],
    ]);
  });

  it('ignores bounds that are not numbers rather than failing', () => {
    expect(
      requestFindings(
        { type: 'number', maximum: '10' },
        { type: 'number', maximum: 5, exclusiveMaximum: 'yes' },
      ),
    ).toEqual([
      { ruleId: 'request-body-max-decreased', message: 'POST /orders: request body: maximum set to 5' },
    ]);
  });
});
