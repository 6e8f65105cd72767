import { httpMethods, isObject } from '../document.ts';
import type { JsonObject, OperationRule, PathRule } from '../types.ts';
import { api } from './examples.ts';
import { removalRule } from './removal.ts';

const ok = { '200': { description: 'OK' } };
const health = { get: { responses: ok } };

/** A document with `GET /orders` (with the given members) beside `GET /health`. */
function withOrders(operation: JsonObject = {}) {
  return api({ '/orders': { get: { responses: ok, ...operation } }, '/health': health });
}
const onlyHealth = api({ '/health': health });
const deprecatedUntil = (sunset: string) => withOrders({ deprecated: true, 'x-sunset': sunset });

/**
 * Whole paths removed and added. A removal is judged per operation the path held, by how far along
 * its deprecation it was, so that consumers of each operation see the change.
 */
export const pathRules: (OperationRule | PathRule)[] = [
  removalRule({
    id: 'api-path-removed-without-deprecation',
    level: 'ERR',
    section: 'paths',
    title: 'A path was removed with operations that were not deprecated',
    why: 'Clients calling the path get 404 from the day it ships, with no warning. Deprecate its operations first, with a sunset date, and remove the path after that date.',
    examples: {
      triggers: { base: withOrders(), revision: onlyHealth },
      nearMiss: { base: withOrders({ deprecated: true }), revision: onlyHealth },
    },
    stages: ['not-deprecated'],
    withPath: true,
    message: () => 'removed with its path, without deprecation',
  }),
  removalRule({
    id: 'api-path-removed-with-deprecation',
    level: 'WARN',
    section: 'paths',
    title: 'A path was removed with deprecated operations that announced no sunset date',
    why: 'Clients were told to move away but not by when, so some may still call it (oasdiff says INFO; here it is a warning because without a sunset date the minimum deprecation period cannot be checked). Announce a sunset date (x-sunset or the Sunset header) and remove the path after it.',
    examples: {
      triggers: { base: withOrders({ deprecated: true }), revision: onlyHealth },
      nearMiss: { base: deprecatedUntil('2026-01-01'), revision: onlyHealth },
    },
    stages: ['no-sunset'],
    withPath: true,
    message: () => 'removed with its path while deprecated, without a sunset date',
  }),
  removalRule({
    id: 'api-path-removed-before-sunset',
    level: 'ERR',
    section: 'paths',
    title: 'A path was removed before the sunset date its operations announced',
    why: 'Clients were promised the operation until its sunset date and may not have moved yet. Keep the path until the date has passed.',
    examples: {
      triggers: { base: deprecatedUntil('2027-01-01'), revision: onlyHealth },
      nearMiss: { base: deprecatedUntil('2026-01-01'), revision: onlyHealth },
    },
    stages: ['before-sunset'],
    withPath: true,
    message: (sunset) => `removed with its path before its sunset date ${sunset?.date}`,
  }),
  removalRule({
    id: 'api-path-removed-after-sunset',
    level: 'INFO',
    section: 'paths',
    title: 'A deprecated path was removed after its sunset date',
    why: 'The operation was deprecated and its sunset date has passed: clients had the announced time to move. Calls still made to it now get 404.',
    examples: {
      triggers: { base: deprecatedUntil('2026-01-01'), revision: onlyHealth },
      nearMiss: { base: deprecatedUntil('2027-01-01'), revision: onlyHealth },
    },
    stages: ['after-sunset'],
    withPath: true,
    message: (sunset) => `removed with its path after its sunset date ${sunset?.date}`,
  }),
  removalRule({
    id: 'api-path-sunset-parse',
    level: 'ERR',
    section: 'paths',
    title: 'A deprecated operation was removed but its sunset date cannot be read',
    why: 'Whether the removal respects the announced sunset cannot be told. Write the sunset as an ISO date (2027-01-31), an RFC 3339 date-time or an HTTP-date.',
    examples: {
      triggers: { base: withOrders({ deprecated: true, 'x-sunset': 'next spring' }), revision: onlyHealth },
      nearMiss: { base: deprecatedUntil('2026-01-01'), revision: onlyHealth },
    },
    stages: ['unreadable-sunset'],
    withPath: 'either',
    message: (sunset) => `removed, but its sunset '${sunset?.text}' is not a date`,
  }),
  {
    id: 'api-path-added',
    level: 'INFO',
    section: 'paths',
    scope: 'path',
    title: 'A path was added',
    why: 'A new path breaks no client; it is listed so that the change log is complete.',
    examples: {
      triggers: { base: onlyHealth, revision: withOrders() },
      nearMiss: { base: onlyHealth, revision: api({ '/health': { ...health, head: { responses: ok } } }) },
    },
    check: ({ base, revision }, context) => {
      if (base || !revision) return null;
      const methods = httpMethods.filter((method) => isObject(revision[method]));
      const listed =
        methods.length > 0 ? ` (${methods.map((method) => method.toUpperCase()).join(', ')})` : '';
      return `path ${context.paths.revision} added${listed}`;
    },
  },
];
