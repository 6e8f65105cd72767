import { isObject } from '../document.ts';
import type { Json, JsonObject, OperationRule, ReportDetail, RuleReport } from '../types.ts';
import { withOperation } from './examples.ts';

/**
 * What describes an operation rather than what it accepts: its operationId, tags, texts and
 * callbacks. Generated clients name their methods after the operationId; the rest is for readers,
 * except callbacks, which are requests the API makes to its clients.
 */

const listOrders = (members: JsonObject) => withOperation('get', '/orders', members);

function textOf(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function stringsOf(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A check run only on operations present on both sides. */
function onKept(check: (base: JsonObject, revision: JsonObject) => RuleReport): OperationRule['check'] {
  return ({ base, revision }) => (base && revision ? check(base, revision) : null);
}

/** The members of a list present on one side and not the other, one finding each. */
function listed(from: string[], other: string[], describe: (item: string) => ReportDetail): ReportDetail[] {
  return from.filter((item) => !other.includes(item)).map(describe);
}

function callbackNames(operation: JsonObject): string[] {
  return isObject(operation.callbacks) ? Object.keys(operation.callbacks) : [];
}

const onShipped = {
  onShipped: {
    '{$request.body#/callbackUrl}': { post: { responses: { '200': { description: 'Received' } } } },
  },
};

export const operationMetadataRules: OperationRule[] = [
  {
    id: 'api-operation-id-removed',
    level: 'INFO',
    section: 'operations',
    scope: 'operation',
    title: 'An operation lost its operationId',
    why: 'Calls keep working. Clients generated from the contract name the method after the operationId, so regenerating renames it, and links (OpenAPI `links`) that name it stop resolving.',
    examples: {
      triggers: { base: listOrders({ operationId: 'listOrders' }), revision: listOrders({}) },
      nearMiss: { base: listOrders({}), revision: listOrders({ operationId: 'listOrders' }) },
    },
    check: onKept((base, revision) => {
      const before = textOf(base.operationId);
      if (before === undefined || textOf(revision.operationId) !== undefined) return null;
      return { message: `operationId ${before} removed`, at: '/operationId', before };
    }),
  },
  {
    id: 'api-operation-id-added',
    level: 'INFO',
    section: 'operations',
    scope: 'operation',
    title: 'An operation was given an operationId',
    why: 'Calls are unchanged; generated clients get a stable method name for the operation.',
    examples: {
      triggers: { base: listOrders({}), revision: listOrders({ operationId: 'listOrders' }) },
      nearMiss: { base: listOrders({ operationId: 'listOrders' }), revision: listOrders({}) },
    },
    check: onKept((base, revision) => {
      const after = textOf(revision.operationId);
      if (after === undefined || textOf(base.operationId) !== undefined) return null;
      return { message: `operationId ${after} added`, at: '/operationId', after };
    }),
  },
  {
    id: 'api-operation-id-changed',
    level: 'WARN',
    section: 'operations',
    scope: 'operation',
    title: 'An operation’s operationId changed',
    why: 'Calls keep working, but clients generated from the contract rename the method when they regenerate, breaking the code that calls it, and links naming the old operationId stop resolving (oasdiff reports it as api-operation-id-removed, INFO). Keep the operationId unless the rename is worth a client change.',
    examples: {
      triggers: {
        base: listOrders({ operationId: 'listOrders' }),
        revision: listOrders({ operationId: 'findOrders' }),
      },
      nearMiss: { base: listOrders({}), revision: listOrders({ operationId: 'findOrders' }) },
    },
    check: onKept((base, revision) => {
      const before = textOf(base.operationId);
      const after = textOf(revision.operationId);
      if (before === undefined || after === undefined || before === after) return null;
      return { message: `operationId changed from ${before} to ${after}`, at: '/operationId', before, after };
    }),
  },
  {
    id: 'api-tag-removed',
    level: 'INFO',
    section: 'operations',
    scope: 'operation',
    title: 'A tag was removed from an operation',
    why: 'Calls are unchanged. Documentation and clients generated per tag group the operation elsewhere.',
    examples: {
      triggers: {
        base: listOrders({ tags: ['orders', 'billing'] }),
        revision: listOrders({ tags: ['orders'] }),
      },
      nearMiss: {
        base: listOrders({ tags: ['orders'] }),
        revision: listOrders({ tags: ['orders', 'billing'] }),
      },
    },
    check: onKept((base, revision) =>
      listed(stringsOf(base.tags), stringsOf(revision.tags), (tag) => ({
        message: `tag ${tag} removed`,
        at: '/tags',
        before: tag,
      })),
    ),
  },
  {
    id: 'api-tag-added',
    level: 'INFO',
    section: 'operations',
    scope: 'operation',
    title: 'A tag was added to an operation',
    why: 'Calls are unchanged. Documentation and clients generated per tag list the operation in one more group.',
    examples: {
      triggers: {
        base: listOrders({ tags: ['orders'] }),
        revision: listOrders({ tags: ['orders', 'billing'] }),
      },
      nearMiss: {
        base: listOrders({ tags: ['orders', 'billing'] }),
        revision: listOrders({ tags: ['orders'] }),
      },
    },
    check: onKept((base, revision) =>
      listed(stringsOf(revision.tags), stringsOf(base.tags), (tag) => ({
        message: `tag ${tag} added`,
        at: '/tags',
        after: tag,
      })),
    ),
  },
  {
    id: 'api-summary-changed',
    level: 'INFO',
    section: 'operations',
    scope: 'operation',
    title: 'An operation’s summary changed',
    why: 'Calls are unchanged; the text readers see in the documentation is different.',
    examples: {
      triggers: {
        base: listOrders({ summary: 'List orders' }),
        revision: listOrders({ summary: 'List open orders' }),
      },
      nearMiss: {
        base: listOrders({ summary: 'List orders' }),
        revision: listOrders({ summary: 'List orders', description: 'Newest first.' }),
      },
    },
    check: onKept((base, revision) => textChange(base, revision, 'summary')),
  },
  {
    id: 'api-description-changed',
    level: 'INFO',
    section: 'operations',
    scope: 'operation',
    title: 'An operation’s description changed',
    why: 'Calls are unchanged, but read the new text: a description sometimes states behaviour (ordering, limits) that clients rely on.',
    examples: {
      triggers: {
        base: listOrders({ description: 'Newest first.' }),
        revision: listOrders({ description: 'Oldest first.' }),
      },
      nearMiss: {
        base: listOrders({ description: 'Newest first.' }),
        revision: listOrders({ description: 'Newest first.', summary: 'List orders' }),
      },
    },
    check: onKept((base, revision) => textChange(base, revision, 'description')),
  },
  {
    id: 'api-callback-removed',
    level: 'ERR',
    section: 'operations',
    scope: 'operation',
    title: 'A callback was removed from an operation',
    why: 'The API no longer calls the clients’ callback URL for it: clients waiting for those calls wait forever. Keep the callback, or tell clients how to poll instead before removing it.',
    examples: {
      triggers: { base: listOrders({ callbacks: onShipped }), revision: listOrders({}) },
      nearMiss: { base: listOrders({}), revision: listOrders({ callbacks: onShipped }) },
    },
    check: onKept((base, revision) =>
      listed(callbackNames(base), callbackNames(revision), (name) => ({
        message: `callback ${name} removed`,
        at: '/callbacks',
        before: name,
      })),
    ),
  },
  {
    id: 'api-callback-added',
    level: 'INFO',
    section: 'operations',
    scope: 'operation',
    title: 'A callback was added to an operation',
    why: 'The API will call the clients’ callback URL; clients that do not register one are not affected.',
    examples: {
      triggers: { base: listOrders({}), revision: listOrders({ callbacks: onShipped }) },
      nearMiss: { base: listOrders({ callbacks: onShipped }), revision: listOrders({}) },
    },
    check: onKept((base, revision) =>
      listed(callbackNames(revision), callbackNames(base), (name) => ({
        message: `callback ${name} added`,
        at: '/callbacks',
        after: name,
      })),
    ),
  },
];

function textChange(base: JsonObject, revision: JsonObject, key: 'summary' | 'description'): RuleReport {
  const before = textOf(base[key]);
  const after = textOf(revision[key]);
  if (before === after) return null;
  if (before === undefined) return { message: `${key} added`, at: `/${key}`, after: after ?? null };
  if (after === undefined) return { message: `${key} removed`, at: `/${key}`, before };
  return { message: `${key} changed`, at: `/${key}`, before, after };
}
