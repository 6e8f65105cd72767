import { describe, expect, it } from 'vitest';
import { diffOpenApi } from '../index.ts';
import type { DiffOptions, JsonObject, OpenApiDocument } from '../types.ts';
import { api, withOperation } from './examples.ts';
import { parseSunsetDate } from './sunset.ts';

const ok = { '200': { description: 'OK' } };
const listOrders = (members: JsonObject) => withOperation('get', '/orders', members);

function ruleIds(base: OpenApiDocument, revision: OpenApiDocument, options: DiffOptions = {}): string[] {
  return diffOpenApi(base, revision, { today: '2026-06-01', ...options }).findings.map(
    (finding) => finding.ruleId,
  );
}

describe('reading a sunset date', () => {
  it('reads ISO dates, RFC 3339 date-times in UTC and HTTP-dates', () => {
    expect(parseSunsetDate('2027-01-31')).toBe('2027-01-31');
    expect(parseSunsetDate('2027-01-31T23:30:00-02:00')).toBe('2027-02-01');
    expect(parseSunsetDate('Sun, 31 Jan 2027 00:00:00 GMT')).toBe('2027-01-31');
  });

  it('refuses days that do not exist and free text', () => {
    expect(parseSunsetDate('2027-02-30')).toBeNull();
    expect(parseSunsetDate('31/01/2027')).toBeNull();
    expect(parseSunsetDate('Sun, 31 Foo 2027 00:00:00 GMT')).toBeNull();
    expect(parseSunsetDate('next spring')).toBeNull();
  });

  it('takes the date from a documented Sunset response header, through references', () => {
    const deprecated = listOrders({
      deprecated: true,
      responses: {
        '200': { description: 'OK', headers: { sunset: { $ref: '#/components/headers/Sunset' } } },
      },
    });
    const withHeader = (value: string) => ({
      ...deprecated,
      components: { headers: { Sunset: { schema: { type: 'string' }, examples: { planned: { value } } } } },
    });
    const found = diffOpenApi(listOrders({}), withHeader('Fri, 01 Jan 2027 00:00:00 GMT'), {
      today: '2026-06-01',
    });
    expect(found.findings.find((finding) => finding.ruleId === 'endpoint-deprecated')?.after).toBe(
      '2027-01-01',
    );
    expect(ruleIds(listOrders({}), withHeader('soon'))).toContain('api-deprecated-sunset-parse');
  });

  it('prefers x-sunset to the Sunset header', () => {
    const revision = listOrders({
      deprecated: true,
      'x-sunset': '2027-01-01',
      responses: { '200': { description: 'OK', headers: { Sunset: { example: '2026-06-10' } } } },
    });
    expect(ruleIds(listOrders({}), revision)).not.toContain('api-sunset-date-too-small');
  });
});

describe('the deprecation policy', () => {
  const deprecatedUntil = (sunset: string, members: JsonObject = {}) =>
    listOrders({ deprecated: true, 'x-sunset': sunset, ...members });

  it('measures the notice from the day of the diff against the minimum deprecation days', () => {
    const sixtyDaysAhead = deprecatedUntil('2026-07-31');
    expect(ruleIds(listOrders({}), sixtyDaysAhead)).toContain('api-sunset-date-too-small');
    expect(ruleIds(listOrders({}), sixtyDaysAhead, { minDeprecationDays: 30 })).not.toContain(
      'api-sunset-date-too-small',
    );
    expect(ruleIds(listOrders({}), sixtyDaysAhead, { today: '2026-04-01' })).not.toContain(
      'api-sunset-date-too-small',
    );
  });

  it('asks no sunset date when the project sets no minimum deprecation period', () => {
    const revision = listOrders({ deprecated: true });
    expect(ruleIds(listOrders({}), revision)).toContain('api-deprecated-sunset-missing');
    expect(ruleIds(listOrders({}), revision, { minDeprecationDays: 0 })).not.toContain(
      'api-deprecated-sunset-missing',
    );
  });

  it('owes no notice for draft and alpha operations', () => {
    const alpha = { 'x-stability-level': 'alpha' };
    const found = ruleIds(listOrders(alpha), listOrders({ ...alpha, deprecated: true }));
    expect(found).toContain('endpoint-deprecated');
    expect(found).not.toContain('api-deprecated-sunset-missing');
    expect(ruleIds(listOrders(alpha), deprecatedUntil('2026-06-02', alpha))).not.toContain(
      'api-sunset-date-too-small',
    );
  });

  it('accepts a sunset moved earlier when it still leaves the notice owed', () => {
    const found = ruleIds(deprecatedUntil('2027-06-01'), deprecatedUntil('2027-01-01'));
    expect(found).toEqual(['api-sunset-date-changed']);
  });

  it('reports a sunset that cannot be read once, not on every later change of the operation', () => {
    expect(ruleIds(deprecatedUntil('soon'), deprecatedUntil('soon', { summary: 'List orders' }))).toEqual([
      'api-summary-changed',
    ]);
  });
});

describe('removing operations and paths', () => {
  const deleting = (members: JsonObject) =>
    api({ '/orders': { get: { responses: ok }, delete: { responses: ok, deprecated: true, ...members } } });
  const keptPath = api({ '/orders': { get: { responses: ok } } });

  it('judges a removal on the day of the sunset as after it', () => {
    expect(ruleIds(deleting({ 'x-sunset': '2026-06-01' }), keptPath)).toEqual(['api-removed-after-sunset']);
    expect(ruleIds(deleting({ 'x-sunset': '2026-06-02' }), keptPath)).toEqual(['api-removed-before-sunset']);
  });

  it('reports each removed operation once: with its path when the path is gone, alone otherwise', () => {
    const both = api({ '/orders': { get: { responses: ok }, delete: { responses: ok } }, '/health': {} });
    expect(ruleIds(both, api({ '/health': {} }))).toEqual([
      'api-path-removed-without-deprecation',
      'api-path-removed-without-deprecation',
    ]);
    expect(ruleIds(both, api({ '/orders': { get: { responses: ok } }, '/health': {} }))).toEqual([
      'api-removed-without-deprecation',
    ]);
  });

  it('keeps a path renamed only in its parameter names', () => {
    const before = api({ '/orders/{id}': { get: { responses: ok }, delete: { responses: ok } } });
    const after = api({ '/orders/{orderId}': { get: { responses: ok } } });
    expect(ruleIds(before, after)).toEqual(['api-removed-without-deprecation']);
  });
});
