import type { OperationRule } from '../types.ts';
import { withOperation } from './examples.ts';

const listOrders = withOperation('get', '/orders', { operationId: 'listOrders' });
const noOperations = withOperation('get', '/health', {});
const withBoth = {
  ...listOrders,
  paths: { ...(listOrders.paths as object), ...(noOperations.paths as object) },
};

/** Operations added and removed. */
export const operationRules: OperationRule[] = [
  {
    id: 'api-removed-without-deprecation',
    level: 'ERR',
    section: 'operations',
    scope: 'operation',
    title: 'An operation was removed without being deprecated first',
    why: 'Clients calling the operation get 404 or 405 from the day it ships. Deprecate it first, with a sunset date, and remove it after that date.',
    examples: {
      triggers: { base: withBoth, revision: noOperations },
      nearMiss: { base: withBoth, revision: withBoth },
    },
    check: ({ base, revision }) => {
      if (!base || revision || base.deprecated === true) return null;
      return 'removed without deprecation';
    },
  },
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
];
