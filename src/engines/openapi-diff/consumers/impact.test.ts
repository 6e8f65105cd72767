import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffOpenApi } from '../index.ts';
import { api } from '../rules/examples.ts';
import type { DiffResult, Finding, JsonObject } from '../types.ts';
import { consumerFromPact, consumerImpact, parsePact, type RegisteredConsumer } from './index.ts';

const ok = { '200': { description: 'OK' } };
const base = api({
  '/users': { get: { responses: ok } },
  '/users/{id}': { get: { responses: ok }, delete: { responses: ok } },
  '/users/me': { get: { responses: ok } },
  '/orders/{id}': { get: { responses: { '2XX': { description: 'OK' } } } },
});

/** A diff result holding the given findings, each filled out as an operation-level ERR. */
function resultOf(findings: Partial<Finding>[]): DiffResult {
  const full = findings.map(
    (finding): Finding => ({
      ruleId: 'some-rule',
      level: 'ERR',
      section: 'response-schema',
      message: 'a change',
      operation: null,
      operationKey: null,
      field: null,
      pointer: '/paths/~1users~1{id}/get',
      side: 'revision',
      ...finding,
    }),
  );
  return {
    kind: 'openapi',
    base: { title: null, version: null },
    revision: { title: null, version: null },
    findings: full,
    summary: { ERR: full.length, WARN: 0, INFO: 0 },
    operations: { base: 0, revision: 0, added: 0, removed: 0, changed: 0 },
  };
}

function consumer(id: string, operations: string[], fields?: Record<string, string[]>): RegisteredConsumer {
  return { id, name: id, operations, ...(fields ? { fields } : {}) };
}

/** The consumers each finding reaches, in finding order. */
function reached(findings: Partial<Finding>[], consumers: RegisteredConsumer[]): string[][] {
  return consumerImpact(base, resultOf(findings), consumers).perFinding.map((entry) => entry.consumerIds);
}

const getUser = { operationKey: 'GET /users/{}', operation: 'GET /users/{id}' };

describe('which consumers an operation change reaches', () => {
  it('reaches the callers of the operation, whether they wrote a key, a template or a concrete path', () => {
    const consumers = [
      consumer('by-key', ['GET /users/{}']),
      consumer('by-template', ['GET /users/{userId}']),
      consumer('by-path', ['GET /users/42']),
      consumer('me-only', ['GET /users/me']),
      consumer('deletes', ['DELETE /users/7']),
    ];
    expect(reached([getUser], consumers)).toEqual([['by-key', 'by-template', 'by-path']]);
  });

  it('reaches a caller that listed fields only when the change touches one of them', () => {
    const consumers = [
      consumer('reads-email', ['GET /users/42'], { 'GET /users/42': ['response.200.body.email'] }),
      consumer('reads-name', ['GET /users/42'], {
        'GET /users/42': ['response.200', 'response.200.body', 'response.200.body.name'],
      }),
    ];
    const emailRemoved = { ...getUser, field: 'response.200.body.email' };
    const responseRemoved = { ...getUser, field: 'response.200' };
    const operationDeprecated = { ...getUser, field: null };
    expect(reached([emailRemoved, responseRemoved, operationDeprecated], consumers)).toEqual([
      ['reads-email'],
      ['reads-email', 'reads-name'],
      ['reads-email', 'reads-name'],
    ]);
  });

  it('reaches a consumer that takes a value whole when something inside it changes', () => {
    const consumers = [
      consumer('whole-team', ['GET /users/{}'], { 'GET /users/{}': ['response.200.body.team'] }),
      consumer('team-id', ['GET /users/{}'], {
        'GET /users/{}': ['response.200.body.team', 'response.200.body.team.id'],
      }),
    ];
    expect(reached([{ ...getUser, field: 'response.200.body.team.name' }], consumers)).toEqual([
      ['whole-team'],
    ]);
  });

  it('compares fields at segment boundaries, header names without case, and a range with its statuses', () => {
    const consumers = [
      consumer('items', ['GET /users/{}'], {
        'GET /users/{}': ['response.200.body.items[].id', 'response.200.header.etag'],
      }),
      consumer('ranged', ['GET /orders/1'], { 'GET /orders/1': ['response.201.body.total'] }),
    ];
    expect(
      reached(
        [
          { ...getUser, field: 'response.200.body.item' },
          { ...getUser, field: 'response.200.body.items[]' },
          { ...getUser, field: 'response.200.header.ETag' },
          { operationKey: 'GET /orders/{}', field: 'response.2XX.body.total' },
        ],
        consumers,
      ),
    ).toEqual([[], ['items'], ['items'], ['ranged']]);
  });

  it('reaches every caller with a change to a path parameter, which all of them send', () => {
    const consumers = [
      consumer('reads-name', ['GET /users/{}'], { 'GET /users/{}': ['response.200.body.name'] }),
    ];
    expect(reached([{ ...getUser, field: 'path.id' }], consumers)).toEqual([['reads-name']]);
  });

  it('reaches, with a new required input, exactly the callers that do not send it yet', () => {
    const consumers = [
      consumer('sends-reason', ['DELETE /users/{}'], { 'DELETE /users/{}': ['request.body.reason'] }),
      consumer('sends-nothing', ['DELETE /users/{}'], { 'DELETE /users/{}': ['response.200'] }),
    ];
    const demand = { operationKey: 'DELETE /users/{}', ruleId: 'new-required-request-property' };
    const removal = { operationKey: 'DELETE /users/{}', ruleId: 'request-property-removed' };
    expect(
      reached(
        [
          { ...demand, field: 'request.body.reason' },
          { ...removal, field: 'request.body.reason' },
        ],
        consumers,
      ),
    ).toEqual([['sends-nothing'], ['sends-reason']]);
  });

  it('reaches every consumer with a document-wide change, and the callers of a path with a path change', () => {
    const consumers = [consumer('users', ['GET /users/42']), consumer('me', ['GET /users/me'])];
    expect(
      reached(
        [{ pointer: '/components/securitySchemes/bearer' }, { pointer: '/paths/~1users~1{userId}' }],
        consumers,
      ),
    ).toEqual([['users', 'me'], ['users']]);
  });
});

