import { describe, expect, it } from 'vitest';
import { diffOpenApi } from './index.ts';
import { api, withOperation, withRequestSchema, withResponseSchema } from './rules/examples.ts';
import type { JsonObject, OpenApiDocument, PropertyRule, Rule, SchemaRule } from './types.ts';

const example = {
  triggers: { base: api({}), revision: api({}) },
  nearMiss: { base: api({}), revision: api({}) },
};

/** A rule that reports every property it is shown, so a test sees what the walker visits. */
function propertyProbe(direction: 'request' | 'response'): PropertyRule {
  return {
    id: 'probe-property',
    level: 'INFO',
    section: 'request-schema',
    scope: 'property',
    direction,
    title: 'probe',
    why: 'probe',
    examples: example,
    check: ({ base, revision }, context) =>
      `${context.name} ${base ? 'kept' : 'added'}${revision ? '' : ' removed'} required=${context.required.base}/${context.required.revision}`,
  };
}

/** A rule that reports every schema pair whose type differs. */
function typeProbe(direction: 'request' | 'response', location: SchemaRule['location']): SchemaRule {
  return {
    id: 'probe-type',
    level: 'ERR',
    section: 'request-schema',
    scope: 'schema',
    direction,
    location,
    title: 'probe',
    why: 'probe',
    examples: example,
    check: ({ base, revision }) =>
      base.type !== revision.type ? `type ${base.type} → ${revision.type}` : null,
  };
}

function messages(base: OpenApiDocument, revision: OpenApiDocument, rules: Rule[]): string[] {
  return diffOpenApi(base, revision, { today: '2026-06-01' }, rules).findings.map(
    (finding) => finding.message,
  );
}

