import { describe, expect, it } from 'vitest';
import { diffOpenApi } from '../index.ts';
import type { Json, JsonObject, OpenApiDocument } from '../types.ts';
import { api, withOperation } from './examples.ts';

const ok = { '200': { description: 'OK' } };
const schemes = { components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } };

function ruleIds(base: OpenApiDocument, revision: OpenApiDocument): string[] {
  return diffOpenApi(base, revision, { today: '2026-06-01' }).findings.map((finding) => finding.ruleId);
}

describe('security requirements', () => {
  const secured = (global: Json[] | undefined, operations: Record<string, JsonObject>) =>
    api(
      Object.fromEntries(
        Object.entries(operations).map(([path, operation]) => [
          path,
          { get: { responses: ok, ...operation } },
        ]),
      ),
      { ...schemes, ...(global ? { security: global } : {}) },
    );

  it('reports a change of the top-level requirements once, not for every operation that inherits them', () => {
    const before = secured(undefined, { '/orders': {}, '/invoices': {} });
    const after = secured([{ bearer: [] }], { '/orders': {}, '/invoices': {} });
    expect(ruleIds(before, after)).toEqual(['api-global-security-added']);
  });

  it('ignores top-level requirements that every operation replaces with its own', () => {
    const open = { security: [] };
    expect(
      ruleIds(secured(undefined, { '/health': open }), secured([{ bearer: [] }], { '/health': open })),
    ).toEqual([]);
  });

  it('judges an operation that starts or stops replacing the top-level requirements by what it ends up with', () => {
    const global = [{ bearer: [] }];
    expect(
      ruleIds(secured(global, { '/health': {} }), secured(global, { '/health': { security: [] } })),
    ).toEqual(['api-security-removed']);
    expect(
      ruleIds(secured(global, { '/health': {} }), secured(global, { '/health': { security: global } })),
    ).toEqual([]);
  });

  it('treats an empty requirement as letting anonymous requests in', () => {
    const before = secured([{}, { bearer: [] }], { '/orders': {} });
    expect(ruleIds(before, secured([{ bearer: [] }], { '/orders': {} }))).toEqual([
      'api-global-security-added',
    ]);
  });
});

describe('servers', () => {
  const servedFrom = (...servers: JsonObject[]) => withOperation('get', '/orders', {}, { servers });

  it('pairs a server that moved by its description, and reports the rest as removed and added', () => {
    const before = servedFrom(
      { url: 'https://api.example.com', description: 'Production' },
      { url: 'https://old.example.com' },
    );
    const after = servedFrom(
      { url: 'https://api.example.net', description: 'Production' },
      { url: 'https://new.example.com' },
    );
    expect(ruleIds(before, after).sort()).toEqual([
      'api-server-added',
      'api-server-removed',
      'api-server-url-changed',
    ]);
  });
});

describe('odd contracts', () => {
  const odd: OpenApiDocument[] = [
    api({ '/orders': { get: true, post: { parameters: [true, { $ref: '#/nowhere' }], responses: [] } } }),
    api(
      {
        '/orders': {
          get: { security: 'bearer', callbacks: [], tags: 'orders', deprecated: true, 'x-sunset': 20270101 },
        },
      },
      {
        servers: [{ url: 5 }, 'https://api.example.com'],
        security: [null, 'bearer'],
        webhooks: { shipped: { $ref: '#/missing' } },
      },
    ),
    api(
      {
        '/orders/{id}': {
          parameters: [{ name: 'id', in: 'path' }],
          get: {
            requestBody: { content: { 'application/json': true } },
            responses: { '200': { headers: { Sunset: { schema: true } }, content: null } },
          },
        },
      },
      {
        components: {
          securitySchemes: { oauth: { type: 'oauth2', flows: { implicit: null, password: { scopes: [] } } } },
          schemas: [],
        },
      },
    ),
  ];

  it('compares contracts with wrong types, booleans as schemas and references that go nowhere without failing', () => {
    for (const base of odd) {
      for (const revision of odd)
        expect(() => diffOpenApi(base, revision, { today: '2026-06-01' })).not.toThrow();
    }
  });
});
