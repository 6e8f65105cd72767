import { sameJson } from '../document.ts';
import type { DocumentRule, JsonObject, OperationRule, ReportDetail } from '../types.ts';
import { withOperation } from './examples.ts';
import { shown } from './schema-values.ts';

/**
 * Specification extensions (`x-…`) of the document and of operations. They mean what the tools
 * reading them make of them (gateways, SDK generators, docs), so every change is listed for the
 * people who know those tools; the ones this engine understands (x-stability-level, x-sunset) are
 * judged by their own rules.
 */

const judgedElsewhere = new Set(['x-stability-level', 'x-sunset']);

type Change = 'added' | 'removed' | 'changed';

/** The extensions of two nodes that were added, removed or changed. */
function extensionChanges(base: JsonObject, revision: JsonObject, change: Change): ReportDetail[] {
  const keys = new Set([...Object.keys(base), ...Object.keys(revision)]);
  const details: ReportDetail[] = [];
  for (const key of keys) {
    if (!key.startsWith('x-') || judgedElsewhere.has(key)) continue;
    const before = base[key];
    const after = revision[key];
    const at = `/${key}`;
    if (change === 'added' && before === undefined && after !== undefined) {
      details.push({ message: `extension ${key} added`, at, after });
    } else if (change === 'removed' && before !== undefined && after === undefined) {
      details.push({ message: `extension ${key} removed`, at, before });
    } else if (
      change === 'changed' &&
      before !== undefined &&
      after !== undefined &&
      !sameJson(before, after)
    ) {
      details.push({
        message: `extension ${key} changed from ${shown(before)} to ${shown(after)}`,
        at,
        before,
        after,
      });
    }
  }
  return details;
}

const titles: Record<Change, string> = {
  added: 'An extension (x-…) was added',
  removed: 'An extension (x-…) was removed',
  changed: 'The value of an extension (x-…) changed',
};
const why =
  'Clients of the API are not affected, but tools that read the extension (a gateway’s rate limits, an SDK generator’s names, a documentation theme) may behave differently. Check with whoever relies on it.';

const documentWith = (extensions: JsonObject) => withOperation('get', '/orders', {}, extensions);
const operationWith = (extensions: JsonObject) => withOperation('get', '/orders', extensions);

/**
 * Examples for each change: the base, a revision that triggers it, and the near misses: a change
 * next to it that must not, at the top of the document and on an operation.
 */
const samples: Record<
  Change,
  { base: JsonObject; triggers: JsonObject; nearMiss: { document: JsonObject; operation: JsonObject } }
> = {
  added: {
    base: {},
    triggers: { 'x-owner': 'payments' },
    nearMiss: { document: { tags: [{ name: 'orders' }] }, operation: { 'x-stability-level': 'beta' } },
  },
  removed: {
    base: { 'x-owner': 'payments' },
    triggers: {},
    nearMiss: { document: { 'x-owner': 'billing' }, operation: { 'x-owner': 'billing' } },
  },
  changed: {
    base: { 'x-owner': 'payments' },
    triggers: { 'x-owner': 'billing' },
    nearMiss: {
      document: { 'x-owner': 'payments', 'x-team': 'core' },
      operation: { 'x-owner': 'payments', 'x-stability-level': 'beta' },
    },
  },
};

function documentRule(change: Change): DocumentRule {
  const { base, triggers, nearMiss } = samples[change];
  return {
    id: `api-extension-${change}`,
    level: 'INFO',
    section: 'extensions',
    scope: 'document',
    title: `${titles[change]} at the top of the document`,
    why,
    examples: {
      triggers: { base: documentWith(base), revision: documentWith(triggers) },
      nearMiss: { base: documentWith(base), revision: documentWith(nearMiss.document) },
    },
    check: (documents) => extensionChanges(documents.base, documents.revision, change),
  };
}

function operationRule(change: Change): OperationRule {
  const { base, triggers, nearMiss } = samples[change];
  return {
    id: `api-operation-extension-${change}`,
    level: 'INFO',
    section: 'extensions',
    scope: 'operation',
    title: `${titles[change]} on an operation`,
    why,
    examples: {
      triggers: { base: operationWith(base), revision: operationWith(triggers) },
      nearMiss: { base: operationWith(base), revision: operationWith(nearMiss.operation) },
    },
    check: ({ base, revision }) => (base && revision ? extensionChanges(base, revision, change) : null),
  };
}

export const extensionRules: (DocumentRule | OperationRule)[] = [
  ...(['added', 'removed', 'changed'] as const).flatMap((change) => [
    documentRule(change),
    operationRule(change),
  ]),
];
