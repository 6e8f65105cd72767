import type { JsonObject, OperationRule } from '../types.ts';
import { api, withOperation } from './examples.ts';
import { removalRule } from './removal.ts';
import { isDeprecated, sunsetOf } from './sunset.ts';

const ok = { '200': { description: 'OK' } };
const noOperations = withOperation('get', '/health', {});
const withBoth = api({
  '/orders': { get: { responses: ok, operationId: 'listOrders' } },
  '/health': { get: { responses: ok } },
});

/** `GET /orders` beside `DELETE /orders` with the given members: removing the DELETE keeps the path. */
function withDelete(operation: JsonObject = {}) {
  return api({ '/orders': { get: { responses: ok }, delete: { responses: ok, ...operation } } });
}
const withoutDelete = api({ '/orders': { get: { responses: ok } } });
const deleteDeprecatedUntil = (sunset: string) => withDelete({ deprecated: true, 'x-sunset': sunset });

const listOrders = (members: JsonObject) => withOperation('get', '/orders', members);

/**
 * Operations added and removed from a path that stays (whole paths are in paths.ts), and their
 * deprecation.
 */
export const operationRules: OperationRule[] = [
  removalRule({
    id: 'api-removed-without-deprecation',
    level: 'ERR',
    section: 'operations',
    title: 'An operation was removed without being deprecated first',
    why: 'Clients calling the operation get 404 or 405 from the day it ships. Deprecate it first, with a sunset date, and remove it after that date.',
    examples: {
      triggers: { base: withDelete(), revision: withoutDelete },
      nearMiss: { base: withDelete({ deprecated: true }), revision: withoutDelete },
    },
    stages: ['not-deprecated'],
    withPath: false,
    message: () => 'removed without deprecation',
  }),
  removalRule({
    id: 'api-removed-with-deprecation',
    level: 'WARN',
    section: 'operations',
    title: 'A deprecated operation that announced no sunset date was removed',
    why: 'Clients were told to move away but not by when, so some may still call it (oasdiff says INFO; here it is a warning because without a sunset date the minimum deprecation period cannot be checked). Announce a sunset date (x-sunset or the Sunset header) and remove the operation after it.',
    examples: {
      triggers: { base: withDelete({ deprecated: true }), revision: withoutDelete },
      nearMiss: { base: deleteDeprecatedUntil('2026-01-01'), revision: withoutDelete },
    },
    stages: ['no-sunset'],
    withPath: false,
    message: () => 'removed while deprecated, without a sunset date',
  }),
  removalRule({
    id: 'api-removed-before-sunset',
    level: 'ERR',
    section: 'operations',
    title: 'A deprecated operation was removed before its sunset date',
    why: 'Clients were promised the operation until its sunset date and may not have moved yet. Keep it until the date has passed.',
    examples: {
      triggers: { base: deleteDeprecatedUntil('2027-01-01'), revision: withoutDelete },
      nearMiss: { base: deleteDeprecatedUntil('2026-01-01'), revision: withoutDelete },
    },
    stages: ['before-sunset'],
    withPath: false,
    message: (sunset) => `removed before its sunset date ${sunset?.date}`,
  }),
  removalRule({
    id: 'api-removed-after-sunset',
    level: 'INFO',
    section: 'operations',
    title: 'A deprecated operation was removed after its sunset date',
    why: 'The operation was deprecated and its sunset date has passed: clients had the announced time to move. This is how an operation should go; calls still made to it now fail.',
    examples: {
      triggers: { base: deleteDeprecatedUntil('2026-01-01'), revision: withoutDelete },
      nearMiss: { base: deleteDeprecatedUntil('2027-01-01'), revision: withoutDelete },
    },
    stages: ['after-sunset'],
    withPath: false,
    message: (sunset) => `removed after its sunset date ${sunset?.date}`,
  }),
  {
    id: 'endpoint-added',
    level: 'INFO',
    section: 'operations',
    scope: 'operation',
    title: 'An operation was added',
    why: 'A new operation breaks no client; it is listed so that the change log is complete.',
    examples: {
      triggers: { base: noOperations, revision: withBoth },
      nearMiss: { base: withBoth, revision: withBoth },
    },
    check: ({ base, revision }) => (!base && revision ? 'operation added' : null),
  },
  {
    id: 'endpoint-deprecated',
    level: 'INFO',
    section: 'deprecation',
    scope: 'operation',
    title: 'An operation was deprecated',
    why: 'Nothing breaks yet: the operation still works. Clients should move to its replacement before the sunset date; the finding carries that date (after) when the contract gives one.',
    examples: {
      triggers: {
        base: listOrders({}),
        revision: listOrders({ deprecated: true, 'x-sunset': '2027-01-01' }),
      },
      nearMiss: {
        base: listOrders({ deprecated: true, 'x-sunset': '2027-01-01' }),
        revision: listOrders({ deprecated: true, 'x-sunset': '2027-03-01' }),
      },
    },
    check: ({ base, revision }, context) => {
      if (!base || !revision || isDeprecated(base) || !isDeprecated(revision)) return null;
      const sunset = sunsetOf(revision, (node) => context.resolve('revision', node));
      return {
        message: sunset?.date ? `deprecated, sunset ${sunset.date}` : 'deprecated',
        at: '/deprecated',
        before: false,
        after: sunset?.date ?? null,
      };
    },
  },
  {
    id: 'endpoint-reactivated',
    level: 'INFO',
    section: 'deprecation',
    scope: 'operation',
    title: 'A deprecated operation is no longer deprecated',
    why: 'The operation stays: clients that were moving away from it may keep using it.',
    examples: {
      triggers: { base: listOrders({ deprecated: true }), revision: listOrders({}) },
      nearMiss: {
        base: listOrders({ deprecated: true }),
        revision: listOrders({ deprecated: true, 'x-sunset': '2027-01-01' }),
      },
    },
    check: ({ base, revision }) =>
      base && revision && isDeprecated(base) && !isDeprecated(revision)
        ? { message: 'no longer deprecated', at: '/deprecated', before: true, after: false }
        : null,
  },
];