describe('matching the two sides', () => {
  it('matches paths by shape, so a renamed path parameter is the same operation', () => {
    const before = withOperation('get', '/users/{id}', { operationId: 'getUser' });
    const after = withOperation('get', '/users/{userId}', { operationId: 'getUser' });
    const result = diffOpenApi(before, after);
    expect(result.findings.filter((finding) => finding.ruleId === 'api-removed-without-deprecation')).toEqual(
      [],
    );
    expect(result.operations).toMatchObject({ base: 1, revision: 1, added: 0, removed: 0 });
  });

  it('reports an operation removed with the base document pointer and the operation key for consumers', () => {
    const before = api({ '/users/{id}': { get: { responses: {} }, delete: { responses: {} } } });
    const after = api({ '/users/{id}': { get: { responses: {} } } });
    const [removed] = diffOpenApi(before, after).findings;
    expect(removed).toMatchObject({
      ruleId: 'api-removed-without-deprecation',
      level: 'ERR',
      operation: 'DELETE /users/{id}',
      operationKey: 'DELETE /users/{}',
      pointer: '/paths/~1users~1{id}/delete',
      side: 'base',
    });
  });

  it('follows $refs into components and names the component in the pointer', () => {
    const schemas = (maxLength: number) => ({
      components: {
        schemas: { Order: { type: 'object', properties: { note: { type: 'string', maxLength } } } },
      },
    });
    const body = { $ref: '#/components/schemas/Order' };
    const before = { ...withRequestSchema(body), ...schemas(100) };
    const after = { ...withRequestSchema(body), ...schemas(50) };
    const [finding] = diffOpenApi(before, after).findings;
    expect(finding).toMatchObject({
      ruleId: 'request-property-max-length-decreased',
      field: 'request.body.note',
      pointer: '/components/schemas/Order/properties/note/maxLength',
      before: 100,
      after: 50,
    });
    expect(finding?.message).toBe('POST /orders: request property note: maxLength decreased from 100 to 50');
  });

  it('ends on recursive schemas instead of looping', () => {
    const tree = (type: string) => ({
      components: {
        schemas: {
          Node: {
            type: 'object',
            properties: {
              label: { type },
              children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
            },
          },
        },
      },
    });
    const body = { $ref: '#/components/schemas/Node' };
    const found = messages(
      { ...withResponseSchema(body), ...tree('string') },
      { ...withResponseSchema(body), ...tree('integer') },
      [typeProbe('response', 'property')],
    );
    expect(found).toEqual(['GET /orders/{id}: type string → integer']);
  });

  it('folds allOf members, so moving a property between members is no change', () => {
    const before = withResponseSchema({
      allOf: [
        { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        { properties: { total: {} } },
      ],
    });
    const after = withResponseSchema({
      type: 'object',
      properties: { id: { type: 'string' }, total: {}, currency: {} },
      required: ['id'],
    });
    expect(messages(before, after, [propertyProbe('response')])).toEqual([
      'GET /orders/{id}: id kept required=true/true',
      'GET /orders/{id}: total kept required=false/false',
      'GET /orders/{id}: currency added required=false/false',
    ]);
  });

  it('walks array items, additional properties and oneOf alternatives matched by reference', () => {
    const shape = (type: string): JsonObject => ({
      type: 'object',
      properties: {
        lines: { type: 'array', items: { type: 'object', properties: { sku: { type } } } },
        labels: { type: 'object', additionalProperties: { type } },
      },
    });
    const found = diffOpenApi(withRequestSchema(shape('string')), withRequestSchema(shape('integer')), {}, [
      typeProbe('request', 'property'),
    ]).findings.map((finding) => finding.field);
    expect(found).toEqual(['request.body.lines[].sku', 'request.body.labels.*']);
  });
});

describe('judging', () => {
  it('reports changes to draft and alpha operations as INFO only', () => {
    const draft = (maxLength: number) => {
      const document = withRequestSchema({ type: 'string', maxLength });
      const post = (document.paths as JsonObject)['/orders'] as JsonObject;
      (post.post as JsonObject)['x-stability-level'] = 'alpha';
      return document;
    };
    const [finding] = diffOpenApi(draft(100), draft(10)).findings;
    expect(finding).toMatchObject({ ruleId: 'request-body-max-length-decreased', level: 'INFO' });
  });

  it('applies level overrides and disabled rules', () => {
    const before = withRequestSchema({ type: 'string', maxLength: 100 });
    const after = withRequestSchema({ type: 'string', maxLength: 10 });
    const overridden = diffOpenApi(before, after, {
      levelOverrides: { 'request-body-max-length-decreased': 'WARN' },
    });
    expect(overridden.findings[0]?.level).toBe('WARN');
    expect(overridden.summary).toEqual({ ERR: 0, WARN: 1, INFO: 0 });
    const disabled = diffOpenApi(before, after, { disabledRules: ['request-body-max-length-decreased'] });
    expect(disabled.findings).toEqual([]);
  });

  it('reports a change seen through two media types once', () => {
    const body = (maxLength: number) =>
      withOperation('post', '/orders', {
        requestBody: {
          content: {
            'application/json': { schema: { type: 'string', maxLength } },
            'application/merge-patch+json': { schema: { type: 'string', maxLength } },
          },
        },
      });
    expect(diffOpenApi(body(100), body(10)).summary.ERR).toBe(1);
  });

  it('finds nothing between a document and itself, and counts its operations', () => {
    const document = withResponseSchema({ type: 'object', properties: { id: { type: 'string' } } });
    const result = diffOpenApi(document, structuredClone(document));
    expect(result.findings).toEqual([]);
    expect(result.operations).toEqual({ base: 1, revision: 1, added: 0, removed: 0, changed: 0 });
    expect(result.base).toEqual({ title: 'Example', version: '1.0.0' });
  });

  it('reports a rule that throws as a failure of the run, naming the rule', () => {
    const broken: Rule = {
      ...typeProbe('request', 'body'),
      check: () => {
        throw new Error('boom');
      },
    };
    const run = () =>
      diffOpenApi(withRequestSchema({ type: 'string' }), withRequestSchema({ type: 'integer' }), {}, [
        broken,
      ]);
    expect(run).toThrow(/rule probe-type failed at .*: boom/);
  });
});