describe('the impact of a real diff on consumers read from their Pact files', () => {
  const schema = (maxLength: number): JsonObject => ({ type: 'string', maxLength });
  const listUsers = (maxLength: number) => ({
    get: {
      parameters: [
        { name: 'status', in: 'query', schema: schema(maxLength) },
        { name: 'cursor', in: 'query', schema: schema(maxLength) },
      ],
      responses: ok,
    },
  });
  const user = { get: { responses: ok } };
  const invoices = { post: { responses: { '201': { description: 'Created' } } } };
  const before = api({ '/users': listUsers(64), '/users/{id}': user, '/users/{id}/invoices': invoices });
  const after = api({ '/users': listUsers(16), '/users/{userId}': user, '/teams': user });
  const result = diffOpenApi(before, after, { today: '2026-06-01' });
  const pact = (name: string) =>
    parsePact(JSON.parse(fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')));
  const consumers = [
    consumerFromPact('billing', pact('billing-web.v2.json')),
    consumerFromPact('mobile', pact('mobile-app.v3.json')),
  ];
  const impact = consumerImpact(before, result, consumers);
  const indexOf = (ruleId: string, text: string) =>
    result.findings.findIndex((finding) => finding.ruleId === ruleId && finding.message.includes(text));
  /** The removal is reported once, by the operation or the path rule: whichever the catalogue picks. */
  const invoicesRemoved = result.findings.findIndex(
    (finding) => finding.operationKey === 'POST /users/{}/invoices' && finding.level === 'ERR',
  );

  it('sends each finding to the consumers it breaks', () => {
    const statusShortened = indexOf('request-parameter-max-length-decreased', 'status');
    expect(invoicesRemoved).toBeGreaterThanOrEqual(0);
    expect(statusShortened).toBeGreaterThanOrEqual(0);
    expect(impact.perFinding[invoicesRemoved]?.consumerIds).toEqual(['billing']);
    expect(impact.perFinding[statusShortened]?.consumerIds).toEqual(['mobile']);
  });

  it('lists breaking findings no consumer uses, leaving out informational ones', () => {
    const cursorShortened = indexOf('request-parameter-max-length-decreased', 'cursor');
    const teamsAdded = indexOf('endpoint-added', 'GET /teams');
    expect(impact.unused).toEqual([cursorShortened]);
    expect(impact.perFinding[teamsAdded]?.consumerIds).toEqual([]);
  });

  it('lists, per consumer, the findings that reach it', () => {
    expect(impact.perConsumer).toEqual([
      { consumerId: 'billing', findings: [invoicesRemoved] },
      { consumerId: 'mobile', findings: [indexOf('request-parameter-max-length-decreased', 'status')] },
    ]);
    expect(impact.perFinding.map((entry) => entry.findingIndex)).toEqual(
      result.findings.map((_, index) => index),
    );
  });
});
