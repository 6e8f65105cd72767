import type { HeaderRule, JsonObject } from '../types.ts';
import { withOperation, withResponseHeader } from './examples.ts';
import { isDeprecated } from './sunset.ts';

/**
 * Response headers as a whole: removed, added, required or not, deprecated. What their values may be
 * is judged by the schema rules; request headers are parameters.
 */

type HeaderContext = Parameters<HeaderRule['check']>[1];

const isRequired = (header: JsonObject) => header.required === true;
const where = (context: HeaderContext) => `response ${context.status} header ${context.name}`;

const rateLimit = (members: JsonObject = {}) =>
  withResponseHeader('X-Rate-Limit', { schema: { type: 'integer' }, ...members });
const noHeaders = withOperation('get', '/orders', {});

export const headerRules: HeaderRule[] = [
  {
    id: 'required-response-header-removed',
    level: 'ERR',
    section: 'headers',
    scope: 'header',
    title: 'A required response header was removed',
    why: 'Clients that read the header (a rate limit, a location, a version) find it missing. Keep sending it until clients have stopped reading it.',
    examples: {
      triggers: { base: rateLimit({ required: true }), revision: noHeaders },
      nearMiss: { base: rateLimit(), revision: noHeaders },
    },
    check: ({ base, revision }, context) =>
      base && !revision && isRequired(base) ? `required ${where(context)} removed` : null,
  },
  {
    id: 'optional-response-header-removed',
    level: 'WARN',
    section: 'headers',
    scope: 'header',
    title: 'An optional response header was removed',
    why: 'Clients had to cope with it missing, but those that use it when present lose what it told them. Check who reads it before removing it.',
    examples: {
      triggers: { base: rateLimit(), revision: noHeaders },
      nearMiss: { base: rateLimit(), revision: rateLimit({ deprecated: true }) },
    },
    check: ({ base, revision }, context) =>
      base && !revision && !isRequired(base) ? `optional ${where(context)} removed` : null,
  },
  {
    id: 'response-header-added',
    level: 'INFO',
    section: 'headers',
    scope: 'header',
    title: 'A response header was added',
    why: 'Clients ignore headers they do not know; they may start reading it.',
    examples: {
      triggers: { base: noHeaders, revision: rateLimit() },
      nearMiss: { base: rateLimit(), revision: rateLimit({ required: true }) },
    },
    check: ({ base, revision }, context) =>
      !base && revision ? `${isRequired(revision) ? 'required' : 'optional'} ${where(context)} added` : null,
  },
  {
    id: 'response-header-became-optional',
    level: 'WARN',
    section: 'headers',
    scope: 'header',
    title: 'A required response header became optional',
    why: 'Clients that count on the header may find it missing, though the server usually still sends it (oasdiff says ERR; here it is a warning, as only the promise changed). Clients should cope with its absence.',
    examples: {
      triggers: { base: rateLimit({ required: true }), revision: rateLimit() },
      nearMiss: { base: rateLimit(), revision: rateLimit({ required: true }) },
    },
    check: ({ base, revision }, context) =>
      base && revision && isRequired(base) && !isRequired(revision)
        ? { message: `${where(context)} became optional`, at: '/required', before: true, after: false }
        : null,
  },
  {
    id: 'response-header-became-required',
    level: 'INFO',
    section: 'headers',
    scope: 'header',
    title: 'An optional response header became required',
    why: 'The header is now always sent: clients that handled its absence keep working.',
    examples: {
      triggers: { base: rateLimit(), revision: rateLimit({ required: true }) },
      nearMiss: { base: rateLimit({ required: true }), revision: rateLimit() },
    },
    check: ({ base, revision }, context) =>
      base && revision && !isRequired(base) && isRequired(revision)
        ? { message: `${where(context)} became required`, at: '/required', before: false, after: true }
        : null,
  },
  {
    id: 'response-header-deprecated',
    level: 'INFO',
    section: 'headers',
    scope: 'header',
    title: 'A response header was deprecated',
    why: 'The header is still sent. Clients should stop reading it before it is removed.',
    examples: {
      triggers: { base: rateLimit(), revision: rateLimit({ deprecated: true }) },
      nearMiss: { base: rateLimit({ deprecated: true }), revision: rateLimit() },
    },
    check: ({ base, revision }, context) =>
      base && revision && !isDeprecated(base) && isDeprecated(revision)
        ? { message: `${where(context)} deprecated`, at: '/deprecated', before: false, after: true }
        : null,
  },
  {
    id: 'response-header-reactivated',
    level: 'INFO',
    section: 'headers',
    scope: 'header',
    title: 'A deprecated response header is no longer deprecated',
    why: 'The header stays: clients may keep reading it.',
    examples: {
      triggers: { base: rateLimit({ deprecated: true }), revision: rateLimit() },
      nearMiss: { base: rateLimit(), revision: rateLimit({ deprecated: true }) },
    },
    check: ({ base, revision }, context) =>
      base && revision && isDeprecated(base) && !isDeprecated(revision)
        ? { message: `${where(context)} no longer deprecated`, at: '/deprecated', before: true, after: false }
        : null,
  },
];
